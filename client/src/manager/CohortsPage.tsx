/** /cohorts: the cohorts this user manages (an admin: all), and opening a new one. */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../app/api.ts';
import { useUser } from '../app/auth.tsx';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { dayInZone, formatDate } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Badge, Button, Loaded, Page, TextField } from '../app/ui.tsx';
import { isRunning, managedCohorts } from './manager-data.ts';
import type { Cohort } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Khoá ươm tạo',
    caption: 'Các khoá bạn quản lý',
    name: 'Tên khoá',
    programme: 'Chương trình',
    dates: 'Thời gian',
    state: 'Tình trạng',
    links: 'Mở',
    board: 'Bảng theo dõi',
    admissions: 'Tuyển chọn',
    proposals: 'Ghép cố vấn',
    running: 'Đang diễn ra',
    upcoming: 'Sắp bắt đầu',
    ended: 'Đã kết thúc',
    none: 'Bạn chưa quản lý khoá nào. Hãy mở một khoá mới bên dưới.',
    create: 'Mở khoá mới',
    year: 'Năm',
    startsOn: 'Ngày bắt đầu',
    endsOn: 'Ngày kết thúc',
    submit: 'Mở khoá',
    template: 'Khoá mới dùng bộ cột mốc mặc định (6 cột mốc trong 20 tuần); có thể đổi sau qua API.',
  },
  en: {
    title: 'Cohorts',
    caption: 'The cohorts you manage',
    name: 'Name',
    programme: 'Programme',
    dates: 'Dates',
    state: 'State',
    links: 'Open',
    board: 'Board',
    admissions: 'Admissions',
    proposals: 'Mentor proposals',
    running: 'Running',
    upcoming: 'Upcoming',
    ended: 'Ended',
    none: 'You do not manage any cohort yet. Open one below.',
    create: 'Open a cohort',
    year: 'Year',
    startsOn: 'Starts on',
    endsOn: 'Ends on',
    submit: 'Open the cohort',
    template: 'A new cohort gets the default milestones (6 over 20 weeks); they can be changed later through the API.',
  },
});

/** The programme's usual milestones (as in the demo cohorts), bilingual titles. */
const DEFAULT_TEMPLATE = [
  { key: 'interviews', title: 'Phỏng vấn 20 khách hàng / 20 customer interviews', dueWeeks: 2 },
  { key: 'canvas', title: 'Mô hình kinh doanh / Business model canvas', dueWeeks: 4 },
  { key: 'ip', title: 'Rà soát sở hữu trí tuệ / IP review', dueWeeks: 6 },
  { key: 'mvp', title: 'Sản phẩm mẫu / MVP', dueWeeks: 10 },
  { key: 'finance', title: 'Kế hoạch tài chính / Financial plan', dueWeeks: 14 },
  { key: 'pitch', title: 'Thuyết trình gọi vốn / Pitch day', dueWeeks: 20 },
];

function CohortState({ cohort, today }: { cohort: Cohort; today: string }) {
  const t = useT();
  if (isRunning(cohort, today)) return <Badge tone="ok">{t.running}</Badge>;
  return cohort.startsOn > today ? <Badge tone="info">{t.upcoming}</Badge> : <Badge tone="muted">{t.ended}</Badge>;
}

function CreateCohort({ onCreated }: { onCreated: (cohort: Cohort) => void }) {
  const t = useT();
  const today = dayInZone(new Date());
  const [form, setForm] = useState({ name: '', programme: 'Mekong Startup Runway', year: today.slice(0, 4), startsOn: '', endsOn: '' });
  const create = useAction((body: unknown) => api.post<Cohort>('/api/v1/cohorts', body));
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create.run({ ...form, year: Number(form.year), milestoneTemplate: DEFAULT_TEMPLATE });
    if (created) onCreated(created);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{t.create}</h2>
      <ErrorAlert error={create.error} />
      <div className="form-grid">
        <TextField label={t.name} name="name" required value={form.name} onChange={set('name')} error={create.error} />
        <TextField label={t.programme} name="programme" required value={form.programme} onChange={set('programme')} error={create.error} />
        <TextField label={t.year} name="year" type="number" min={2000} max={2100} required value={form.year} onChange={set('year')} error={create.error} />
        <TextField label={t.startsOn} name="startsOn" type="date" required value={form.startsOn} onChange={set('startsOn')} error={create.error} />
        <TextField label={t.endsOn} name="endsOn" type="date" required value={form.endsOn} onChange={set('endsOn')} error={create.error} />
      </div>
      <p className="muted small">{t.template}</p>
      <Button type="submit" className="primary" busy={create.busy}>
        {t.submit}
      </Button>
    </form>
  );
}

export function CohortsPage() {
  const t = useT();
  const { lang } = useLang();
  const user = useUser();
  const [, navigate] = useLocation();
  const cohorts = useLoad(() => managedCohorts(user), [user.id]);
  const today = dayInZone(new Date());
  return (
    <Page title={t.title}>
      <Loaded state={cohorts} isEmpty={(list) => list.length === 0} empty={t.none}>
        {(list) => (
          <div className="table-wrap card">
            <table>
              <caption className="sr-only">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.dates}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">{t.links}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/cohorts/${c.id}/board`}>{c.name}</Link>
                      <div className="muted small">{c.programme}</div>
                    </th>
                    <td>
                      {formatDate(c.startsOn, lang)} – {formatDate(c.endsOn, lang)}
                    </td>
                    <td>
                      <CohortState cohort={c} today={today} />
                    </td>
                    <td>
                      <div className="row small">
                        <Link href={`/cohorts/${c.id}/admissions`}>{t.admissions}</Link>
                        <Link href={`/cohorts/${c.id}/proposals`}>{t.proposals}</Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <CreateCohort onCreated={(c) => navigate(`/cohorts/${c.id}/admissions`)} />
    </Page>
  );
}
