import type { EventBus } from '../../../core/events/event-bus.js';
import { notificationsRepository, type NewNotification } from '../notifications.repository.js';

/** What to tell, to whom, keyed by what happened (`request.expired:<requestId>`). */
export interface Notice {
  /** What happened, unique per occurrence: the same key never tells a person twice. */
  key: string;
  kind: string;
  userIds: readonly string[];
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  data: Record<string, string>;
}

/**
 * Tells each person once, in Vietnamese and English. Returns how many were
 * told now (0 when an earlier run already told everyone), so a job run
 * twice can act only on the first telling.
 */
export async function notify(notice: Notice, bus: EventBus): Promise<number> {
  const rows: NewNotification[] = [...new Set(notice.userIds)].map((userId) => ({
    userId,
    kind: notice.kind,
    dedupeKey: `${notice.key}:${userId}`,
    title: notice.title,
    body: notice.body,
    data: notice.data,
  }));
  const told = await notificationsRepository.insertNew(rows);
  // Each person's live copy (`user:<id>`); the stored notification is what counts.
  await Promise.all(
    told.map((row) =>
      bus.emit('notification.created', { notificationId: row.id, userId: row.userId, kind: notice.kind, title: notice.title, body: notice.body, data: notice.data }),
    ),
  );
  return told.length;
}
