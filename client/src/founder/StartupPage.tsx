/**
 * /startup: the founder's startup. Without one, the form to register it;
 * with one, the profile, its eligibility under the 5-year rule, an edit
 * form, and the team (the owner adds founders by email and removes them).
 */
import { useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDate, formatInstantDate } from '../app/format.ts';
import { defineStrings, useBilingual, useLang } from '../app/i18n.tsx';
import { useUser } from '../app/auth.tsx';
import { Badge, Button, Loaded, Page, TextField } from '../app/ui.tsx';
import { useLabel, useMyStartup, useTaxonomies } from './founder-data.tsx';
import { StartupForm } from './StartupForm.tsx';
import type { Eligibility, Startup } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Dự án của tôi',
    createTitle: 'Tạo hồ sơ dự án',
    createIntro: 'Hãy giới thiệu dự án để Runway tìm cố vấn phù hợp.',
    edit: 'Sửa hồ sơ',
    eligibility: 'Điều kiện hỗ trợ (quy định 5 năm)',
    eligible: 'Đủ điều kiện',
    notEligible: 'Không còn đủ điều kiện',
    daysLeft: (n: number) => (n === 0 ? 'Hôm nay là ngày cuối' : `Còn ${n} ngày`),
    until: (date: string) => `đến hết ngày ${date}`,
    kind: 'Loại hình',
    individual: 'Cá nhân',
    group: 'Nhóm',
    company: 'Doanh nghiệp',
    enterpriseCode: 'Mã số doanh nghiệp',
    firstRegisteredOn: 'Đăng ký lần đầu',
    sectors: 'Lĩnh vực',
    stage: 'Giai đoạn',
    needs: 'Cần hỗ trợ',
    growthBasis: 'Tăng trưởng dựa trên',
    district: 'Quận/huyện',
    website: 'Trang web',
    team: 'Thành viên',
    you: 'Bạn',
    member: 'Thành viên',
    owner: 'Chủ dự án',
    memberSince: (date: string) => `từ ${date}`,
    addMember: 'Thêm thành viên',
    memberEmail: 'Email của nhà sáng lập',
    memberEmailHint: 'Người này cần đã có tài khoản nhà sáng lập trên Runway.',
    add: 'Thêm',
    added: (email: string) => `Đã thêm ${email}.`,
    remove: 'Xoá khỏi nhóm',
    removeNamed: (who: string) => `Xoá ${who} khỏi nhóm`,
    saved: 'Đã lưu hồ sơ.',
  },
  en: {
    title: 'My startup',
    createTitle: 'Create your startup profile',
    createIntro: 'Tell Runway about your startup so it can find the right mentors.',
    edit: 'Edit profile',
    eligibility: 'Eligibility (the 5-year rule)',
    eligible: 'Eligible',
    notEligible: 'No longer eligible',
    daysLeft: (n: number) => (n === 0 ? 'Today is the last day' : `${n} days left`),
    until: (date: string) => `until the end of ${date}`,
    kind: 'Kind',
    individual: 'Individual',
    group: 'Group',
    company: 'Company',
    enterpriseCode: 'Enterprise code',
    firstRegisteredOn: 'First registered',
    sectors: 'Sectors',
    stage: 'Stage',
    needs: 'Needs',
    growthBasis: 'Growth based on',
    district: 'District',
    website: 'Website',
    team: 'Team',
    you: 'You',
    member: 'Member',
    owner: 'Owner',
    memberSince: (date: string) => `since ${date}`,
    addMember: 'Add a member',
    memberEmail: 'Founder’s email',
    memberEmailHint: 'They need a founder account on Runway already.',
    add: 'Add',
    added: (email: string) => `${email} was added.`,
    remove: 'Remove from team',
    removeNamed: (who: string) => `Remove ${who} from the team`,
    saved: 'Profile saved.',
  },
});

export function StartupPage() {
  const t = useT();
  const state = useMyStartup();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const startup = state.data;
  const onSaved = (next: Startup) => {
    state.setData(() => next);
    setEditing(false);
    setSaved(true);
  };
  return (
    <Page
      title={startup === null ? t.createTitle : t.title}
      actions={startup && !editing ? <Button onClick={() => (setEditing(true), setSaved(false))}>{t.edit}</Button> : undefined}
    >
      <Loaded state={state}>
        {(current) =>
          current === null ? (
            <>
              <p className="muted">{t.createIntro}</p>
              <StartupForm startup={null} onSaved={onSaved} />
            </>
          ) : editing ? (
            <StartupForm startup={current} onSaved={onSaved} onCancel={() => setEditing(false)} />
          ) : (
            <>
              {saved && (
                <p className="notice" role="status">
                  {t.saved}
                </p>
              )}
              <EligibilityCard startup={current} />
              <Profile startup={current} />
              <Team startup={current} onChange={(next) => state.setData(() => next)} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

type Tone = 'ok' | 'warn' | 'danger' | 'info';

/** The badge's colour: red in the last week (or once over), amber in the last month, blue in the last quarter. */
export function eligibilityTone(eligibility: Pick<Eligibility, 'eligible' | 'daysLeft'>): Tone {
  const { eligible, daysLeft } = eligibility;
  if (!eligible) return 'danger';
  if (daysLeft === null) return 'ok';
  if (daysLeft <= 7) return 'danger';
  if (daysLeft <= 30) return 'warn';
  if (daysLeft <= 90) return 'info';
  return 'ok';
}

function EligibilityCard({ startup }: { startup: Startup }) {
  const t = useT();
  const { lang } = useLang();
  const text = useBilingual();
  // Reloads when the profile changes (a new registration date moves the end).
  const state = useLoad(() => api.get<Eligibility>(`/api/v1/startups/${startup.id}/eligibility`), [startup.id, startup.firstRegisteredOn, startup.kind]);
  return (
    <section className="card" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t.eligibility}</h2>
      <Loaded state={state}>
        {(e) => (
          <div className="stack" data-testid="eligibility">
            <p className="row">
              <Badge tone={eligibilityTone(e)}>
                {!e.eligible ? t.notEligible : e.daysLeft === null ? t.eligible : t.daysLeft(e.daysLeft)}
              </Badge>
              {e.eligible && e.eligibleUntil && <span>{t.until(formatDate(e.eligibleUntil, lang))}</span>}
            </p>
            <p className={e.eligible ? 'muted' : 'alert'}>{text(e.message)}</p>
          </div>
        )}
      </Loaded>
    </section>
  );
}

function Profile({ startup }: { startup: Startup }) {
  const t = useT();
  const { lang } = useLang();
  const tax = useTaxonomies().data;
  const label = useLabel();
  const list = (labels: Record<string, { vi: string; en: string }> | undefined, codes: string[]) => codes.map((c) => label(labels, c)).join(', ') || '—';
  const rows: Array<[string, string]> = [
    [t.kind, t[startup.kind]],
    ...(startup.kind === 'company'
      ? ([
          [t.enterpriseCode, startup.enterpriseCode ?? '—'],
          [t.firstRegisteredOn, startup.firstRegisteredOn ? formatDate(startup.firstRegisteredOn, lang) : '—'],
        ] as Array<[string, string]>)
      : []),
    [t.stage, label(tax?.stages, startup.stage)],
    [t.sectors, list(tax?.sectors, startup.sectors)],
    [t.growthBasis, list(tax?.growthBases, startup.growthBasis)],
    [t.needs, list(tax?.topics, startup.needs)],
    [t.district, startup.district ?? '—'],
  ];
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{startup.name}</h2>
      {startup.description && <p>{startup.description}</p>}
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {startup.website && (
          <div>
            <dt>{t.website}</dt>
            <dd>
              <a href={startup.website} rel="noreferrer noopener" target="_blank">
                {startup.website}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Team({ startup, onChange }: { startup: Startup; onChange(startup: Startup): void }) {
  const t = useT();
  const { lang } = useLang();
  const me = useUser();
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const isOwner = startup.members.some((m) => m.userId === me.id && m.role === 'owner');
  const add = useAction((address: string) => api.post<Startup>(`/api/v1/startups/${startup.id}/members`, { email: address }));
  const remove = useAction((userId: string) => api.delete<Startup>(`/api/v1/startups/${startup.id}/members/${userId}`));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const next = await add.run(address);
    if (!next) return;
    setEmail('');
    setAdded(address);
    onChange(next);
  };
  const removeMember = async (userId: string) => {
    setAdded(null);
    const next = await remove.run(userId);
    if (next) onChange(next);
  };

  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t.team}</h2>
      <ul className="plain">
        {startup.members.map((m, i) => {
          // The API gives members' ids only (no names to founders): say who is "you", number the rest.
          const who = m.userId === me.id ? `${t.you} (${me.name})` : `${t.member} ${i + 1}`;
          return (
            <li key={m.userId} className="spread">
              <span>
                <strong>{who}</strong> <Badge tone={m.role === 'owner' ? 'info' : 'muted'}>{m.role === 'owner' ? t.owner : t.member}</Badge>{' '}
                <span className="muted">{t.memberSince(formatInstantDate(m.addedAt, lang))}</span>
              </span>
              {isOwner && m.role !== 'owner' && (
                <Button className="danger" busy={remove.busy} aria-label={t.removeNamed(who)} onClick={() => void removeMember(m.userId)}>
                  {t.remove}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={remove.error} />
      {isOwner && (
        <form onSubmit={submit} noValidate className="stack">
          <h3>{t.addMember}</h3>
          <TextField
            label={t.memberEmail}
            hint={t.memberEmailHint}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            error={add.error}
            onChange={(e) => (setEmail(e.target.value), setAdded(null))}
          />
          <ErrorAlert error={add.error} />
          {added && (
            <p className="notice" role="status">
              {t.added(added)}
            </p>
          )}
          <Button type="submit" busy={add.busy} disabled={!email.trim()}>
            {t.add}
          </Button>
        </form>
      )}
    </section>
  );
}
