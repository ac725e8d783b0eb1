/**
 * Calendars over real HTTP, read back with a real iCalendar parser
 * (node-ical): a session's .ics and a private per-user feed round-trip the
 * session's instants, in the reader's zone with its VTIMEZONE; a cancelled
 * session shows as cancelled; a feed URL can be replaced and revoked.
 */
import { expect } from 'chai';
import nodeIcal, { type VEvent } from 'node-ical';
import { startTestRunway, sendRequest, type TestRunway } from '../../helpers/runway.js';
import { expectProblem } from '../../helpers/problems.js';
import { PINNED_NOW } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

const eventsOf = (text: string) => Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

describe('sessions: .ics files and private calendar feeds', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let world: MatchingWorld;
  let berlin: TestMentor;
  let sessionIds: string[];
  let starts: string[];

  before(async () => {
    runway = await startTestRunway({}, { now: () => PINNED_NOW });
    world = await matchingWorld(runway);
    berlin = await activeMentor(runway, world, { timezone: 'Europe/Berlin', minNoticeHours: 0 });
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, berlin.profile.id);
    expect((await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: berlin.user.token })).status).to.equal(200);
    const slots = (await runway.http('GET', `/api/v1/mentors/${berlin.profile.id}/slots`, { token: world.founder.token })).body.items as Array<{ start: string }>;
    sessionIds = [];
    starts = [];
    for (const slot of slots.slice(0, 2)) {
      const body = { startupId: world.startupId, mentorId: berlin.profile.id, start: slot.start, mode: 'online', link: 'https://meet.example.vn/abc', topic: 'Gọi vốn; vòng hạt giống', agenda: 'Xem lại\nbảng giá' };
      const booked = await runway.http('POST', '/api/v1/sessions', { token: world.founder.token, body });
      expect(booked.status, booked.text).to.equal(201);
      sessionIds.push(booked.body.id);
      starts.push(booked.body.start);
    }
  });
  after(() => runway.stop());

  it('a session’s .ics: one event, the same instants, in Can Tho time for the team and Berlin time for the mentor', async () => {
    const forTeam = await runway.http('GET', `/api/v1/sessions/${sessionIds[0]}/calendar`, { token: world.founder.token });
    expect(forTeam.status).to.equal(200);
    expect(forTeam.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
    expect(forTeam.text).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(forTeam.text).to.include('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh');
    expect(forTeam.text).to.match(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const [event] = eventsOf(forTeam.text);
    expect(event!.uid).to.equal(`${sessionIds[0]}@runway`);
    expect(event!.start.toISOString()).to.equal(starts[0]);
    expect(event!.end!.getTime() - event!.start.getTime()).to.equal(60 * 60_000);
    expect(event!.summary).to.equal('Runway: Gọi vốn; vòng hạt giống');
    expect(event!.description).to.include('Xem lại\nbảng giá');
    expect(event!.status).to.equal('CONFIRMED');

    const forMentor = await runway.http('GET', `/api/v1/sessions/${sessionIds[0]}/calendar`, { token: berlin.user.token });
    expect(forMentor.text).to.include('TZID:Europe/Berlin');
    expect(forMentor.text).to.match(/^DTSTART;TZID=Europe\/Berlin:20260615T080000\r$/m); // 08:00 in Berlin (CEST) = 06:00Z
    expect(eventsOf(forMentor.text)[0]!.start.toISOString()).to.equal(starts[0]);

    expectProblem(await runway.http('GET', `/api/v1/sessions/${sessionIds[0]}/calendar`, { token: world.otherFounder.token }), 404, 'session_not_found');
  });

  it('a private feed: its URL reads the calendar without signing in; a cancelled session shows cancelled; a new URL replaces the old; revoked, it is gone', async () => {
    const issued = await runway.http('POST', '/api/v1/me/calendar-feed', { token: world.founder.token });
    expect(issued.status, issued.text).to.equal(201);
    const feed = () => sendRequest(runway.url, 'GET', issued.body.path);
    const first = await feed();
    expect(first.status).to.equal(200);
    expect(eventsOf(first.text).map((e) => [e.uid, e.start.toISOString()]).sort()).to.deep.equal(sessionIds.map((id, i) => [`${id}@runway`, starts[i]]).sort());

    expect((await runway.http('POST', `/api/v1/sessions/${sessionIds[1]}/cancel`, { token: world.founder.token, body: { reason: 'Trùng lịch' } })).status).to.equal(200);
    const cancelled = eventsOf((await feed()).text).find((e) => e.uid === `${sessionIds[1]}@runway`);
    expect(cancelled?.status).to.equal('CANCELLED');

    const replaced = await runway.http('POST', '/api/v1/me/calendar-feed', { token: world.founder.token });
    expect(replaced.body.path).to.not.equal(issued.body.path);
    expectProblem(await feed(), 404, 'feed_not_found');
    expect((await sendRequest(runway.url, 'GET', replaced.body.path)).status).to.equal(200);
    expect((await runway.http('DELETE', '/api/v1/me/calendar-feed', { token: world.founder.token })).status).to.equal(204);
    expectProblem(await sendRequest(runway.url, 'GET', replaced.body.path), 404, 'feed_not_found');

    // The mentor's own feed is on their clock.
    const mentorFeed = await runway.http('POST', '/api/v1/me/calendar-feed', { token: berlin.user.token });
    const mentorText = (await sendRequest(runway.url, 'GET', mentorFeed.body.path)).text;
    expect(mentorText).to.include('TZID:Europe/Berlin');
    expect(eventsOf(mentorText)).to.have.length(2);
  });
});
