/**
 * What the mentors module does when others change: a mentor whose account
 * is deactivated can no longer answer, so their profile is paused (no new
 * matches or requests; the candidate index follows the status event). It
 * stays paused if the account comes back: the mentor resumes it themselves.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import { AppError } from '../../core/errors.js';
import { mentorsRepository } from './mentors.repository.js';
import { changeMentorStatus } from './usecases/change-mentor-status.js';

export function registerMentorsListeners(bus: EventBus): void {
  bus.on('user.updated', async (event) => {
    if (event.status !== 'deactivated' || !event.changed.includes('status')) return;
    const mentor = await mentorsRepository.findByUserId(event.userId);
    if (mentor?.status !== 'active') return;
    try {
      const paused = await changeMentorStatus(mentor, 'pause', { userId: event.by ?? event.userId, at: new Date(event.occurredAt) });
      await bus.emit('mentor.statusChanged', { mentorId: paused._id.toHexString(), status: paused.status });
    } catch (error) {
      // Paused by the mentor meanwhile: nothing left to do.
      if (!(error instanceof AppError && error.code === 'invalid_transition')) throw error;
    }
  });
}
