/**
 * The mentor's private calendar feed: a secret URL a calendar app can
 * subscribe to. The API shows a URL only when it is made, so the screen
 * offers a new one (which retires the old) and revoking.
 */
import { useState } from 'react';
import { api } from '../app/api.ts';
import { useAction } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { defineStrings } from '../app/i18n.tsx';
import { Button, TextField } from '../app/ui.tsx';

const useT = defineStrings({
  vi: {
    title: 'Đồng bộ lịch',
    hint: 'Một đường dẫn riêng để ứng dụng lịch (Google, Outlook, Apple) tự cập nhật các buổi của bạn. Đừng chia sẻ đường dẫn này.',
    create: 'Tạo đường dẫn lịch',
    renew: 'Tạo đường dẫn mới (đường dẫn cũ ngừng hoạt động)',
    revoke: 'Thu hồi đường dẫn',
    url: 'Đường dẫn lịch của bạn',
    revoked: 'Đã thu hồi. Đường dẫn cũ không còn hoạt động.',
  },
  en: {
    title: 'Calendar sync',
    hint: 'A private link a calendar app (Google, Outlook, Apple) subscribes to, to keep your sessions up to date. Do not share it.',
    create: 'Create calendar link',
    renew: 'Create a new link (the old one stops working)',
    revoke: 'Revoke link',
    url: 'Your calendar link',
    revoked: 'Revoked. The old link no longer works.',
  },
});

export function CalendarFeed() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const create = useAction(async () => {
    const feed = await api.post<{ path: string }>('/api/v1/me/calendar-feed');
    setUrl(new URL(feed.path, window.location.origin).href);
    setRevoked(false);
  });
  const revoke = useAction(async () => {
    await api.delete('/api/v1/me/calendar-feed');
    setUrl(null);
    setRevoked(true);
  });
  return (
    <section className="card" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      {url && <TextField label={t.url} name="feedUrl" readOnly value={url} onFocus={(e) => e.target.select()} />}
      {revoked && <p role="status">{t.revoked}</p>}
      <div className="row">
        <Button busy={create.busy} onClick={() => void create.run()}>
          {url ? t.renew : t.create}
        </Button>
        <Button className="danger" busy={revoke.busy} onClick={() => void revoke.run()}>
          {t.revoke}
        </Button>
      </div>
      <ErrorAlert error={create.error ?? revoke.error} />
    </section>
  );
}
