/**
 * Keeps matching's in-memory views current with changes made in this
 * process: a mentor's change refreshes their slot in the candidate index;
 * anything that changes a startup's side (its profile, cohorts, requests,
 * mentorships) drops its cached subject. Other processes' changes arrive by
 * the index's poll and the subjects' TTL.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import { candidateIndex } from './candidate-index-sync.js';
import { matchSubjects } from './match-subjects.js';

export function registerMatchingListeners(bus: EventBus): void {
  const refreshMentor = (event: { mentorId: string }) => candidateIndex.refresh(event.mentorId);
  const dropStartup = (event: { startupId: string }) => matchSubjects.invalidate(event.startupId);

  bus.on('mentor.created', refreshMentor);
  bus.on('mentor.approved', refreshMentor);
  bus.on('mentor.updated', refreshMentor);
  bus.on('mentor.statusChanged', refreshMentor);
  bus.on('startup.updated', dropStartup);
  bus.on('cohort.admitted', dropStartup);
  bus.on('cohort.progressed', dropStartup);
  for (const name of ['request.created', 'request.declined', 'request.withdrawn', 'request.expired'] as const) bus.on(name, dropStartup);
  for (const name of ['request.accepted', 'mentorship.started', 'mentorship.ended'] as const) {
    bus.on(name, async (event) => {
      dropStartup(event);
      await refreshMentor(event);
    });
  }
}
