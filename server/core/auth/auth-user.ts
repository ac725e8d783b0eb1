/** The roles of SPEC §1. */
export const ROLES = ['startup', 'mentor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may choose when registering; managers and admins are created by an admin. */
export const SELF_REGISTER_ROLES = ['startup', 'mentor'] as const satisfies readonly Role[];

/** The authenticated caller, as routes and policies see it. */
export interface AuthUser {
  id: string;
  role: Role;
  email: string;
  name: string;
}

/** Incubator staff: managers and admins, who follow every startup and cohort. */
export const isStaff = (user: Pick<AuthUser, 'role'>): boolean => user.role === 'manager' || user.role === 'admin';
