/**
 * The programme ledger and the KPI report, over real HTTP with the clock
 * pinned to 1 July 2025 (Can Tho): 2024 is over, 2025 half run. The test
 * keeps its own list of what it recorded and works out every expected
 * figure from that list, with its own reading of the rules (support on a
 * day the startup was eligible; each startup once), then compares.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { admissionsRepository } from '../../../server/modules/cohorts/admissions.repository.js';
import { requestsRepository } from '../../../server/modules/requests/requests.repository.js';
import { sessionsRepository } from '../../../server/modules/sessions/sessions.repository.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { expectInvalidFields, expectProblem, expectRuleViolated, errorFields } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';

const PINNED_NOW = new Date('2025-07-01T05:00:00Z'); // 12:00 in Can Tho
const oid = (id: string) => new mongoose.Types.ObjectId(id);
/** An instant at a Can Tho wall-clock time. */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

/** What the test recorded as support, by startup: the test's own ledger. */
interface Support {
  startup: string;
  kind: 'admission' | 'session' | 'activity';
  date: string;
}

/** The test's own 5-year rule: a company is eligible through the same day 5 years after registration (none of these dates is 29 February). */
const lastEligibleDay = (firstRegisteredOn: string | undefined) => (firstRegisteredOn ? `${Number(firstRegisteredOn.slice(0, 4)) + 5}${firstRegisteredOn.slice(4)}` : '9999-12-31');

/** RFC 4180 reading, for checking the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('reports: the ledger and the KPI report', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let admin: TestUser;
  let manager: TestUser;
  let founder: TestUser;
  const startups: Record<string, { id: string; firstRegisteredOn?: string; name: string }> = {};
  const support: Support[] = [];
  const activityIds: Record<string, string> = {};

  const http = (method: string, path: string, token: string, body?: unknown) => runway.http(method, path, { token, ...(body !== undefined ? { body } : {}) });
  const kpis = async (query: string) => {
    const response = await http('GET', `/api/v1/reports/kpis?${query}`, manager.token);
    expect(response.status, response.text).to.equal(200);
    return response.body as {
      period: { from: string; to: string; complete: boolean; elapsedShare: number };
      kpis: Array<{ code: string; actual: number; target: number | null; expectedByNow: number | null; status: string; records: Array<{ id: string; date: string; evidence: Array<{ kind: string; id: string; date: string }> }>; excluded: Array<{ id: string; reason: string }> }>;
      mentorNetwork: Array<{ code: string; value: number | null; records: Array<{ id: string; value: number | null }> }>;
    };
  };
  const kpi = (report: Awaited<ReturnType<typeof kpis>>, code: string) => report.kpis.find((k) => k.code === code)!;

  async function startup(key: string, body: Record<string, unknown>): Promise<void> {
    const response = await http('POST', '/api/v1/startups', founder.token, { growthBasis: ['technology'], sectors: ['agriculture'], stage: 'mvp', ...body });
    expect(response.status, response.text).to.equal(201);
    startups[key] = { id: response.body.id, firstRegisteredOn: body.firstRegisteredOn as string | undefined, name: body.name as string };
  }

  async function activity(key: string, kind: string, startsOn: string, attendees: string[]): Promise<void> {
    const attendance = attendees.map((s, i) => ({ name: `Người ${key} ${i}`, startupId: startups[s]!.id }));
    const response = await http('POST', '/api/v1/activities', manager.token, { title: `Hoạt động ${key}`, kind, startsOn, endsOn: startsOn, organisers: ['Sở KH&CN Cần Thơ', 'Trường Đại học Cần Thơ'], place: 'Ninh Kiều', attendance });
    expect(response.status, response.text).to.equal(201);
    activityIds[key] = response.body.id;
    for (const s of new Set(attendees)) support.push({ startup: s, kind: 'activity', date: startsOn });
  }

  before(async () => {
    runway = await startTestRunway({}, { now: () => PINNED_NOW });
    admin = await createTestUser(runway, 'admin');
    manager = await createTestUser(runway, 'manager');
    founder = await createTestUser(runway, 'startup');
    await startup('A', { name: 'Cà phê Ô Môn, "Hạt Ngọc"', kind: 'individual' });
    await startup('B', { name: 'Lúa Xanh Thốt Nốt', kind: 'company', enterpriseCode: '1801234567', firstRegisteredOn: '2019-06-10' }); // last eligible day 2024-06-10
    await startup('C', { name: 'Nông sản số Cái Răng', kind: 'company', enterpriseCode: '1801234568', firstRegisteredOn: '2021-03-01' });
    await startup('D', { name: 'Du lịch sông nước Phong Điền', kind: 'group' });
    await startup('F', { name: 'Gốm đỏ Vĩnh Long', kind: 'company', enterpriseCode: '1801234569', firstRegisteredOn: '2019-01-05' }); // last eligible day 2024-01-05

    await activity('awareness-2024', 'awareness_class', '2024-03-10', ['A', 'B', 'B', 'C']);
    await activity('local-may', 'local_connection_event', '2024-05-01', ['A']);
    await activity('local-sep', 'local_connection_event', '2024-09-01', ['B', 'F']);
    await activity('fundraising', 'fundraising_practice', '2024-11-20', ['D']);
    await activity('awareness-2023', 'awareness_class', '2023-04-02', ['C']);
    await activity('awareness-2025', 'awareness_class', '2025-02-01', ['A']);
    await activity('planned-2025', 'regional_event', '2025-10-15', ['C']); // not happened yet on 1 July 2025

    // Past admissions and sessions, saved as they were (the API only admits and books today).
    const cohort = await http('POST', '/api/v1/cohorts', manager.token, {
      name: 'Mekong Startup Runway 2024',
      programme: 'Mekong Startup Runway',
      year: 2024,
      startsOn: '2024-02-01',
      endsOn: '2024-08-31',
      milestoneTemplate: [{ key: 'mvp', title: 'MVP', dueWeeks: 8 }],
    });
    expect(cohort.status, cohort.text).to.equal(201);
    const admitted = [
      { startup: 'C', date: '2024-02-01' },
      { startup: 'B', date: '2024-08-01' }, // after B aged out
    ];
    await admissionsRepository.insertHistory(
      admitted.map((a) => ({ cohortId: oid(cohort.body.id), startupId: oid(startups[a.startup]!.id), admittedAt: at(a.date), admittedBy: oid(manager.id), status: 'graduated', history: [{ status: 'active', at: at(a.date), by: oid(manager.id) }] })),
    );
    for (const a of admitted) support.push({ startup: a.startup, kind: 'admission', date: a.date });

    const mentors: Array<{ id: string; userId: string }> = [];
    for (const name of ['Nguyễn Văn Minh', 'Trần Thị Hoa']) {
      const user = await createTestUser(runway, 'mentor', name);
      const created = await http('POST', '/api/v1/mentors', user.token, { languages: ['vi'] });
      expect(created.status, created.text).to.equal(201);
      mentors.push({ id: created.body.id, userId: user.id });
    }
    const sessions = [
      { startup: 'A', mentor: 0, date: '2024-04-10', hours: 1, status: 'completed' as const },
      { startup: 'B', mentor: 1, date: '2024-10-10', hours: 1.5, status: 'completed' as const },
      { startup: 'A', mentor: 1, date: '2024-12-31', hours: 1, status: 'completed' as const, time: '23:30' }, // 31 Dec in Can Tho (16:30 UTC)
      { startup: 'D', mentor: 0, date: '2024-06-01', hours: 1, status: 'cancelled' as const },
      { startup: 'D', mentor: 0, date: '2025-01-01', hours: 1, status: 'completed' as const, time: '00:30' }, // 2025 in Can Tho, still 2024 in UTC
    ];
    await sessionsRepository.insertHistory(
      sessions.map((s) => {
        const start = at(s.date, s.time ?? '09:00');
        return {
          _id: new mongoose.Types.ObjectId(),
          mentorId: oid(mentors[s.mentor]!.id),
          mentorUserId: oid(mentors[s.mentor]!.userId),
          startupId: oid(startups[s.startup]!.id),
          mentorshipId: new mongoose.Types.ObjectId(),
          bookedBy: oid(founder.id),
          start,
          end: new Date(start.getTime() + s.hours * 3_600_000),
          month: s.date.slice(0, 7),
          mode: 'online',
          link: 'https://meet.example.vn/a',
          topic: 'Gọi vốn',
          status: s.status,
        };
      }),
    );
    for (const s of sessions) if (s.status === 'completed') support.push({ startup: s.startup, kind: 'session', date: s.date });

    await requestsRepository.insertHistory(
      [2, 30, 10].map((hours, i) => ({
        startupId: oid(startups.A!.id),
        mentorId: oid(mentors[0]!.id),
        mentorUserId: oid(mentors[0]!.userId),
        requestedBy: oid(founder.id),
        message: 'Xin được hướng dẫn.',
        topics: [],
        requestedAt: at(`2024-0${i + 3}-01`),
        expiresAt: at(`2024-0${i + 3}-08`),
        status: 'accepted',
        respondedAt: new Date(at(`2024-0${i + 3}-01`).getTime() + hours * 3_600_000),
        responseHours: hours,
        history: [],
      })),
    );

    const st = await http('POST', '/api/v1/certifications', manager.token, { startupId: startups.C!.id, kind: 'st_enterprise', number: '15/DNKHCN-CT', issuer: 'Sở Khoa học và Công nghệ thành phố Cần Thơ', issuedOn: '2024-05-20' });
    expect(st.status, st.text).to.equal(201);
    const prize = await http('POST', '/api/v1/certifications', manager.token, { startupId: startups.A!.id, kind: 'recognition', title: 'Giải Nhì Mekong Startup Runway 2024', issuer: 'Thành đoàn Cần Thơ', issuedOn: '2024-08-15' });
    expect(prize.status, prize.text).to.equal(201);
  });
  after(() => runway.stop());

  /** Expected ideas/projects supported in [from, to], from the test's own ledger. */
  function expectedSupported(from: string, to: string): { counted: Map<string, Support[]>; excluded: string[] } {
    const counted = new Map<string, Support[]>();
    const considered = new Set<string>();
    const today = '2025-07-01';
    for (const s of support) {
      if (s.date < from || s.date > to || s.date > today) continue; // what has not happened yet is not support
      considered.add(s.startup);
      if (s.date > lastEligibleDay(startups[s.startup]!.firstRegisteredOn)) continue;
      counted.set(s.startup, [...(counted.get(s.startup) ?? []), s]);
    }
    return { counted, excluded: [...considered].filter((s) => !counted.has(s)) };
  }
  const idsOf = (keys: Iterable<string>) => [...keys].map((k) => startups[k]!.id).sort();

  it('GET /reports/kpis?year=2024 → ideas supported: each startup once, by the records of 2024 on days it was eligible', async () => {
    const report = await kpis('year=2024');
    const ideas = kpi(report, 'ideas_supported');
    const expected = expectedSupported('2024-01-01', '2024-12-31');
    expect(ideas.actual).to.equal(expected.counted.size);
    expect(ideas.records.map((r) => r.id).sort()).to.deep.equal(idsOf(expected.counted.keys()));
    // B counts for the part of 2024 it was eligible (the March class), not for its August admission or later session.
    const b = ideas.records.find((r) => r.id === startups.B!.id)!;
    expect(b.evidence.map((e) => e.date)).to.deep.equal(['2024-03-10']);
    // F was only supported after its last eligible day: listed, not counted.
    expect(ideas.excluded.map((r) => r.id).sort()).to.deep.equal(idsOf(expected.excluded));
    expect(ideas.excluded.every((r) => r.reason === 'aged_out')).to.equal(true);
    expect(ideas.target).to.equal(10);
    expect(ideas.status).to.equal(ideas.actual >= 10 ? 'met' : 'behind');
  });

  it('GET /reports/kpis?records=false → the same figures without the records behind them; records=maybe → 400 naming it', async () => {
    const whole = await kpis('year=2024');
    const bare = await kpis('year=2024&records=false');
    expect(bare.kpis.map((k) => [k.code, k.actual, k.target, k.status])).to.deep.equal(whole.kpis.map((k) => [k.code, k.actual, k.target, k.status]));
    expect(whole.kpis.some((k) => k.records.length > 0)).to.equal(true);
    expect(bare.kpis.every((k) => k.records.length === 0 && k.excluded.length === 0)).to.equal(true);
    expect(bare.mentorNetwork.every((f) => f.records.length === 0)).to.equal(true);
    expectInvalidFields(await http('GET', '/api/v1/reports/kpis?year=2024&records=maybe', manager.token), ['records']);
  });

  it('duplicates are not counted twice: a startup supported several ways, and a person listed twice, count once', async () => {
    const report = await kpis('year=2024');
    const ideas = kpi(report, 'ideas_supported');
    expect(new Set(ideas.records.map((r) => r.id)).size).to.equal(ideas.records.length);
    const a = ideas.records.find((r) => r.id === startups.A!.id)!;
    const expectedA = support.filter((s) => s.startup === 'A' && s.date.startsWith('2024'));
    expect(a.evidence).to.have.length(expectedA.length);
    const activity = await http('GET', `/api/v1/activities/${activityIds['awareness-2024']}`, manager.token);
    expect(activity.body.attendanceCount).to.equal(4);
    expect(activity.body.startupCount).to.equal(3);
  });

  it('activity KPIs count the activities of their kind in the period, against the plan’s targets (2024 is over: met or behind)', async () => {
    const report = await kpis('year=2024');
    expect(report.period).to.include({ from: '2024-01-01', to: '2024-12-31', complete: true });
    const local = kpi(report, 'local_connection_events');
    expect(local.records.map((r) => r.id).sort()).to.deep.equal([activityIds['local-may'], activityIds['local-sep']].sort());
    expect(local).to.include({ actual: 2, target: 3, status: 'behind' });
    expect(kpi(report, 'awareness_classes')).to.include({ actual: 1, target: 2, status: 'behind' });
    expect(kpi(report, 'fundraising_programmes')).to.include({ actual: 1, target: 1, status: 'met' });
    expect(kpi(report, 'st_enterprises')).to.include({ actual: 1, target: 3, status: 'behind' });
    expect(kpi(report, 'st_enterprises').records[0]).to.include({ date: '2024-05-20' });
  });

  it('mentor network for 2024: active mentors, sessions held (Can Tho dates), hours, median response time', async () => {
    const report = await kpis('year=2024');
    const figure = (code: string) => report.mentorNetwork.find((f) => f.code === code)!;
    expect(figure('sessions_held').value).to.equal(3); // the cancelled one and the one on 1 January 2025 (Can Tho) are not
    expect(figure('hours').value).to.equal(3.5);
    expect(figure('active_mentors').value).to.equal(2);
    expect(figure('median_response_hours').value).to.equal(10);
    expect(figure('median_response_hours').records.map((r) => r.value).sort((a, b) => a! - b!)).to.deep.equal([2, 10, 30]);
  });

  it('a running year (2025, half gone): on track pro rata, behind when short of it, planned activities not yet counted', async () => {
    const report = await kpis('year=2025');
    expect(report.period.complete).to.equal(false);
    expect(report.period.elapsedShare).to.be.closeTo(182 / 365, 0.001);
    expect(kpi(report, 'awareness_classes')).to.include({ actual: 1, target: 2, expectedByNow: 1, status: 'on_track' });
    expect(kpi(report, 'regional_events')).to.include({ actual: 0, target: 1, expectedByNow: 0, status: 'on_track' });
    const ideas = kpi(report, 'ideas_supported');
    expect(ideas.records.map((r) => r.id).sort()).to.deep.equal(idsOf(expectedSupported('2025-01-01', '2025-12-31').counted.keys()));
    expect(ideas).to.include({ target: 10, expectedByNow: 5, status: 'behind' });
  });

  it('GET /reports/kpis?from=&to= → a mid-term review: years’ targets summed, the last pro rata; a year without targets → no_target', async () => {
    const report = await kpis('from=2021-01-01&to=2023-06-30');
    expect(kpi(report, 'awareness_classes').target).to.equal(Math.round((2 + 2 + (2 * 181) / 365) * 100) / 100);
    expect(kpi(report, 'awareness_classes').actual).to.equal(1);
    const ideas = kpi(report, 'ideas_supported');
    expect(ideas.records.map((r) => r.id)).to.deep.equal(idsOf(expectedSupported('2021-01-01', '2023-06-30').counted.keys()));
    const future = await kpis('year=2027');
    expect(kpi(future, 'regional_events')).to.include({ target: null, status: 'no_target' });
  });

  it('PUT /reports/targets (admin) changes a target, keeps who and when; the report uses it', async () => {
    const put = await http('PUT', '/api/v1/reports/targets', admin.token, { year: 2024, kpi: 'local_connection_events', value: 2, note: 'Điều chỉnh' });
    expect(put.status, put.text).to.equal(200);
    expect(put.body.value).to.equal(2);
    expect(put.body.history).to.have.length(2);
    expect(put.body.history[0]).to.include({ value: 3, previous: null, by: null });
    expect(put.body.history[1]).to.include({ value: 2, previous: 3, by: admin.id, note: 'Điều chỉnh', at: PINNED_NOW.toISOString() });
    expect(kpi(await kpis('year=2024'), 'local_connection_events')).to.include({ actual: 2, target: 2, status: 'met' });
    const listed = await http('GET', '/api/v1/reports/targets?year=2024', manager.token);
    expect(listed.body.items).to.have.length(11);
    const forbidden = await http('PUT', '/api/v1/reports/targets', manager.token, { year: 2024, kpi: 'local_connection_events', value: 9 });
    expectProblem(forbidden, 403, 'forbidden_role');
    expectInvalidFields(await http('PUT', '/api/v1/reports/targets', admin.token, { year: 2024, kpi: 'unicorns', value: -1 }), ['kpi', 'value']);
  });

  it('the S&T certificate shows on the startup’s profile (with its issuer); a second one → 409; an individual’s → 422 naming kind', async () => {
    const profile = await http('GET', `/api/v1/startups/${startups.C!.id}`, founder.token);
    expect(profile.body.stEnterprise).to.deep.equal({ certifiedOn: '2024-05-20', certificateNumber: '15/DNKHCN-CT', issuer: 'Sở Khoa học và Công nghệ thành phố Cần Thơ' });
    const again = await http('POST', '/api/v1/certifications', manager.token, { startupId: startups.C!.id, kind: 'st_enterprise', number: '16/DNKHCN-CT', issuer: 'Sở KH&CN', issuedOn: '2024-06-20' });
    expectProblem(again, 409, 'already_certified');
    const individual = await http('POST', '/api/v1/certifications', manager.token, { startupId: startups.A!.id, kind: 'st_enterprise', number: '17/DNKHCN-CT', issuer: 'Sở KH&CN', issuedOn: '2024-06-20' });
    expectProblem(individual, 422, 'rule_violated');
    expect(errorFields(individual)).to.deep.equal(['kind']);
    const future = await http('POST', '/api/v1/certifications', manager.token, { startupId: startups.D!.id, kind: 'recognition', title: 'Giải', issuer: 'Sở KH&CN', issuedOn: '2025-07-02' });
    expect(errorFields(future)).to.deep.equal(['issuedOn']);
    const own = await http('GET', '/api/v1/certifications', founder.token);
    expect(own.body.items.map((c: { kind: string }) => c.kind).sort()).to.deep.equal(['recognition', 'st_enterprise']);
  });

  it('POST /activities/{id}/attendance/import → rows appended, people already there skipped, Vietnamese kept', async () => {
    const id = activityIds.fundraising!;
    const csv = `\uFEFFHọ tên;Email;startupId;Đơn vị\r\nPhạm Thị Ngọc Ánh;anh.pham@example.vn;${startups.A!.id};"Hội LHPN; Cần Thơ"\r\nPhạm Thị Ngọc Ánh;ANH.PHAM@example.vn;;\r\n\r\nLâm Quốc Bảo;;;\r\n`;
    const response = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv });
    expect(response.status, response.text).to.equal(200);
    expect(response.body).to.include({ rows: 3, added: 2, skipped: 1 });
    const names = (response.body.activity.attendance as Array<{ name: string; organisation: string | null }>).map((a) => a.name);
    expect(names).to.include.members(['Phạm Thị Ngọc Ánh', 'Lâm Quốc Bảo']);
    expect(response.body.activity.attendance.find((a: { name: string }) => a.name === 'Phạm Thị Ngọc Ánh').organisation).to.equal('Hội LHPN; Cần Thơ');
  });

  it('a CSV with bad rows → 422 naming each line and column, 422 for an unknown startup; nothing is written', async () => {
    const id = activityIds['local-may']!;
    const before = (await http('GET', `/api/v1/activities/${id}`, manager.token)).body.attendance;
    const bad = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, {
      csv: 'name,email,startupId\nLê Văn Tám,not-an-email,\n,,\nTrần Bé,,12345\nNgô Hữu,,"unclosed',
    });
    expectProblem(bad, 422, 'invalid_csv');
    expect(errorFields(bad)).to.deep.equal(['csv.5']);
    const rows = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv: 'name,email,startupId\nLê Văn Tám,not-an-email,\n"",x@example.vn,\nTrần Bé,,12345\n' });
    expectProblem(rows, 422, 'invalid_csv');
    expect(errorFields(rows)).to.deep.equal(['csv.2.email', 'csv.3.name', 'csv.4.startupId']);
    const header = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv: 'email,phone\nx@example.vn,0901\n' });
    expect(errorFields(header)).to.deep.equal(['csv.1.phone', 'csv.1.name']);
    const unknown = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv: `name,startupId\nA,${startups.A!.id}\nB,${new mongoose.Types.ObjectId().toHexString()}\n` });
    expectProblem(unknown, 422, 'unknown_startup');
    expect(errorFields(unknown)).to.deep.equal(['csv.3.startupId']);
    expectInvalidFields(await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv: 42 }), ['csv']);
    // A header alone would empty the list under `replace`: refused.
    const empty = await http('POST', `/api/v1/activities/${id}/attendance/import`, manager.token, { csv: 'name,email\n', mode: 'replace' });
    expectProblem(empty, 422, 'invalid_csv');
    expect(errorFields(empty)).to.deep.equal(['csv']);
    expect((await http('GET', `/api/v1/activities/${id}`, manager.token)).body.attendance).to.deep.equal(before);
  });

  it('GET /reports/kpis/csv → UTF-8 with BOM; Vietnamese text, commas and quotes round-trip', async () => {
    // The bytes as sent (fetch's text() would drop the byte-order mark).
    const response = await fetch(`${runway.url}/api/v1/reports/kpis/csv?year=2024`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).to.equal('attachment; filename="runway-kpis-2024.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    const [header, ...body] = rows;
    expect(header!.slice(0, 4)).to.deep.equal(['row', 'code', 'label_vi', 'label_en']);
    const ideas = body.find((r) => r[0] === 'kpi' && r[1] === 'ideas_supported')!;
    expect(ideas[2]).to.equal('Ý tưởng, dự án khởi nghiệp được hỗ trợ');
    const json = kpi(await kpis('year=2024'), 'ideas_supported');
    expect(Number(ideas[4])).to.equal(json.actual);
    const recordNames = body.filter((r) => r[0] === 'record' && r[1] === 'ideas_supported').map((r) => r[11]);
    expect(recordNames).to.include('Cà phê Ô Môn, "Hạt Ngọc"');
    expect(body.filter((r) => r[0] === 'excluded').map((r) => r[11])).to.deep.equal(['Gốm đỏ Vĩnh Long']);
  });

  it('GET /reports/kpis/print → a printable page in Vietnamese and English, names escaped, Can Tho dates', async () => {
    const response = await http('GET', '/api/v1/reports/kpis/print?year=2024', manager.token);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(response.text).to.include('Báo cáo chỉ tiêu năm 2024').and.include('KPI report 2024').and.include('@media print');
    expect(response.text).to.include('Cà phê Ô Môn, &quot;Hạt Ngọc&quot;').and.include('01/01/2024 – 31/12/2024').and.include('12:00 01/07/2025');
  });

  it('bad queries → 400 (a malformed value) or 422 (year and dates that do not combine) naming the field; founders and mentors → 403', async () => {
    expectRuleViolated(await http('GET', '/api/v1/reports/kpis', manager.token), ['year']);
    expectInvalidFields(await http('GET', '/api/v1/reports/kpis?year=abc', manager.token), ['year']);
    expectRuleViolated(await http('GET', '/api/v1/reports/kpis?year=2024&from=2024-01-01', manager.token), ['year']);
    expectRuleViolated(await http('GET', '/api/v1/reports/kpis?from=2024-01-01', manager.token), ['to']);
    expectRuleViolated(await http('GET', '/api/v1/reports/kpis?from=2024-05-01&to=2024-04-30', manager.token), ['to']);
    expectRuleViolated(await http('GET', '/api/v1/reports/kpis?from=2010-01-01&to=2024-04-30', manager.token), ['to']);
    expectInvalidFields(await http('GET', '/api/v1/reports/kpis/csv?from=2024-02-30&to=2024-04-30', manager.token), ['from']);
    expectProblem(await http('GET', '/api/v1/reports/kpis?year=2024', founder.token), 403, 'forbidden_role');
    expectProblem(await http('GET', '/api/v1/reports/kpis/print?year=2024', (await createTestUser(runway, 'mentor')).token), 403, 'forbidden_role');
  });

  it('activities: endsOn before startsOn → 422; a PATCH replaces attendance; DELETE removes it from the report', async () => {
    const bad = await http('POST', '/api/v1/activities', manager.token, { title: 'Sai ngày', kind: 'founder_course', startsOn: '2024-05-02', endsOn: '2024-05-01', organisers: ['CBA'], place: 'Ninh Kiều' });
    expectProblem(bad, 422, 'rule_violated');
    expect(errorFields(bad)).to.deep.equal(['endsOn']);
    expectInvalidFields(await http('POST', '/api/v1/activities', manager.token, { title: 'X', kind: 'party', startsOn: '2024-05-01', endsOn: '2024-05-01', organisers: [''], place: 'Y' }), ['kind', 'organisers']);
    const created = await http('POST', '/api/v1/activities', manager.token, { title: 'Khóa huấn luyện gọi vốn', kind: 'founder_course', startsOn: '2024-06-05', endsOn: '2024-06-07', organisers: ['SIHUB'], place: 'Cái Răng' });
    expect(kpi(await kpis('year=2024'), 'founder_courses').actual).to.equal(1);
    const patched = await http('PATCH', `/api/v1/activities/${created.body.id}`, manager.token, { attendance: [{ name: 'Võ Minh Khang', startupId: startups.D!.id }] });
    expect(patched.status, patched.text).to.equal(200);
    expect(patched.body.attendance).to.deep.equal([{ name: 'Võ Minh Khang', email: null, userId: null, startupId: startups.D!.id, organisation: null }]);
    expect((await http('DELETE', `/api/v1/activities/${created.body.id}`, manager.token)).status).to.equal(204);
    expect(kpi(await kpis('year=2024'), 'founder_courses').actual).to.equal(0);
    expectProblem(await http('GET', `/api/v1/activities/${created.body.id}`, manager.token), 404, 'activity_not_found');
  });
});
