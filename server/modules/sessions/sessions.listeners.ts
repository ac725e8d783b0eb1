/**
 * What the sessions module does after a session changes: tells the other
 * side (session-notices.ts), and queues the session's jobs — reminders 24 h
 * and 1 h before, the feedback request at its end, the no-show check a day
 * later — or drops them when it is cancelled or moved.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import { tellBothSides, withOther } from './session-notices.js';
import { sessionsRepository } from './sessions.repository.js';
import { refreshSessionStats } from './session-stats.js';

export interface SessionsListenerPorts {
  /** Queues the jobs of a scheduled session (jobs/session-jobs.ts). */
  scheduleJobs(session: { sessionId: string; start: Date; end: Date }): Promise<void>;
  /** Drops the queued jobs of a session, but those named in `keep`. */
  dropJobs(sessionId: string, keep?: ReadonlyArray<'feedback' | 'noShowCheck'>): Promise<void>;
}

export function registerSessionsListeners(bus: EventBus, ports: SessionsListenerPorts): void {
  const scheduleJobs = async (sessionId: string) => {
    const session = await sessionsRepository.findById(sessionId);
    if (session?.status === 'scheduled') await ports.scheduleJobs({ sessionId, start: session.start, end: session.end });
  };
  bus.on('session.booked', (event) => scheduleJobs(event.sessionId));
  bus.on('session.cancelled', (event) => ports.dropJobs(event.sessionId));
  bus.on('session.rescheduled', async (event) => {
    await ports.dropJobs(event.previousSessionId);
    await scheduleJobs(event.sessionId);
  });
  bus.on('session.completed', async (event) => {
    // Held: no reminder or no-show check is due any more, but the startup is still asked for its rating.
    await ports.dropJobs(event.sessionId, ['feedback']);
    await refreshSessionStats(event.mentorId);
  });
  bus.on('session.feedbackGiven', async (event) => {
    if (event.side === 'startup') await refreshSessionStats(event.mentorId);
  });
  bus.on('session.no_show', async (event) => {
    // Found by the no-show check itself: that job is still running; the others go.
    await ports.dropJobs(event.sessionId, event.by === null ? ['noShowCheck'] : []);
  });

  bus.on('session.booked', async (event) => {
    await tellBothSides(`session.booked:${event.sessionId}`, 'session.booked', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp cố vấn mới', en: 'New mentoring session' },
      body:
        side === 'mentor'
          ? { vi: `${p.startupName} đã đặt lịch gặp bạn vào ${time.vi}.`, en: `${p.startupName} booked a session with you on ${time.en}.` }
          : { vi: `Đã đặt lịch gặp ${p.mentorName} vào ${time.vi}.`, en: `A session with ${p.mentorName} is booked for ${time.en}.` },
    }));
  });
  bus.on('session.cancelled', async (event) => {
    await tellBothSides(`session.cancelled:${event.sessionId}`, 'session.cancelled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã bị hủy', en: 'Session cancelled' },
      body: {
        vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã bị hủy. Lý do: ${event.reason}`,
        en: `The session ${withOther(p, side).en} on ${time.en} was cancelled. Reason: ${event.reason}`,
      },
    }));
  });
  bus.on('session.no_show', async (event) => {
    await tellBothSides(`session.no_show:${event.sessionId}`, 'session.no_show', event, (p, time, side) => ({
      title: { vi: 'Buổi gặp ghi nhận vắng mặt', en: 'Session marked a no-show' },
      body: event.by
        ? { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} được báo là có người vắng mặt.`, en: `The session ${withOther(p, side).en} on ${time.en} was reported a no-show.` }
        : { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} không được xác nhận đã diễn ra nên được ghi nhận vắng mặt.`, en: `Nobody marked the session ${withOther(p, side).en} on ${time.en} held, so it is recorded as a no-show.` },
    }));
  });
  bus.on('session.rescheduled', async (event) => {
    await tellBothSides(`session.rescheduled:${event.sessionId}`, 'session.rescheduled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã được dời', en: 'Session moved' },
      body: {
        vi: `Buổi gặp ${withOther(p, side).vi} đã được dời sang ${time.vi}.`,
        en: `The session ${withOther(p, side).en} moved to ${time.en}.`,
      },
    }));
  });
}
