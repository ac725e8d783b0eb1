/**
 * In-app notifications: the bell with the unread count in the top bar, and
 * the list. Both follow the user's own room, so a new notification shows up
 * at once.
 */
import { useCallback, useEffect } from 'react';
import { Link } from 'wouter';
import { api, fetchAll } from './api.ts';
import { useUser } from './auth.tsx';
import { useLoad, useAction } from './data.ts';
import { ErrorAlert } from './errors.tsx';
import { formatDateTime } from './format.ts';
import { defineStrings, useBilingual, useLang, type Bilingual } from './i18n.tsx';
import { userRoom, useRoom } from './live.ts';
import { Button, Loaded, Page } from './ui.tsx';

export interface Notification {
  id: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  data: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

/** The bell counts up to 99+ (one page of unread notifications). */
const UNREAD_PAGES = 1;

const useT = defineStrings({
  vi: {
    title: 'Thông báo',
    bell: (n: number) => (n ? `Thông báo: ${n} chưa đọc` : 'Thông báo'),
    markRead: 'Đánh dấu đã đọc',
    empty: 'Bạn chưa có thông báo nào.',
    unread: 'Chưa đọc',
  },
  en: {
    title: 'Notifications',
    bell: (n: number) => (n ? `Notifications: ${n} unread` : 'Notifications'),
    markRead: 'Mark as read',
    empty: 'You have no notifications yet.',
    unread: 'Unread',
  },
});

/** Marking one read here tells the bell (which otherwise hears only of new ones). */
const readListeners = new Set<() => void>();

function useUnread() {
  const user = useUser();
  const state = useLoad(() => fetchAll<Notification>('/api/v1/notifications', { unread: true }, UNREAD_PAGES), [user.id]);
  const { reload } = state;
  useEffect(() => {
    readListeners.add(reload);
    return () => {
      readListeners.delete(reload);
    };
  }, [reload]);
  useRoom(userRoom(user.id), { 'notification.created': reload }, reload);
  return state;
}

export function NotificationBell() {
  const t = useT();
  const unread = useUnread();
  const count = unread.data?.length ?? 0;
  return (
    <Link href="/notifications" aria-label={t.bell(count)} className="bell">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {count > 0 && <span className="badge badge-warn">{count >= UNREAD_PAGES * 100 ? `${UNREAD_PAGES * 100 - 1}+` : count}</span>}
    </Link>
  );
}

export function NotificationsPage() {
  const t = useT();
  const user = useUser();
  const { lang } = useLang();
  const text = useBilingual();
  // The API lists oldest first: read them all (up to 1,000) and show the newest first.
  const state = useLoad(async () => (await fetchAll<Notification>('/api/v1/notifications')).reverse(), [user.id]);
  const { reload, setData } = state;
  useRoom(userRoom(user.id), { 'notification.created': reload }, reload);
  const markRead = useAction(
    useCallback(
      async (id: string) => {
        const read = await api.post<Notification>(`/api/v1/notifications/${id}/read`);
        setData((items) => items?.map((n) => (n.id === id ? read : n)));
        for (const listener of readListeners) listener();
      },
      [setData],
    ),
  );
  return (
    <Page title={t.title}>
      <ErrorAlert error={markRead.error} />
      <Loaded state={state} isEmpty={(items) => items.length === 0} empty={t.empty}>
        {(items) => (
          <ul className="plain" aria-label={t.title}>
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'muted' : undefined}>
                <div className="spread">
                  <strong>{text(n.title)}</strong>
                  <time dateTime={n.createdAt} className="muted">
                    {formatDateTime(n.createdAt, lang)}
                  </time>
                </div>
                <p>{text(n.body)}</p>
                {!n.readAt && (
                  <Button busy={markRead.busy} onClick={() => void markRead.run(n.id)}>
                    {t.markRead}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Page>
  );
}
