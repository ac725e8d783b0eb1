/**
 * The signed-in mentor's own profile, read once for every screen of the
 * role (the room to follow, the zone to show times in). A mentor who has
 * not written a profile yet gets `null`, and the screens send them to /profile.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { api, ApiError } from '../app/api.ts';
import { useLoad, type Loaded } from '../app/data.ts';
import { defineStrings } from '../app/i18n.tsx';
import { Loaded as LoadedView } from '../app/ui.tsx';
import type { Mentor } from './types.ts';

const MentorContext = createContext<Loaded<Mentor | null> | null>(null);

async function loadOwnProfile(): Promise<Mentor | null> {
  try {
    return await api.get<Mentor>('/api/v1/mentors/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function MentorProvider({ children }: { children: ReactNode }) {
  const state = useLoad(loadOwnProfile, []);
  return <MentorContext.Provider value={state}>{children}</MentorContext.Provider>;
}

export function useOwnProfile(): Loaded<Mentor | null> {
  const state = useContext(MentorContext);
  if (!state) throw new Error('useOwnProfile outside MentorProvider');
  return state;
}

const useT = defineStrings({
  vi: { noProfile: 'Bạn chưa có hồ sơ cố vấn.', create: 'Tạo hồ sơ' },
  en: { noProfile: 'You have no mentor profile yet.', create: 'Create your profile' },
});

/** Renders `children` with the mentor's profile once it is loaded; without a profile, a link to write one. */
export function WithProfile({ children }: { children: (mentor: Mentor) => ReactNode }) {
  const t = useT();
  const state = useOwnProfile();
  return (
    <LoadedView state={state}>
      {(mentor) =>
        mentor ? (
          children(mentor)
        ) : (
          <p className="notice">
            {t.noProfile} <Link href="/profile">{t.create}</Link>
          </p>
        )
      }
    </LoadedView>
  );
}

const useRefT = defineStrings({
  vi: { startup: (ref: string) => `Dự án #${ref}` },
  en: { startup: (ref: string) => `Startup #${ref}` },
});

/** Startup names by id, read once per page load (a mentor may read the startups that ask them or that they mentor). */
const names = new Map<string, Promise<string | null>>();

function nameOf(id: string): Promise<string | null> {
  let name = names.get(id);
  if (!name) {
    name = api.get<{ name: string }>(`/api/v1/startups/${id}`).then(
      (startup) => startup.name,
      () => {
        names.delete(id); // not readable now (or the network failed): asked again next time
        return null;
      },
    );
    names.set(id, name);
  }
  return name;
}

/**
 * How a startup is named to its mentor: its name, or a short stable reference
 * until it is read, or when the mentor may not read it (`readable` false: a
 * request withdrawn, declined or expired).
 */
export function StartupName({ id, readable = true }: { id: string; readable?: boolean }) {
  const t = useRefT();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!readable) return;
    let current = true;
    void nameOf(id).then((read) => current && setName(read));
    return () => {
      current = false;
    };
  }, [id, readable]);
  return <>{(readable && name) || t.startup(id.slice(-6))}</>;
}
