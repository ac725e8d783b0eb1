/**
 * /milestones: the startup's milestones in each cohort it is in, with the
 * percent done (as on the managers' board) and the state changes the
 * programme allows (waiving is a manager's decision, so founders are not
 * offered it). Follows the startup's live room: a change made by a mentor's
 * action item or a manager shows up here without a reload.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDate } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { useRoom } from '../app/live.ts';
import { Badge, Button, Loaded, Page, SelectField, TextArea } from '../app/ui.tsx';
import { WithStartup } from './founder-data.tsx';
import type { Cohort, ListPage, Milestone, MilestoneState, Startup } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Cột mốc',
    noCohort: 'Dự án chưa tham gia khoá ươm tạo nào, nên chưa có cột mốc.',
    noMilestones: 'Khoá này chưa có cột mốc nào cho dự án.',
    progress: (n: number) => `Hoàn thành ${n}%`,
    due: (date: string) => `Hạn ${date}`,
    overdue: 'Quá hạn',
    planned: 'Chưa bắt đầu',
    in_progress: 'Đang làm',
    done: 'Hoàn thành',
    blocked: 'Bị vướng',
    waived: 'Được miễn',
    change: 'Cập nhật',
    state: 'Trạng thái mới',
    keep: 'Giữ nguyên trạng thái',
    note: 'Ghi chú',
    noteHint: 'Tiến độ, khó khăn hoặc việc cần hỗ trợ.',
    save: 'Lưu',
    close: 'Đóng',
    updateNamed: (title: string) => `Cập nhật cột mốc ${title}`,
  },
  en: {
    title: 'Milestones',
    noCohort: 'Your startup is not in a cohort yet, so it has no milestones.',
    noMilestones: 'This cohort has no milestones for your startup yet.',
    progress: (n: number) => `${n}% done`,
    due: (date: string) => `Due ${date}`,
    overdue: 'Overdue',
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    blocked: 'Blocked',
    waived: 'Waived',
    change: 'Update',
    state: 'New state',
    keep: 'Keep the current state',
    note: 'Note',
    noteHint: 'Progress, problems, or help you need.',
    save: 'Save',
    close: 'Close',
    updateNamed: (title: string) => `Update milestone ${title}`,
  },
});

/** From each state, where a founder may move it (the API's table, without waiving, which needs a manager). */
const NEXT: Record<MilestoneState, MilestoneState[]> = {
  planned: ['in_progress', 'done', 'blocked'],
  in_progress: ['done', 'blocked', 'planned'],
  blocked: ['in_progress', 'planned'],
  done: ['in_progress'],
  waived: [],
};

const TONE: Record<MilestoneState, 'ok' | 'warn' | 'danger' | 'info' | 'muted'> = { planned: 'muted', in_progress: 'info', done: 'ok', blocked: 'danger', waived: 'muted' };

/** done / (total − waived), rounded down, as the board computes it. */
export function percentDone(milestones: readonly Milestone[]): number {
  const expected = milestones.filter((m) => m.state !== 'waived').length;
  const done = milestones.filter((m) => m.state === 'done').length;
  return expected === 0 ? 100 : Math.floor((100 * done) / expected);
}

export function MilestonesPage() {
  const t = useT();
  return (
    <Page title={t.title}>
      <WithStartup>{(startup) => <Cohorts startup={startup} />}</WithStartup>
    </Page>
  );
}

function Cohorts({ startup }: { startup: Startup }) {
  const t = useT();
  const cohorts = useLoad(() => api.get<ListPage<Cohort>>('/api/v1/cohorts', { limit: 20 }), [startup.id]);
  return (
    <Loaded state={cohorts} isEmpty={(page) => page.items.length === 0} empty={t.noCohort}>
      {(page) => page.items.map((cohort) => <CohortMilestones key={cohort.id} cohort={cohort} startup={startup} />)}
    </Loaded>
  );
}

function CohortMilestones({ cohort, startup }: { cohort: Cohort; startup: Startup }) {
  const t = useT();
  const milestones = useLoad(
    () => api.get<ListPage<Milestone>>('/api/v1/milestones', { cohortId: cohort.id, startupId: startup.id }),
    [cohort.id, startup.id],
  );
  // Changes made elsewhere (a manager, a mentor's action item) arrive as events; any gap or reconnect reloads.
  useRoom(`startup:${startup.id}`, { 'milestone.updated': (e) => e.cohortId === cohort.id && milestones.reload() }, milestones.reload);
  const titleId = `cohort-${cohort.id}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{cohort.name}</h2>
      <Loaded state={milestones} isEmpty={(page) => page.items.length === 0} empty={t.noMilestones}>
        {(page) => {
          const items = [...page.items].sort((a, b) => a.order - b.order);
          const percent = percentDone(items);
          return (
            <>
              <div className="milestone-progress">
                <span className="progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={t.progress(percent)}>
                  <span style={{ width: `${percent}%` }} />
                </span>
                <strong>{t.progress(percent)}</strong>
              </div>
              <ol className="plain">
                {items.map((m) => (
                  <MilestoneItem key={m.id} milestone={m} onSaved={(next) => milestones.setData((p) => p && { ...p, items: p.items.map((x) => (x.id === next.id ? next : x)) })} />
                ))}
              </ol>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function MilestoneItem({ milestone: m, onSaved }: { milestone: Milestone; onSaved(next: Milestone): void }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState('');
  const [note, setNote] = useState(m.note);
  const save = useAction((body: { state?: string; note?: string }) => api.patch<Milestone>(`/api/v1/milestones/${m.id}`, body));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: { state?: string; note?: string } = {};
    if (state) body.state = state;
    if (note !== m.note) body.note = note;
    if (!body.state && body.note === undefined) return setOpen(false);
    const next = await save.run(body);
    if (!next) return;
    onSaved(next);
    setOpen(false);
    setState('');
  };
  return (
    <li data-testid="milestone">
      <div className="spread">
        <h3>{m.title}</h3>
        <span className="row">
          {m.overdue && <Badge tone="danger">{t.overdue}</Badge>}
          <Badge tone={TONE[m.state]}>{t[m.state]}</Badge>
        </span>
      </div>
      {m.description && <p>{m.description}</p>}
      <p className="muted">{t.due(formatDate(m.dueOn, lang))}</p>
      {m.note && !open && <p className="milestone-note">{m.note}</p>}
      {open ? (
        <form className="inline-form" onSubmit={submit} noValidate>
          <SelectField label={t.state} name="state" value={state} onChange={(e) => setState(e.target.value)} error={save.error}>
            <option value="">{t.keep}</option>
            {NEXT[m.state].map((s) => (
              <option key={s} value={s}>
                {t[s]}
              </option>
            ))}
          </SelectField>
          <TextArea label={t.note} hint={t.noteHint} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={save.error} />
          <ErrorAlert error={save.error} />
          <div className="row">
            <Button type="submit" className="primary" busy={save.busy}>
              {t.save}
            </Button>
            <Button onClick={() => (setOpen(false), save.clearError())}>{t.close}</Button>
          </div>
        </form>
      ) : (
        m.state !== 'waived' && (
          <Button aria-label={t.updateNamed(m.title)} onClick={() => (setOpen(true), setNote(m.note))}>
            {t.change}
          </Button>
        )
      )}
    </li>
  );
}
