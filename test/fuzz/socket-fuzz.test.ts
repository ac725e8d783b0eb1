/**
 * The live socket API fuzzed: real socket.io clients, one per role, with
 * valid tokens, against a real Runway, send every client→server event of
 * the event map (`room.join`, `room.leave`) — and events it does not have —
 * with generated malformed payloads: wrong types, missing and extra
 * arguments, huge strings, deep nesting, prototype-pollution keys
 * (`__proto__`, `constructor`, `toString`), invalid or unknown ObjectIds,
 * unknown room kinds, other users' rooms, NaN/Infinity/undefined, binary.
 *
 * Each call must be answered through its acknowledgement with the shape the
 * event map gives (`JoinAck`: a refusal names `invalid_room` for anything
 * that is not `<kind>:<24 hex>`, `room_forbidden` for a room the caller may
 * not see or that does not exist), the server must not log an error nor
 * leak an unhandled rejection or exception, nothing may be polluted, and
 * afterwards the same socket still joins a room it may see and HTTP still
 * answers. fast-check runs with a fixed seed (SOCKET_FUZZ_SEED to vary; a
 * failure prints the seed and the shrunk payload to replay).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { JoinAck } from '../../server/core/realtime/live-events.js';
import { createTestUser, type TestUser } from '../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../helpers/runway.js';
import { createCohort, createStartup, individualBody } from '../modules/cohorts/cohort-helpers.js';
import { createMentor } from '../modules/mentors/mentor-helpers.js';

const SEED = Number(process.env.SOCKET_FUZZ_SEED ?? 135);
const RUNS = Number(process.env.SOCKET_FUZZ_RUNS ?? 250);
const ROOM = /^(startup|cohort|mentor):([0-9a-f]{24})$/;
const ACK_MS = 3_000;

/** The client is untyped here on purpose: the point is to send what the event map does not allow. */
type RawSocket = Socket;

interface Caller {
  role: string;
  user: TestUser;
  socket: RawSocket;
  /** A room this caller may follow. */
  own: string;
}

function open(url: string, token: string): Promise<RawSocket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('session.ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const hex24 = fc.stringMatching(/^[0-9a-f]{24}$/);
const almostHex = fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{20,28}$/), fc.stringMatching(/^[0-9a-g]{24}$/), fc.string({ maxLength: 30 }));
const kind = fc.constantFrom('startup', 'cohort', 'mentor', 'user', 'team', '', 'STARTUP', '__proto__', 'constructor', 'startup:startup');
/** Strings shaped like rooms, most of them wrong: bad kinds, bad ids, padding, separators. */
const roomish = fc.oneof(
  fc.tuple(kind, fc.oneof(hex24, almostHex)).map(([k, id]) => `${k}:${id}`),
  fc.tuple(fc.constantFrom('startup', 'cohort', 'mentor'), hex24, fc.constantFrom(' ', '\n', '\u0000', ':', '/', '\u200b')).map(([k, id, pad]) => `${k}:${id}${pad}`),
  fc.tuple(fc.constantFrom('startup', 'cohort', 'mentor'), hex24).map(([k, id]) => `${k}:${id}`),
  fc.constantFrom('startup:', ':', 'startup:000000000000000000000000', 'cohort:ffffffffffffffffffffffff', 'mentor:__proto__', 'user:000000000000000000000000'),
);
/** Objects as JSON.parse makes them on the server: own `__proto__`, `constructor`, `toString`, `valueOf` keys. */
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"toString":1}'),
  JSON.parse('{"toString":"startup:000000000000000000000000","valueOf":{}}'),
  JSON.parse('{"valueOf":1,"toString":{"__proto__":null}}'),
  JSON.parse('[{"__proto__":{"polluted":true}}]'),
  JSON.parse('{"room":"startup:000000000000000000000000","__proto__":{"isAdmin":true}}'),
);
const huge = fc.constantFrom<unknown>('x'.repeat(200_000), `startup:${'a'.repeat(100_000)}`, '\u0000'.repeat(2_000), '😀'.repeat(40_000), 'ア'.repeat(60_000));
const deep = fc.integer({ min: 50, max: 800 }).map((depth) => {
  let value: unknown = 'startup:000000000000000000000000';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { room: value };
  return value;
});
const binary = fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes));
const odd = fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -0, true, 0, 1e308, [], {}, '', new Date(0), new Map([['a', 1]]));
const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true, withSparseArray: true, withDate: true, withTypedArray: true });

/** One argument of a client→server event. */
const payload = fc.oneof({ arbitrary: roomish, weight: 4 }, { arbitrary: pollution, weight: 2 }, huge, deep, binary, odd, { arbitrary: anything, weight: 3 }, fc.string());
/** The arguments before the acknowledgement: usually one, sometimes none or several. */
const argumentList = fc.oneof({ arbitrary: payload.map((p) => [p]), weight: 6 }, fc.array(payload, { maxLength: 3 }));

/** What the refusal of a malformed room looks like. */
function expectJoinAck(ack: JoinAck, args: unknown[]): void {
  expect(ack, 'join ack').to.be.an('object');
  expect(ack.room, 'ack.room').to.be.a('string');
  const wellFormed = args.length === 1 && typeof args[0] === 'string' && ROOM.test(args[0]);
  if (!wellFormed) {
    expect(ack).to.include({ ok: false, code: 'invalid_room' });
  } else if (!ack.ok) {
    expect(ack.code).to.be.oneOf(['room_forbidden', 'too_many_rooms']);
    expect(ack.room).to.equal(args[0]);
  }
  if (!ack.ok) expect(ack.detail).to.be.a('string').and.not.equal('');
  else expect(ack.seq).to.be.a('number');
}

describe('fuzz: live socket events against the event map', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  const callers: Caller[] = [];
  const errorLogs: string[] = [];
  const escaped: unknown[] = [];
  const onUnhandled = (reason: unknown) => escaped.push(reason);

  before(async () => {
    const logger = pino({ level: 'error' }, { write: (line: string) => void errorLogs.push(line) });
    runway = await startTestRunway({}, { logger });
    process.on('unhandledRejection', onUnhandled);
    const admin = await createTestUser(runway, 'admin');
    const manager = await createTestUser(runway, 'manager');
    const founder = await createTestUser(runway, 'startup');
    const mentor = await createMentor(runway);
    const startupId = await createStartup(runway, founder.token, individualBody());
    const cohort = await createCohort(runway, manager.token);
    const plan: Array<[string, TestUser, string]> = [
      ['startup', founder, `startup:${startupId}`],
      ['mentor', mentor.user, `mentor:${mentor.profile.id}`],
      ['manager', manager, `cohort:${cohort.id}`],
      ['admin', admin, `startup:${startupId}`],
    ];
    for (const [role, user, own] of plan) callers.push({ role, user, own, socket: await open(runway.url, user.token) });
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    for (const caller of callers) caller.socket.close();
    await runway?.stop();
  });

  /** Runs one property with the run's seed; a failure says how to replay it. */
  async function check<T extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncProperty<T>): Promise<void> {
    const details = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    if (details.failed) {
      throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}\n(replay: SOCKET_FUZZ_SEED=${SEED}; the counterexample above is the shrunk payload)`);
    }
  }

  for (const role of ['startup', 'mentor', 'manager', 'admin']) {
    it(`as ${role}: room.join and room.leave answer every malformed call with the event map's ack; unknown events are ignored; the socket and the server stay usable`, async () => {
      const caller = callers.find((c) => c.role === role)!;
      const { socket } = caller;

      await check(
        `${role} room.join`,
        fc.asyncProperty(argumentList, async (args) => {
          const ack = (await socket.timeout(ACK_MS).emitWithAck('room.join', ...args)) as JoinAck;
          expectJoinAck(ack, args);
        }),
      );
      await check(
        `${role} room.leave`,
        fc.asyncProperty(argumentList, async (args) => {
          const ack = (await socket.timeout(ACK_MS).emitWithAck('room.leave', ...args)) as { ok: boolean; room: unknown };
          expect(ack).to.include({ ok: true });
          expect(ack.room).to.be.a('string');
        }),
      );
      await check(
        `${role} unknown events`,
        fc.asyncProperty(
          fc.tuple(fc.constantFrom('room.joins', 'ROOM.JOIN', 'room', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'session.ready', 'auth.expired', 'room.left'), argumentList),
          async ([event, args]) => {
            socket.emit(event, ...args);
            // The socket answers the next call, so it is still there and still ordered.
            const ack = (await socket.timeout(ACK_MS).emitWithAck('room.leave', 'startup:000000000000000000000000')) as { ok: boolean };
            expect(ack.ok).to.equal(true);
          },
        ),
      );
      // A call without an acknowledgement gets none, and does no harm.
      socket.emit('room.join', { toString: 1 });
      socket.emit('room.leave', { toString: 1 });
      socket.emit('room.join');

      // Still usable: the same socket joins a room it may see, and HTTP answers.
      expect(socket.connected, 'socket still connected').to.equal(true);
      const joined = (await socket.timeout(ACK_MS).emitWithAck('room.join', caller.own)) as JoinAck;
      expect(joined, JSON.stringify(joined)).to.include({ ok: true, room: caller.own });
      const me = await runway.http('GET', '/api/v1/me', { token: caller.user.token });
      expect(me.status).to.equal(200);
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
      expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype polluted').to.equal(undefined);
      expect(escaped, 'unhandled rejections').to.deep.equal([]);
      expect(errorLogs, 'errors logged by the server').to.deep.equal([]);
    });
  }

  it('a new socket still connects and joins afterwards', async () => {
    const admin = callers.find((c) => c.role === 'admin')!;
    const socket = await open(runway.url, admin.user.token);
    try {
      const ack = (await socket.timeout(ACK_MS).emitWithAck('room.join', admin.own)) as JoinAck;
      expect(ack).to.include({ ok: true });
    } finally {
      socket.close();
    }
  });
});
