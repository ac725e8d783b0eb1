/**
 * What the sessions module does after a session changes: tells the other
 * side (session-notices.ts) and keeps the mentor's stats. The notice of a
 * booking and what follows a session later (reminders, the feedback
 * request, the no-show check) ride on the session itself (follow-ups.ts),
 * set and unset with its state.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import { noticeDate, tellBothSides, tellTeam, withOther } from './session-notices.js';
import { refreshSessionStats } from './session-stats.js';

export function registerSessionsListeners(bus: EventBus): void {
  bus.on('session.completed', (event) => refreshSessionStats(event.mentorId));
  bus.on('session.feedbackGiven', async (event) => {
    if (event.side === 'startup') await refreshSessionStats(event.mentorId);
  });

  bus.on('session.cancelled', async (event) => {
    await tellBothSides(`session.cancelled:${event.sessionId}`, 'session.cancelled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã bị hủy', en: 'Session cancelled' },
      body: {
        vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã bị hủy. Lý do: ${event.reason}`,
        en: `The session ${withOther(p, side).en} on ${time.en} was cancelled. Reason: ${event.reason}`,
      },
    }), bus);
  });
  bus.on('session.no_show', async (event) => {
    await tellBothSides(`session.no_show:${event.sessionId}`, 'session.no_show', event, (p, time, side) => ({
      title: { vi: 'Buổi gặp ghi nhận vắng mặt', en: 'Session marked a no-show' },
      body: event.by
        ? { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} được báo là có người vắng mặt.`, en: `The session ${withOther(p, side).en} on ${time.en} was reported a no-show.` }
        : { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} không được xác nhận đã diễn ra nên được ghi nhận vắng mặt.`, en: `Nobody marked the session ${withOther(p, side).en} on ${time.en} held, so it is recorded as a no-show.` },
    }), bus);
  });
  bus.on('session.rescheduled', async (event) => {
    await tellBothSides(`session.rescheduled:${event.sessionId}`, 'session.rescheduled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã được dời', en: 'Session moved' },
      body: {
        vi: `Buổi gặp ${withOther(p, side).vi} đã được dời sang ${time.vi}.`,
        en: `The session ${withOther(p, side).en} moved to ${time.en}.`,
      },
    }), bus);
  });
  bus.on('session.actionItemAdded', async (event) => {
    const due = event.dueOn ? noticeDate(event.dueOn) : undefined;
    await tellTeam(`session.actionItemAdded:${event.actionItemId}`, 'session.actionItemAdded', event, (p) => ({
      title: { vi: 'Việc cần làm từ cố vấn', en: 'New action item from your mentor' },
      body: {
        vi: `${p.mentorName} giao việc: “${event.title}”${due ? ` (hạn ${due.vi})` : ''}.`,
        en: `${p.mentorName} set an action item: “${event.title}”${due ? ` (due ${due.en})` : ''}.`,
      },
    }), bus, { actionItemId: event.actionItemId });
  });
}
