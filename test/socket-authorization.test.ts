/**
 * The socket authorization table, the live twin of authorization.test.ts:
 * every kind of room × every kind of caller, over real socket.io
 * connections, with the outcome each must get. "own" is the caller's own
 * record (their startup, their mentor profile, the cohort they manage);
 * "other" someone else's. A room kind without a row fails the last test,
 * and so does a row for a kind the server does not have.
 *
 * Outcomes: joined (the ack says ok, or — for `user:<id>` — the room was
 * joined on connection); forbidden (`room_forbidden`: may not see it, or it
 * does not exist, the same answer so ids do not leak); invalid
 * (`invalid_room`: not a room one may ask for); unauthenticated (the
 * connection itself is refused).
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '../server/core/realtime/live-events.js';
import { ROOM_KINDS } from '../server/core/realtime/socket-server.js';
import type { TestUser } from './helpers/factories.js';
import { startTestRunway, type TestRunway } from './helpers/runway.js';
import { activeMentor, matchingWorld, requestMentor } from './modules/matching/matching-helpers.js';
import { createStartup, individualBody } from './modules/cohorts/cohort-helpers.js';

const ACTORS = ['anonymous', 'startup:own', 'startup:other', 'mentor:own', 'mentor:other', 'manager:own', 'manager:other', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'joined' | 'forbidden' | 'invalid' | 'unauthenticated';
/** Every room a socket can be in: the kinds it may ask for, and its own user room. */
const ALL_KINDS = ['user', ...ROOM_KINDS] as const;

interface World {
  runway: TestRunway;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  /** startup:own's startup: active in manager:own's cohort, mentored by mentor:own. */
  startupId: string;
  /** startup:other's startup, in no cohort. */
  otherStartupId: string;
  cohortId: string;
  /** mentor:own's and mentor:other's profiles. */
  mentorId: string;
  otherMentorId: string;
}

interface RoomRow {
  kind: (typeof ALL_KINDS)[number];
  label: string;
  room(actor: Actor, world: World): string;
  expect: Record<Actor, Outcome>;
}

const U = 'unauthenticated';
const J = 'joined';
const F = 'forbidden';
const I = 'invalid';
/** Expected outcomes, given as: anonymous, startup own/other, mentor own/other, manager own/other, admin. */
function outcomes(...codes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Record<Actor, Outcome> {
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, codes[i]!])) as Record<Actor, Outcome>;
}
const missing = () => new mongoose.Types.ObjectId().toHexString();

const ROWS: RoomRow[] = [
  // Joined on connection; never asked for (a join is refused as invalid, one's own included).
  { kind: 'user', label: 'user:<the caller’s own id>', room: (actor, w) => `user:${actor === 'anonymous' ? missing() : w.users[actor].id}`, expect: outcomes(U, J, J, J, J, J, J, J) },
  { kind: 'user', label: 'user:<startup:own’s id>', room: (_a, w) => `user:${w.users['startup:own'].id}`, expect: outcomes(U, J, I, I, I, I, I, I) },

  // Its team and the managers of its active cohorts; never its mentors (the room carries its dealings with every mentor).
  { kind: 'startup', label: 'startup:<startup:own’s>', room: (_a, w) => `startup:${w.startupId}`, expect: outcomes(U, J, F, F, F, J, F, J) },
  { kind: 'startup', label: 'startup:<startup:other’s, in no cohort>', room: (_a, w) => `startup:${w.otherStartupId}`, expect: outcomes(U, F, J, F, F, F, F, J) },
  { kind: 'startup', label: 'startup:<no such startup>', room: () => `startup:${missing()}`, expect: outcomes(U, F, F, F, F, F, F, F) },
  { kind: 'startup', label: 'startup:<not an id>', room: () => 'startup:not-an-id', expect: outcomes(U, I, I, I, I, I, I, I) },

  // That cohort's managers (and admins); founders and mentors never.
  { kind: 'cohort', label: 'cohort:<manager:own’s>', room: (_a, w) => `cohort:${w.cohortId}`, expect: outcomes(U, F, F, F, F, J, F, J) },
  { kind: 'cohort', label: 'cohort:<no such cohort>', room: () => `cohort:${missing()}`, expect: outcomes(U, F, F, F, F, F, F, F) },
  { kind: 'cohort', label: 'cohort:<id with a trailing character>', room: (_a, w) => `cohort:${w.cohortId}x`, expect: outcomes(U, I, I, I, I, I, I, I) },

  // That mentor (and admins): their requests, mentorships, sessions and their mentees' milestones.
  { kind: 'mentor', label: 'mentor:<mentor:own’s, who mentors startup:own>', room: (_a, w) => `mentor:${w.mentorId}`, expect: outcomes(U, F, F, J, F, F, F, J) },
  { kind: 'mentor', label: 'mentor:<mentor:other’s>', room: (_a, w) => `mentor:${w.otherMentorId}`, expect: outcomes(U, F, F, F, J, F, F, J) },
  { kind: 'mentor', label: 'mentor:<no such mentor>', room: () => `mentor:${missing()}`, expect: outcomes(U, F, F, F, F, F, F, F) },
  { kind: 'mentor', label: 'mentor:<upper-case id>', room: (_a, w) => `mentor:${w.mentorId.toUpperCase()}`, expect: outcomes(U, I, I, I, I, I, I, I) },
];

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Connection {
  socket?: LiveSocket;
  /** The rooms session.ready named, or the connection's refusal code. */
  rooms?: string[];
  refused?: string;
}

function open(url: string, token: string | undefined): Promise<Connection> {
  const socket: LiveSocket = connect(url, { transports: ['websocket'], reconnection: false, auth: token ? { token } : {} });
  return new Promise((resolve) => {
    socket.once('session.ready', (ready) => resolve({ socket, rooms: ready.rooms }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ refused: error.data?.code ?? error.message });
    });
  });
}

async function outcomeOf(connection: Connection, room: string): Promise<Outcome | string> {
  if (!connection.socket) return connection.refused === 'unauthenticated' ? 'unauthenticated' : `refused: ${connection.refused}`;
  if (connection.rooms?.includes(room)) {
    // Joined on connection; asking again is still not how a user room is had.
    const again: JoinAck = await connection.socket.timeout(5000).emitWithAck('room.join', room);
    return again.ok ? 'joined (asked)' : again.code === 'invalid_room' ? 'joined' : `joined, then ${again.code}`;
  }
  const ack: JoinAck = await connection.socket.timeout(5000).emitWithAck('room.join', room);
  if (ack.ok) {
    await connection.socket.timeout(5000).emitWithAck('room.leave', room);
    return 'joined';
  }
  return ack.code === 'room_forbidden' ? 'forbidden' : ack.code === 'invalid_room' ? 'invalid' : ack.code;
}

describe('socket authorization table: every room kind × every caller', function () {
  this.timeout(60_000);
  const world = {} as World;
  const connections = {} as Record<Actor, Connection>;

  before(async () => {
    const runway = await startTestRunway();
    world.runway = runway;
    const base = await matchingWorld(runway);
    const [mentor, otherMentor] = await Promise.all([activeMentor(runway, base), activeMentor(runway, base)]);
    const requestId = await requestMentor(runway, base.founder.token, base.startupId, mentor.profile.id);
    const accepted = await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: mentor.user.token });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
    world.users = {
      'startup:own': base.founder,
      'startup:other': base.otherFounder,
      'mentor:own': mentor.user,
      'mentor:other': otherMentor.user,
      'manager:own': base.manager,
      'manager:other': base.otherManager,
      admin: base.admin,
    };
    world.startupId = base.startupId;
    world.otherStartupId = await createStartup(runway, base.otherFounder.token, individualBody('Cá Tra Sạch'));
    world.cohortId = base.cohortId;
    world.mentorId = mentor.profile.id;
    world.otherMentorId = otherMentor.profile.id;
    for (const actor of ACTORS) connections[actor] = await open(runway.url, actor === 'anonymous' ? undefined : world.users[actor].token);
  });
  after(async () => {
    for (const connection of Object.values(connections)) connection.socket?.close();
    await world.runway?.stop();
  });

  for (const row of ROWS) {
    describe(`${row.label} (${row.kind})`, () => {
      for (const actor of ACTORS) {
        it(`${actor} → ${row.expect[actor]}`, async () => {
          const room = row.room(actor, world);
          expect(await outcomeOf(connections[actor], room), `${room} as ${actor}`).to.equal(row.expect[actor]);
        });
      }
    });
  }

  it('has rows for every room kind, each with a room someone joins and one nobody does; no row for a kind the server lacks', () => {
    const listed = new Set(ROWS.map((row) => row.kind));
    expect(ALL_KINDS.filter((kind) => !listed.has(kind)), 'room kinds without a row').to.deep.equal([]);
    expect([...listed].filter((kind) => !(ALL_KINDS as readonly string[]).includes(kind)), 'rows for no room kind').to.deep.equal([]);
    for (const kind of ROOM_KINDS) {
      const rows = ROWS.filter((row) => row.kind === kind);
      expect(rows.some((row) => Object.values(row.expect).includes('joined')), `${kind}: a row someone joins`).to.equal(true);
      expect(rows.some((row) => row.expect.admin === 'forbidden'), `${kind}: a room that does not exist`).to.equal(true);
    }
  });

  it('the kinds the server parses are exactly ROOM_KINDS: an admin asking for any other kind gets invalid_room', async () => {
    const admin = connections.admin.socket!;
    for (const kind of ROOM_KINDS) {
      const ack: JoinAck = await admin.timeout(5000).emitWithAck('room.join', `${kind}:${missing()}`);
      expect(ack, kind).to.deep.include({ ok: false, code: 'room_forbidden' });
    }
    for (const kind of ['user', 'users', 'session', 'notification', 'request', 'admin', 'lobby', 'Startup', 'cohorts']) {
      const ack: JoinAck = await admin.timeout(5000).emitWithAck('room.join', `${kind}:${missing()}`);
      expect(ack, kind).to.deep.include({ ok: false, code: 'invalid_room' });
    }
  });
});
