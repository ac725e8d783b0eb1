/**
 * The mentor's own profile: a form to write it the first time (it then
 * waits for a manager's approval), else its status, numbers and the same
 * form to change it. Pausing stops new matches; resuming reopens them.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { useUser } from '../app/auth.tsx';
import { useAction } from '../app/data.ts';
import { ErrorAlert, fieldErrors } from '../app/errors.tsx';
import { VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Badge, Button, Loaded, Page, SelectField, TextArea, TextField } from '../app/ui.tsx';
import { useOwnProfile } from './mentor-context.tsx';
import { useTaxonomies } from './taxonomies.ts';
import type { Labels, Mentor, MentorStatus, Mode } from './types.ts';
import { zoneChoices } from './zones.ts';

const useT = defineStrings({
  vi: {
    title: 'Hồ sơ cố vấn',
    createTitle: 'Tạo hồ sơ cố vấn',
    createIntro: 'Hồ sơ của bạn sẽ được quản lý chương trình duyệt trước khi các dự án tìm thấy bạn.',
    status: (k: MentorStatus) => ({ pending: 'Chờ duyệt', active: 'Đang hoạt động', paused: 'Tạm nghỉ' } as Record<MentorStatus, string>)[k],
    statusHelp: (k: MentorStatus) => ({
      pending: 'Quản lý chương trình đang xem hồ sơ của bạn.',
      active: 'Các dự án có thể tìm và gửi yêu cầu cho bạn.',
      paused: 'Bạn không nhận yêu cầu mới cho đến khi mở lại.',
    } as Record<MentorStatus, string>)[k],
    pause: 'Tạm nghỉ',
    resume: 'Nhận yêu cầu trở lại',
    stats: (mentees: number, held: number, hours: number) => `${mentees} dự án đang hướng dẫn · ${held} buổi đã diễn ra · ${hours} giờ`,
    rating: (r: string, n: number) => `Đánh giá ${r}/5 (${n} lượt)`,
    about: 'Giới thiệu',
    name: 'Họ và tên',
    jobTitle: 'Chức danh',
    organisation: 'Đơn vị công tác',
    bio: 'Tiểu sử',
    sectors: 'Lĩnh vực',
    expertise: 'Chủ đề có thể hướng dẫn',
    stages: 'Giai đoạn dự án phù hợp',
    languages: 'Ngôn ngữ',
    how: 'Cách làm việc',
    mode: 'Hình thức',
    modes: (k: Mode) => ({ online: 'Trực tuyến', offline: 'Trực tiếp', both: 'Cả hai' } as Record<Mode, string>)[k],
    district: 'Quận/huyện',
    city: 'Thành phố',
    timezone: 'Múi giờ',
    maxActiveMentees: 'Số dự án tối đa cùng lúc',
    responseDays: 'Số ngày để trả lời yêu cầu',
    create: 'Tạo hồ sơ',
    save: 'Lưu hồ sơ',
    saved: 'Đã lưu hồ sơ.',
    created: 'Đã tạo hồ sơ. Hồ sơ đang chờ duyệt.',
  },
  en: {
    title: 'Mentor profile',
    createTitle: 'Create your mentor profile',
    createIntro: 'A programme manager approves your profile before startups can find you.',
    status: (k: MentorStatus) => ({ pending: 'Pending approval', active: 'Active', paused: 'Paused' } as Record<MentorStatus, string>)[k],
    statusHelp: (k: MentorStatus) => ({
      pending: 'A programme manager is reviewing your profile.',
      active: 'Startups can find you and send you requests.',
      paused: 'You get no new requests until you resume.',
    } as Record<MentorStatus, string>)[k],
    pause: 'Pause',
    resume: 'Resume taking requests',
    stats: (mentees: number, held: number, hours: number) => `${mentees} startups mentored now · ${held} sessions held · ${hours} hours`,
    rating: (r: string, n: number) => `Rated ${r}/5 (${n} ratings)`,
    about: 'About you',
    name: 'Full name',
    jobTitle: 'Title',
    organisation: 'Organisation',
    bio: 'Bio',
    sectors: 'Sectors',
    expertise: 'Topics you can mentor on',
    stages: 'Startup stages you suit',
    languages: 'Languages',
    how: 'How you work',
    mode: 'Mode',
    modes: (k: Mode) => ({ online: 'Online', offline: 'In person', both: 'Both' } as Record<Mode, string>)[k],
    district: 'District',
    city: 'City',
    timezone: 'Time zone',
    maxActiveMentees: 'Most startups at once',
    responseDays: 'Days to answer a request',
    create: 'Create profile',
    save: 'Save profile',
    saved: 'Profile saved.',
    created: 'Profile created. It is waiting for approval.',
  },
});

const LANGUAGES: Labels = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
  km: { vi: 'Tiếng Khmer', en: 'Khmer' },
  zh: { vi: 'Tiếng Trung', en: 'Chinese' },
  ja: { vi: 'Tiếng Nhật', en: 'Japanese' },
  ko: { vi: 'Tiếng Hàn', en: 'Korean' },
  fr: { vi: 'Tiếng Pháp', en: 'French' },
  de: { vi: 'Tiếng Đức', en: 'German' },
};

const statusTone: Record<MentorStatus, 'ok' | 'warn' | 'muted'> = { pending: 'warn', active: 'ok', paused: 'muted' };

interface Draft {
  name: string;
  title: string;
  organisation: string;
  bio: string;
  sectors: string[];
  expertise: string[];
  stages: string[];
  languages: string[];
  mode: Mode;
  district: string;
  city: string;
  timezone: string;
  maxActiveMentees: string;
  responseDays: string;
}

function draftOf(mentor: Mentor | null, userName: string): Draft {
  return {
    name: mentor?.name ?? userName,
    title: mentor?.title ?? '',
    organisation: mentor?.organisation ?? '',
    bio: mentor?.bio ?? '',
    sectors: mentor?.sectors ?? [],
    expertise: mentor?.expertise ?? [],
    stages: mentor?.stages ?? [],
    languages: mentor?.languages ?? ['vi'],
    mode: mentor?.mode ?? 'both',
    district: mentor?.location.district ?? '',
    city: mentor?.location.city ?? 'Cần Thơ',
    timezone: mentor?.timezone ?? VIETNAM_ZONE,
    maxActiveMentees: String(mentor?.capacity.maxActiveMentees ?? 3),
    responseDays: String(mentor?.responseDays ?? 5),
  };
}

function bodyOf(d: Draft) {
  return {
    name: d.name.trim(),
    title: d.title.trim(),
    organisation: d.organisation.trim(),
    bio: d.bio.trim(),
    sectors: d.sectors,
    expertise: d.expertise,
    stages: d.stages,
    languages: d.languages,
    mode: d.mode,
    location: { district: d.district.trim() || null, city: d.city.trim() || null },
    timezone: d.timezone,
    capacity: { maxActiveMentees: Number(d.maxActiveMentees) },
    responseDays: Number(d.responseDays),
  };
}

export function ProfilePage() {
  const t = useT();
  const state = useOwnProfile();
  return (
    <Page title={state.data === null ? t.createTitle : t.title}>
      <Loaded state={state}>{(mentor) => <Profile mentor={mentor} onSaved={(m) => state.setData(() => m)} />}</Loaded>
    </Page>
  );
}

function Profile({ mentor, onSaved }: { mentor: Mentor | null; onSaved(m: Mentor): void }) {
  const t = useT();
  const user = useUser();
  const taxonomies = useTaxonomies();
  const [draft, setDraft] = useState<Draft>(() => draftOf(mentor, user.name));
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => {
    const result = mentor ? await api.patch<Mentor>(`/api/v1/mentors/${mentor.id}`, bodyOf(draft)) : await api.post<Mentor>('/api/v1/mentors', bodyOf(draft));
    setSaved(mentor ? t.saved : t.created);
    onSaved(result);
  });
  const toggle = useAction(async (to: 'pause' | 'resume') => {
    if (mentor) onSaved(await api.post<Mentor>(`/api/v1/mentors/${mentor.id}/${to}`));
  });
  const change = (update: Partial<Draft>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...update }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const text = (key: 'name' | 'title' | 'organisation', label: string, max: number) => (
    <TextField label={label} name={key} maxLength={max} required={key === 'name'} value={draft[key]} error={save.error} onChange={(e) => change({ [key]: e.target.value })} />
  );

  return (
    <>
      {mentor ? (
        <section className="card" aria-label={t.status(mentor.status)}>
          <div className="spread">
            <p>
              <Badge tone={statusTone[mentor.status]}>{t.status(mentor.status)}</Badge> <span className="muted">{t.statusHelp(mentor.status)}</span>
            </p>
            {mentor.status === 'active' && (
              <Button busy={toggle.busy} onClick={() => void toggle.run('pause')}>
                {t.pause}
              </Button>
            )}
            {mentor.status === 'paused' && (
              <Button className="primary" busy={toggle.busy} onClick={() => void toggle.run('resume')}>
                {t.resume}
              </Button>
            )}
          </div>
          <p className="muted">
            {t.stats(mentor.stats.activeMentees, mentor.stats.sessionsHeld, Math.round(mentor.stats.hoursHeld * 10) / 10)}
            {mentor.stats.rating !== null && <> · {t.rating(mentor.stats.rating.toFixed(1), mentor.stats.ratingCount)}</>}
          </p>
          <ErrorAlert error={toggle.error} />
        </section>
      ) : (
        <p className="notice">{t.createIntro}</p>
      )}

      <form onSubmit={submit} noValidate aria-label={mentor ? t.title : t.createTitle}>
        <fieldset className="card">
          <legend>{t.about}</legend>
          {text('name', t.name, 120)}
          {text('title', t.jobTitle, 120)}
          {text('organisation', t.organisation, 160)}
          <TextArea label={t.bio} name="bio" maxLength={4000} rows={6} value={draft.bio} error={save.error} onChange={(e) => change({ bio: e.target.value })} />
        </fieldset>
        <div className="grid">
          <Choices legend={t.sectors} name="sectors" labels={taxonomies?.sectors} chosen={draft.sectors} error={save.error} onChange={(sectors) => change({ sectors })} />
          <Choices legend={t.expertise} name="expertise" labels={taxonomies?.topics} chosen={draft.expertise} error={save.error} onChange={(expertise) => change({ expertise })} />
          <Choices legend={t.stages} name="stages" labels={taxonomies?.stages} chosen={draft.stages} error={save.error} onChange={(stages) => change({ stages })} />
          <Choices legend={t.languages} name="languages" labels={LANGUAGES} chosen={draft.languages} error={save.error} onChange={(languages) => change({ languages })} />
        </div>
        <fieldset className="card">
          <legend>{t.how}</legend>
          <SelectField label={t.mode} name="mode" value={draft.mode} error={save.error} onChange={(e) => change({ mode: e.target.value as Mode })}>
            {(['online', 'offline', 'both'] as const).map((m) => (
              <option key={m} value={m}>
                {t.modes(m)}
              </option>
            ))}
          </SelectField>
          <div className="mentor-numbers">
            <TextField label={t.district} name="location.district" maxLength={80} value={draft.district} error={save.error} onChange={(e) => change({ district: e.target.value })} />
            <TextField label={t.city} name="location.city" maxLength={80} value={draft.city} error={save.error} onChange={(e) => change({ city: e.target.value })} />
            <TextField label={t.maxActiveMentees} name="capacity.maxActiveMentees" type="number" min={1} max={50} inputMode="numeric" value={draft.maxActiveMentees} error={save.error} onChange={(e) => change({ maxActiveMentees: e.target.value })} />
            <TextField label={t.responseDays} name="responseDays" type="number" min={1} max={30} inputMode="numeric" value={draft.responseDays} error={save.error} onChange={(e) => change({ responseDays: e.target.value })} />
          </div>
          <SelectField label={t.timezone} name="timezone" value={draft.timezone} error={save.error} onChange={(e) => change({ timezone: e.target.value })}>
            {zoneChoices(draft.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <ErrorAlert error={save.error} />
        {saved && (
          <p className="notice" role="status">
            {saved}
          </p>
        )}
        <Button type="submit" className="primary" busy={save.busy}>
          {mentor ? t.save : t.create}
        </Button>
      </form>
    </>
  );
}

/** A group of checkboxes over a taxonomy, with its field's errors under it. */
function Choices({ legend, name, labels, chosen, error, onChange }: { legend: string; name: string; labels: Labels | undefined; chosen: string[]; error: unknown; onChange(next: string[]): void }) {
  const { lang } = useLang();
  const messages = fieldErrors(error, name, lang);
  const codes = [...new Set([...(labels ? Object.keys(labels) : []), ...chosen])];
  return (
    <fieldset className={messages.length ? 'card mentor-choices invalid' : 'card mentor-choices'} aria-invalid={messages.length > 0 || undefined}>
      <legend>{legend}</legend>
      {codes.map((code) => (
        <label key={code} className="mentor-check">
          <input type="checkbox" name={name} value={code} checked={chosen.includes(code)} onChange={(e) => onChange(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))} />
          <span>{labels?.[code]?.[lang] ?? code}</span>
        </label>
      ))}
      {messages.map((m) => (
        <small key={m} className="field-error">
          {m}
        </small>
      ))}
    </fieldset>
  );
}
