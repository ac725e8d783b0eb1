/**
 * The cohorts module's live events: a milestone changed (then the
 * startup's recomputed progress), and admissions starting or ending, to
 * the cohort's room and the startup's; milestones and progress also to the
 * rooms of the startup's mentors (`mentorRoomsOf`, given by the composition:
 * mentorships live in a module that imports this one).
 */
import type { EventBus } from '../../core/events/event-bus.js';
import type { AdmissionStatus } from '../../core/realtime/live-events.js';
import type { LivePublisher } from '../../core/realtime/live-publisher.js';
import { countByState, progressPercent } from './milestone-progress.js';
import { milestonesRepository } from './milestones.repository.js';

const roomsOf = (event: { cohortId: string; startupId: string }) => [`cohort:${event.cohortId}`, `startup:${event.startupId}`];

/** The startup's progress in the cohort now, from the admission of milestone `milestoneId`. */
async function progressAfter(milestoneId: string, event: { cohortId: string; startupId: string }) {
  const milestone = await milestonesRepository.findById(milestoneId);
  if (!milestone) return undefined;
  const counts = countByState(await milestonesRepository.findByAdmission(milestone.admissionId));
  return { cohortId: event.cohortId, startupId: event.startupId, progress: progressPercent(counts), counts };
}

export function registerCohortsLive(bus: EventBus, live: LivePublisher, mentorRoomsOf: (startupId: string) => Promise<string[]>): void {
  bus.on('milestone.updated', async (event) => {
    const { milestoneId, cohortId, startupId, state } = event;
    const changed = event.changed.filter((field): field is 'state' | 'note' => field === 'state' || field === 'note');
    const rooms = [...roomsOf(event), ...(await mentorRoomsOf(startupId))];
    await live.publish('milestone.updated', rooms, { milestoneId, cohortId, startupId, changed, state }, event.occurredAt);
    if (changed.includes('state')) await live.publish('cohort.progressed', rooms, () => progressAfter(milestoneId, event), event.occurredAt);
  });
  bus.on('cohort.admitted', (event) =>
    live.publish('admission.changed', roomsOf(event), { cohortId: event.cohortId, startupId: event.startupId, status: 'active' }, event.occurredAt),
  );
  // The domain calls an admission's end a progression of the cohort; live clients read it as an admission's change.
  bus.on('cohort.progressed', (event) =>
    live.publish('admission.changed', roomsOf(event), { cohortId: event.cohortId, startupId: event.startupId, status: event.status as AdmissionStatus }, event.occurredAt),
  );
}
