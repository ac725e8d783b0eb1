/**
 * Password hashing with argon2id at OWASP's recommended cost
 * (19 MiB, 2 passes, 1 lane): strong, and cheap enough for bursts of logins.
 * @node-rs/argon2 ships a prebuilt binary per platform (no compiler needed).
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id: the enum is `const` in the typings, which isolated modules cannot inline. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Burns the same time as a real check, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('runway-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
