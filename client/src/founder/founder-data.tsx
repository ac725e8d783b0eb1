/**
 * What several founder screens share: the founder's startup (the first one
 * they are on), the taxonomies' labels and mentors' names, each read once
 * and kept for the visit (taxonomies and names rarely change).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { api } from '../app/api.ts';
import { useLoad } from '../app/data.ts';
import { defineStrings, useBilingual } from '../app/i18n.tsx';
import { Loaded } from '../app/ui.tsx';
import type { ListPage, Mentor, Startup, Taxonomies } from './types.ts';

/** The founder's startup, or null when they have none yet. */
export function useMyStartup() {
  return useLoad(() => api.get<ListPage<Startup>>('/api/v1/startups', { limit: 1 }).then((page) => page.items[0] ?? null), []);
}

let taxonomies: Promise<Taxonomies> | null = null;

export function useTaxonomies() {
  return useLoad(() => {
    taxonomies ??= api.get<Taxonomies>('/api/v1/taxonomies').catch((error: unknown) => {
      taxonomies = null;
      throw error;
    });
    return taxonomies;
  }, []);
}

const mentors = new Map<string, Promise<Mentor | null>>();

function mentorById(id: string): Promise<Mentor | null> {
  let found = mentors.get(id);
  if (!found) {
    // A mentor who is no longer visible (paused) still has sessions with us: show no name rather than fail the page.
    found = api.get<Mentor>(`/api/v1/mentors/${id}`).catch(() => null);
    mentors.set(id, found);
  }
  return found;
}

/** Mentors by id, filled in as they arrive (the lists only carry ids). */
export function useMentors(ids: readonly string[]): Map<string, Mentor> {
  const [known, setKnown] = useState(() => new Map<string, Mentor>());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let active = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(mentorById)).then((list) => {
      if (!active) return;
      setKnown(new Map(list.filter((m): m is Mentor => m !== null).map((m) => [m.id, m])));
    });
    return () => {
      active = false;
    };
  }, [key]);
  return known;
}

/** A label from a taxonomy, or the code itself while the labels load. */
export function useLabel(): (labels: Record<string, { vi: string; en: string }> | undefined, code: string) => string {
  const text = useBilingual();
  return (labels, code) => (labels?.[code] ? text(labels[code]) : code);
}

const useT = defineStrings({
  vi: { none: 'Bạn chưa có hồ sơ dự án.', create: 'Tạo hồ sơ dự án trước', },
  en: { none: 'You have no startup profile yet.', create: 'Create your startup profile first' },
});

/** Renders `children` with the founder's startup, or a pointer to create one. */
export function WithStartup({ children }: { children: (startup: Startup) => ReactNode }) {
  const t = useT();
  const state = useMyStartup();
  return (
    <Loaded state={state}>
      {(startup) =>
        startup ? (
          children(startup)
        ) : (
          <p className="notice">
            {t.none} <Link href="/startup">{t.create}</Link>
          </p>
        )
      }
    </Loaded>
  );
}
