import { defineStrings } from './i18n.tsx';
import { useLiveStatus } from './live.ts';

const useT = defineStrings({
  vi: { live: 'Trực tuyến', connecting: 'Đang kết nối…', reconnecting: 'Đang kết nối lại…', offline: 'Mất kết nối' },
  en: { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline' },
});

/**
 * Whether live updates are flowing: live, connecting, reconnecting or offline.
 * `announce`: whether screen readers hear its changes (one per page should: the top bar's).
 */
export function LiveIndicator({ announce = true }: { announce?: boolean }) {
  const t = useT();
  const status = useLiveStatus();
  const tone = status === 'live' ? 'var(--ok)' : status === 'offline' ? 'var(--danger)' : 'var(--warn)';
  return (
    <span className="live-indicator" role={announce ? 'status' : undefined} aria-live={announce ? 'polite' : undefined} data-live={status} style={{ color: tone }}>
      {t[status]}
    </span>
  );
}
