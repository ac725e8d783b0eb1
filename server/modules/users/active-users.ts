/**
 * Who is behind a token, without a database read per request (issue: every
 * authenticated request used to read its user, `/me` twice). Users are held
 * by id once read. A change made in this process drops its entry at once
 * (users.listeners.ts, on `user.updated`); a change made by another process
 * is found by polling `updatedAt` every second, so every process applies a
 * deactivation or role change within about 1 s plus one query, under 2 s.
 *
 * The poll looks back 5 s further than its last run, so a writer whose clock
 * runs up to 5 s behind ours is still seen. When a poll fails the whole
 * cache is dropped: entries nobody can vouch for are not served.
 */
import type { Logger } from 'pino';
import { usersRepository, type UserRecord } from './users.repository.js';

const POLL_MS = 1000;
const CLOCK_SKEW_MS = 5000;
/** Entries kept at most; the oldest goes first. A city programme has a few thousand users. */
const MAX_ENTRIES = 50_000;

type CachedUser = Omit<UserRecord, 'passwordHash'>;

class ActiveUsers {
  private readonly users = new Map<string, CachedUser>();
  /** Loads in flight, shared by concurrent requests of one user. */
  private readonly loading = new Map<string, Promise<CachedUser | undefined>>();
  /** Bumped on every invalidation of an id, so a load that began before it is not stored. */
  private readonly generations = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by every start and stop, so a poll still in flight from an earlier run does not re-arm. */
  private run = 0;
  private lastPoll = new Date();

  /** The user with this id as last stored (no password hash), or undefined. */
  async get(id: string): Promise<CachedUser | undefined> {
    return this.users.get(id) ?? this.loading.get(id) ?? this.load(id);
  }

  /** Forgets one user; the next request reads them again. */
  invalidate(id: string): void {
    this.users.delete(id);
    this.loading.delete(id);
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /** Starts the poll for changes made by other processes; clears what an earlier run held. */
  start(logger: Logger, now: () => Date = () => new Date()): void {
    this.stop();
    this.users.clear();
    this.generations.clear();
    this.lastPoll = now();
    const run = ++this.run;
    const poll = async () => {
      const startedAt = now();
      try {
        for (const id of await usersRepository.idsChangedSince(new Date(this.lastPoll.getTime() - CLOCK_SKEW_MS))) this.invalidate(id);
        this.lastPoll = startedAt;
      } catch (error) {
        this.users.clear();
        logger.warn({ err: error }, 'user change poll failed; user cache dropped');
      }
      if (run === this.run) this.timer = setTimeout(poll, POLL_MS).unref();
    };
    this.timer = setTimeout(poll, POLL_MS).unref();
  }

  stop(): void {
    this.run += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private load(id: string): Promise<CachedUser | undefined> {
    const generation = this.generations.get(id) ?? 0;
    const loading = usersRepository.findById(id).then(
      (record) => {
        if (this.loading.get(id) === loading) this.loading.delete(id);
        if (!record) return undefined;
        const { passwordHash: _hash, ...user } = record;
        if ((this.generations.get(id) ?? 0) === generation) {
          if (this.users.size >= MAX_ENTRIES) this.users.delete(this.users.keys().next().value!);
          this.users.set(id, user);
        }
        return user;
      },
      (error: unknown) => {
        if (this.loading.get(id) === loading) this.loading.delete(id);
        throw error;
      },
    );
    this.loading.set(id, loading);
    return loading;
  }
}

/** One per process, started by the composition root. */
export const activeUsers = new ActiveUsers();
