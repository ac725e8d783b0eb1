/**
 * /approvals: mentors waiting for approval (approve), and the approved ones
 * with their state. Pausing and resuming is the mentor's own choice (the API
 * lets only the profile's owner do it), so staff see it here but do not press it.
 */
import { useState } from 'react';
import { api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatInstantDate } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Badge, Button, Loaded, Page } from '../app/ui.tsx';
import { fetchAll } from '../app/api.ts';
import type { Mentor } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Duyệt cố vấn',
    pending: 'Đang chờ duyệt',
    noPending: 'Không có hồ sơ nào chờ duyệt.',
    approve: 'Duyệt',
    approveName: (name: string) => `Duyệt hồ sơ của ${name}`,
    approved: (name: string) => `Đã duyệt ${name}; cố vấn có thể nhận dự án từ bây giờ.`,
    conflicts: (n: number) => `Lưu ý: hồ sơ khai báo xung đột lợi ích với ${n} dự án; hệ thống sẽ không ghép các dự án đó.`,
    since: (day: string) => `Đăng ký ngày ${day}`,
    others: 'Cố vấn đã duyệt',
    othersCaption: 'Cố vấn đã duyệt và tình trạng',
    name: 'Cố vấn',
    load: 'Dự án đang hướng dẫn',
    status: 'Tình trạng',
    active: 'Đang nhận dự án',
    paused: 'Tạm nghỉ',
    pauseNote: 'Cố vấn tự tạm nghỉ hoặc quay lại trong hồ sơ của mình.',
    noOthers: 'Chưa có cố vấn nào được duyệt.',
  },
  en: {
    title: 'Mentor approvals',
    pending: 'Waiting for approval',
    noPending: 'No profiles are waiting for approval.',
    approve: 'Approve',
    approveName: (name: string) => `Approve ${name}’s profile`,
    approved: (name: string) => `${name} is approved and can take startups from now on.`,
    conflicts: (n: number) => `Note: the profile declares a conflict of interest with ${n} startup(s); they will not be matched.`,
    since: (day: string) => `Signed up ${day}`,
    others: 'Approved mentors',
    othersCaption: 'Approved mentors and their state',
    name: 'Mentor',
    load: 'Startups mentored',
    status: 'State',
    active: 'Taking startups',
    paused: 'Paused',
    pauseNote: 'Mentors pause and resume themselves, from their own profile.',
    noOthers: 'No approved mentors yet.',
  },
});

interface Approved extends Mentor {
  conflicts: { startupIds: string[] } | null;
}

export function ApprovalsPage() {
  const t = useT();
  const { lang } = useLang();
  const mentors = useLoad(() => fetchAll<Mentor>('/api/v1/mentors'), []);
  const [notice, setNotice] = useState<string[]>([]);
  const [approving, setApproving] = useState<string>();
  const approve = useAction((mentor: Mentor) => api.post<Approved>(`/api/v1/mentors/${mentor.id}/approve`));

  const run = async (mentor: Mentor) => {
    setApproving(mentor.id);
    const approved = await approve.run(mentor);
    setApproving(undefined);
    if (!approved) return;
    const conflicts = approved.conflicts?.startupIds.length ?? 0;
    setNotice([t.approved(mentor.name), ...(conflicts ? [t.conflicts(conflicts)] : [])]);
    mentors.setData((list) => list?.map((m) => (m.id === mentor.id ? { ...m, ...approved } : m)));
  };

  return (
    <Page title={t.title}>
      <div aria-live="polite">
        {notice.length > 0 && (
          <div className="notice">
            {notice.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </div>
      <ErrorAlert error={approve.error} />
      <Loaded state={mentors}>
        {(list) => {
          const pending = list.filter((m) => m.status === 'pending');
          const others = list.filter((m) => m.status !== 'pending').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
          return (
            <>
              <section className="card" aria-labelledby="pending-title">
                <h2 id="pending-title">{t.pending}</h2>
                {pending.length === 0 ? (
                  <p className="empty">{t.noPending}</p>
                ) : (
                  <ul className="plain">
                    {pending.map((m) => (
                      <li key={m.id} className="spread" data-mentor-id={m.id}>
                        <div>
                          <h3>{m.name}</h3>
                          <p className="muted small">
                            {m.title}, {m.organisation} · {t.since(formatInstantDate(m.createdAt, lang))}
                          </p>
                        </div>
                        <Button className="primary" busy={approving === m.id} aria-label={t.approveName(m.name)} onClick={() => run(m)}>
                          {t.approve}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="others-title">
                <h2 id="others-title">{t.others}</h2>
                <p className="muted small">{t.pauseNote}</p>
                {others.length === 0 ? (
                  <p className="empty">{t.noOthers}</p>
                ) : (
                  <div className="table-wrap">
                    <table>
                      <caption className="sr-only">{t.othersCaption}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t.name}</th>
                          <th scope="col">{t.load}</th>
                          <th scope="col">{t.status}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {others.map((m) => (
                          <tr key={m.id} data-mentor-id={m.id}>
                            <th scope="row">
                              {m.name}
                              <div className="muted small">{m.organisation}</div>
                            </th>
                            <td>
                              {m.stats.activeMentees}/{m.capacity.maxActiveMentees}
                            </td>
                            <td>{m.status === 'active' ? <Badge tone="ok">{t.active}</Badge> : <Badge tone="warn">{t.paused}</Badge>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
