import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { activitiesRepository } from '../activities.repository.js';
import { getActivity } from './get-activity.js';

/** Removes an activity recorded by mistake (staff); reports stop counting it at once. */
export async function deleteActivity(actor: AuthUser, id: string): Promise<void> {
  const activity = await getActivity(actor, id);
  if (!(await activitiesRepository.delete(activity._id))) throw new NotFound('activity_not_found', 'No such activity.');
}
