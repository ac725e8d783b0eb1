/**
 * /cohorts/:id/proposals: ask the optimiser for mentor–startup pairs, review
 * them (score and reason), change a pair's mentor or drop a pair, then apply
 * the draft as requests (mentors answer) or as mentorships (start at once).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert, errorMessage, fieldMessage } from '../app/errors.tsx';
import { formatDateTime } from '../app/format.ts';
import { defineStrings, useBilingual, useLang, type Bilingual } from '../app/i18n.tsx';
import { Badge, Button, Empty, Loaded, Loading, Page, SelectField } from '../app/ui.tsx';
import { CohortNav } from './CohortNav.tsx';
import type { CohortSummary, ListPage, Match, Proposal, ProposalPair } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Ghép cố vấn',
    create: 'Tạo đề xuất mới',
    perStartup: 'Số cố vấn cho mỗi dự án',
    propose: 'Tạo đề xuất',
    proposals: 'Các đề xuất',
    none: 'Chưa có đề xuất nào cho khoá này.',
    pick: 'Đề xuất đang xem',
    proposalOf: (when: string, status: string) => `${when} — ${status}`,
    draft: 'Bản nháp',
    applied: 'Đã áp dụng',
    edited: 'Đã chỉnh sửa',
    pairsCaption: 'Các cặp dự án – cố vấn được đề xuất',
    startup: 'Dự án',
    mentor: 'Cố vấn',
    score: 'Điểm',
    reason: 'Lý do',
    actions: 'Thao tác',
    noPairs: 'Đề xuất không còn cặp nào.',
    change: 'Đổi cố vấn',
    changeFor: (startup: string) => `Đổi cố vấn cho ${startup}`,
    remove: 'Bỏ cặp',
    removeFor: (startup: string, mentor: string) => `Bỏ cặp ${startup} – ${mentor}`,
    candidates: (startup: string) => `Cố vấn khác cho ${startup}`,
    candidate: (name: string, score: number) => `${name} — ${score} điểm`,
    noCandidates: 'Không còn cố vấn phù hợp nào khác.',
    save: 'Lưu thay đổi',
    cancel: 'Huỷ',
    total: (total: number, optimal: number, greedy: number) => `Tổng điểm ${total} (tối ưu ${optimal}; cách chọn tham lam ${greedy}).`,
    unserved: 'Dự án chưa đủ cố vấn',
    missing: (name: string, n: number, why: string) => `${name}: thiếu ${n} cố vấn — ${why}`,
    why: (value: string) => ({ too_few_eligible: 'không đủ cố vấn phù hợp', capacity_used_elsewhere: 'cố vấn phù hợp đã hết chỗ' } as Record<string, string>)[value] ?? String(value),
    applyTitle: 'Áp dụng đề xuất',
    applyAs: 'Áp dụng dưới dạng',
    asRequests: 'Gửi yêu cầu (cố vấn xác nhận)',
    asMentorships: 'Bắt đầu cố vấn ngay',
    apply: 'Áp dụng',
    appliedAt: (when: string) => `Đã áp dụng lúc ${when}.`,
    results: 'Kết quả',
    created: 'Đã tạo',
    failed: 'Không tạo được',
    pairProblem: (startup: string, mentor: string, why: string) => `${startup} – ${mentor}: ${why}`,
  },
  en: {
    title: 'Mentor proposals',
    create: 'New proposal',
    perStartup: 'Mentors per startup',
    propose: 'Propose',
    proposals: 'Proposals',
    none: 'No proposals for this cohort yet.',
    pick: 'Proposal shown',
    proposalOf: (when: string, status: string) => `${when} — ${status}`,
    draft: 'Draft',
    applied: 'Applied',
    edited: 'Edited',
    pairsCaption: 'The proposed startup–mentor pairs',
    startup: 'Startup',
    mentor: 'Mentor',
    score: 'Score',
    reason: 'Reason',
    actions: 'Actions',
    noPairs: 'The proposal has no pairs left.',
    change: 'Change mentor',
    changeFor: (startup: string) => `Change the mentor for ${startup}`,
    remove: 'Remove pair',
    removeFor: (startup: string, mentor: string) => `Remove the pair ${startup} – ${mentor}`,
    candidates: (startup: string) => `Another mentor for ${startup}`,
    candidate: (name: string, score: number) => `${name} — ${score} points`,
    noCandidates: 'No other suitable mentor is left.',
    save: 'Save change',
    cancel: 'Cancel',
    total: (total: number, optimal: number, greedy: number) => `Total score ${total} (optimal ${optimal}; greedy ${greedy}).`,
    unserved: 'Startups short of mentors',
    missing: (name: string, n: number, why: string) => `${name}: ${n} mentor(s) short — ${why}`,
    why: (value: string) => ({ too_few_eligible: 'too few suitable mentors', capacity_used_elsewhere: 'suitable mentors are full' } as Record<string, string>)[value] ?? String(value),
    applyTitle: 'Apply the proposal',
    applyAs: 'Apply as',
    asRequests: 'Requests (mentors confirm)',
    asMentorships: 'Mentorships starting now',
    apply: 'Apply',
    appliedAt: (when: string) => `Applied at ${when}.`,
    results: 'Results',
    created: 'Created',
    failed: 'Not created',
    pairProblem: (startup: string, mentor: string, why: string) => `${startup} – ${mentor}: ${why}`,
  },
});

/** Why the API refused a pair (`invalid_pairs`, each named `pairs.N`). */
const PAIR_PROBLEMS: Record<string, Bilingual> = {
  mentor_not_available: { vi: 'cố vấn không phù hợp với dự án này (ngôn ngữ, lịch, hình thức hoặc xung đột lợi ích).', en: 'the mentor does not fit this startup (language, time, mode or a conflict of interest).' },
  over_capacity: { vi: 'cố vấn đã hết chỗ nhận thêm dự án.', en: 'the mentor has no free place left.' },
  too_many_for_startup: { vi: 'dự án đã đủ số cố vấn cần.', en: 'the startup already has the mentors it needs.' },
  duplicate_pair: { vi: 'cặp này bị lặp.', en: 'this pair is listed twice.' },
  not_in_cohort: { vi: 'dự án không còn tham gia khoá.', en: 'the startup is no longer in the cohort.' },
  mentor_not_found: { vi: 'không tìm thấy cố vấn.', en: 'no such mentor.' },
};

/** Sentences for a refused edit: one per pair named in the problem. */
function PairErrors({ error, sent }: { error: unknown; sent: ProposalPair[] }) {
  const t = useT();
  const text = useBilingual();
  const { lang } = useLang();
  if (!(error instanceof ApiError) || error.code !== 'invalid_pairs') return <ErrorAlert error={error} />;
  return (
    <div className="alert" role="alert">
      <ul>
        {error.problem.errors.map((e) => {
          const index = Number(/^pairs\.(\d+)/.exec(e.field)?.[1]);
          const pair = sent[index];
          const why = PAIR_PROBLEMS[e.code] ? text(PAIR_PROBLEMS[e.code]) : fieldMessage(e, lang);
          return <li key={`${e.field}:${e.code}`}>{pair ? t.pairProblem(pair.startupName, pair.mentorName, why) : why}</li>;
        })}
      </ul>
    </div>
  );
}

function ChangeMentor({ pair, taken, onSave, onCancel, busy }: { pair: ProposalPair; taken: Set<string>; onSave: (m: Match) => void; onCancel: () => void; busy: boolean }) {
  const t = useT();
  const matches = useLoad(() => api.get<{ items: Match[] }>('/api/v1/matches', { startupId: pair.startupId, limit: 15 }), [pair.startupId]);
  const options = matches.data?.items.filter((m) => m.mentorId !== pair.mentorId && !taken.has(m.mentorId)) ?? [];
  const [choice, setChoice] = useState('');
  const chosen = options.find((m) => m.mentorId === choice) ?? options[0];
  return (
    <div className="change-mentor stack">
      <Loaded state={matches} isEmpty={() => options.length === 0} empty={t.noCandidates}>
        {() => (
          <SelectField label={t.candidates(pair.startupName)} name="mentorId" value={chosen?.mentorId ?? ''} onChange={(e) => setChoice(e.target.value)}>
            {options.map((m) => (
              <option key={m.mentorId} value={m.mentorId}>
                {t.candidate(m.name, m.score)}
              </option>
            ))}
          </SelectField>
        )}
      </Loaded>
      <div className="row">
        <Button className="primary" busy={busy} disabled={!chosen} onClick={() => chosen && onSave(chosen)}>
          {t.save}
        </Button>
        <Button onClick={onCancel}>{t.cancel}</Button>
      </div>
    </div>
  );
}

function ProposalView({ cohortId, proposal, onChange }: { cohortId: string; proposal: Proposal; onChange: (p: Proposal) => void }) {
  const t = useT();
  const text = useBilingual();
  const { lang } = useLang();
  const [changing, setChanging] = useState<number>();
  const [sent, setSent] = useState<ProposalPair[]>([]);
  const [as, setAs] = useState<'requests' | 'mentorships'>('requests');
  const base = `/api/v1/cohorts/${cohortId}/assignment-proposals/${proposal.id}`;
  const edit = useAction((pairs: ProposalPair[]) => {
    setSent(pairs);
    return api.patch<Proposal>(base, { pairs: pairs.map(({ startupId, mentorId }) => ({ startupId, mentorId })) });
  });
  const apply = useAction(() => api.post<Proposal>(`${base}/apply`, { as }));
  const draft = proposal.status === 'draft';
  const nameOf = (id: string, pairs = proposal.pairs) => pairs.find((p) => p.startupId === id)?.startupName ?? '';

  const save = async (pairs: ProposalPair[]) => {
    const updated = await edit.run(pairs);
    if (updated) {
      setChanging(undefined);
      onChange(updated);
    }
  };
  const replace = (index: number, match: Match) =>
    save(proposal.pairs.map((p, i) => (i === index ? { ...p, mentorId: match.mentorId, mentorName: match.name, score: match.score, reason: match.reason } : p)));
  const remove = (index: number) => save(proposal.pairs.filter((_, i) => i !== index));
  const runApply = async (e: FormEvent) => {
    e.preventDefault();
    const updated = await apply.run();
    if (updated) onChange(updated);
  };

  return (
    <section className="card proposal" aria-labelledby="proposal-title" data-proposal-id={proposal.id}>
      <div className="spread">
        <h2 id="proposal-title">{t.proposalOf(formatDateTime(proposal.createdAt, lang), draft ? t.draft : t.applied)}</h2>
        <div className="row">
          <Badge tone={draft ? 'info' : 'ok'}>{draft ? t.draft : t.applied}</Badge>
          {proposal.edited && <Badge tone="muted">{t.edited}</Badge>}
        </div>
      </div>
      <p className="muted small">{t.total(proposal.total, proposal.optimalTotal, proposal.greedyTotal)}</p>
      <PairErrors error={edit.error} sent={sent} />
      {proposal.pairs.length === 0 ? (
        <Empty>{t.noPairs}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="pairs">
            <caption className="sr-only">{t.pairsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.startup}</th>
                <th scope="col">{t.mentor}</th>
                <th scope="col">{t.score}</th>
                <th scope="col">{t.reason}</th>
                {draft && <th scope="col">{t.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {proposal.pairs.map((pair, index) => (
                <tr key={`${pair.startupId}:${pair.mentorId}`} data-startup-id={pair.startupId}>
                  <th scope="row">{pair.startupName}</th>
                  <td className="mentor-name">{pair.mentorName}</td>
                  <td>{pair.score}</td>
                  <td className="small">{text(pair.reason)}</td>
                  {draft && (
                    <td>
                      {changing === index ? (
                        <ChangeMentor
                          pair={pair}
                          taken={new Set(proposal.pairs.filter((p) => p.startupId === pair.startupId).map((p) => p.mentorId))}
                          busy={edit.busy}
                          onSave={(m) => replace(index, m)}
                          onCancel={() => setChanging(undefined)}
                        />
                      ) : (
                        <div className="row">
                          <Button aria-label={t.changeFor(pair.startupName)} onClick={() => setChanging(index)}>
                            {t.change}
                          </Button>
                          <Button className="danger" busy={edit.busy} aria-label={t.removeFor(pair.startupName, pair.mentorName)} onClick={() => remove(index)}>
                            {t.remove}
                          </Button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {proposal.unserved.length > 0 && (
        <>
          <h3>{t.unserved}</h3>
          <ul>
            {proposal.unserved.map((u) => (
              <li key={u.startupId}>{t.missing(u.startupName, u.missing, t.why(u.why))}</li>
            ))}
          </ul>
        </>
      )}
      {draft ? (
        <form onSubmit={runApply} aria-labelledby="apply-title">
          <h3 id="apply-title">{t.applyTitle}</h3>
          <ErrorAlert error={apply.error} />
          <fieldset>
            <legend>{t.applyAs}</legend>
            <label className="choice">
              <input type="radio" name="as" value="requests" checked={as === 'requests'} onChange={() => setAs('requests')} /> {t.asRequests}
            </label>
            <label className="choice">
              <input type="radio" name="as" value="mentorships" checked={as === 'mentorships'} onChange={() => setAs('mentorships')} /> {t.asMentorships}
            </label>
          </fieldset>
          <Button type="submit" className="primary" busy={apply.busy} disabled={proposal.pairs.length === 0}>
            {t.apply}
          </Button>
        </form>
      ) : (
        <div className="applied">
          {proposal.appliedAt && <p className="notice">{t.appliedAt(formatDateTime(proposal.appliedAt, lang))}</p>}
          {proposal.results.length > 0 && (
            <>
              <h3>{t.results}</h3>
              <ul className="plain">
                {proposal.results.map((r) => (
                  <li key={`${r.startupId}:${r.mentorId}`} className="row">
                    <span>
                      {nameOf(r.startupId)} – {proposal.pairs.find((p) => p.mentorId === r.mentorId)?.mentorName}
                    </span>
                    {r.outcome === 'created' ? (
                      <Badge tone="ok">{t.created}</Badge>
                    ) : (
                      <Badge tone="danger">
                        {t.failed}
                        {r.code ? `: ${errorMessage(new ApiError({ status: 422, code: r.code, title: '', detail: '', errors: [] }), lang)}` : ''}
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

export function ProposalsPage({ cohortId }: { cohortId: string }) {
  const t = useT();
  const { lang } = useLang();
  const cohort = useLoad(() => api.get<CohortSummary>(`/api/v1/cohorts/${cohortId}`), [cohortId]);
  const list = useLoad(() => api.get<ListPage<Proposal>>(`/api/v1/cohorts/${cohortId}/assignment-proposals`, { limit: 100 }), [cohortId]);
  const [selected, setSelected] = useState<string>();
  const [perStartup, setPerStartup] = useState('1');
  const create = useAction(() => api.post<Proposal>(`/api/v1/cohorts/${cohortId}/assignment-proposals`, { mentorsPerStartup: Number(perStartup) }));

  const proposals = list.data?.items ?? [];
  const shown = proposals.find((p) => p.id === selected) ?? proposals.at(-1);
  const put = (p: Proposal) => list.setData((current) => current && { ...current, items: current.items.some((x) => x.id === p.id) ? current.items.map((x) => (x.id === p.id ? p : x)) : [...current.items, p] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create.run();
    if (created) {
      put(created);
      setSelected(created.id);
    }
  };

  return (
    <Page title={cohort.data ? `${t.title} — ${cohort.data.name}` : t.title}>
      <CohortNav cohortId={cohortId} />
      <form className="card" onSubmit={submit} aria-labelledby="create-title">
        <h2 id="create-title">{t.create}</h2>
        <ErrorAlert error={create.error} />
        <div className="search-row">
          <SelectField label={t.perStartup} name="mentorsPerStartup" value={perStartup} onChange={(e) => setPerStartup(e.target.value)} error={create.error}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <Button type="submit" className="primary" busy={create.busy}>
            {t.propose}
          </Button>
        </div>
      </form>
      {create.busy && <Loading />}
      <Loaded state={list} isEmpty={(page) => page.items.length === 0} empty={t.none}>
        {() => (
          <>
            {proposals.length > 1 && (
              <SelectField label={t.pick} name="proposal" value={shown?.id ?? ''} onChange={(e) => setSelected(e.target.value)}>
                {proposals.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t.proposalOf(formatDateTime(p.createdAt, lang), p.status === 'draft' ? t.draft : t.applied)}
                  </option>
                ))}
              </SelectField>
            )}
            {shown && <ProposalView key={shown.id} cohortId={cohortId} proposal={shown} onChange={put} />}
          </>
        )}
      </Loaded>
    </Page>
  );
}
