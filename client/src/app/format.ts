/**
 * Dates and times as people in Can Tho read them: in Asia/Ho_Chi_Minh unless
 * a zone is given (a mentor abroad sees their own), in the chosen language.
 * Calendar dates (YYYY-MM-DD, e.g. a registration date) have no zone and are
 * shown as they are.
 */
import type { Lang } from './i18n.tsx';

export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], { ...options, timeZone: zone });
    cache.set(key, format);
  }
  return format;
}

/** "Thứ Tư, 2 tháng 12, 2026 lúc 14:30" / "Wed, 2 Dec 2026, 14:30". */
export function formatDateTime(iso: string, lang: Lang, zone = VIETNAM_ZONE): string {
  return formatter(lang, zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang, zone = VIETNAM_ZONE): string {
  return formatter(lang, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** An instant's date in a zone: "2 thg 12, 2026". */
export function formatInstantDate(iso: string, lang: Lang, zone = VIETNAM_ZONE): string {
  return formatter(lang, zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD), which has no zone: shown as that day wherever the browser is. */
export function formatDate(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatter(lang, 'UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** The weekday and date of an instant in a zone, for calendar column headings. */
export function formatDayHeading(iso: string, lang: Lang, zone = VIETNAM_ZONE): string {
  return formatter(lang, zone, { weekday: 'short', day: 'numeric', month: 'numeric' }).format(new Date(iso));
}

/** The YYYY-MM-DD of an instant in a zone (Canadian English writes dates that way). */
export function dayInZone(instant: string | Date, zone = VIETNAM_ZONE): string {
  const key = `day|${zone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    cache.set(key, format);
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}
