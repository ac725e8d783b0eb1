/**
 * Data migrations: run at start, after the indexes and before the app
 * serves, each once per database. Applied ids are recorded in the
 * `migrations` collection. Two processes starting together may both run
 * one, so a migration must be safe to run again: it fills in only what is
 * missing and drops only what nothing reads any more, in that order, so
 * that a crash half-way loses nothing.
 */
import type { Db } from 'mongodb';

export interface Migration {
  /** Sortable and unique: `YYYY-MM-DD-what`. */
  id: string;
  /** `log` reports what needs a person's attention (records it could not complete). */
  up(db: Db, log: (line: string) => void): Promise<void>;
}

/** Runs the migrations this database has not had yet, in id order; returns the ids it ran. */
export async function runMigrations(db: Db, migrations: readonly Migration[], log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = new Set((await db.collection<{ _id: string }>('migrations').find({}, { projection: { _id: 1 } }).toArray()).map((m) => m._id));
  const ran: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (applied.has(migration.id)) continue;
    const startedAt = Date.now();
    await migration.up(db, (line) => log(`migration ${migration.id}: ${line}`));
    await db.collection<{ _id: string; appliedAt: Date }>('migrations').updateOne(
      { _id: migration.id },
      { $setOnInsert: { appliedAt: new Date() } },
      { upsert: true },
    );
    log(`migration ${migration.id} applied in ${Date.now() - startedAt} ms`);
    ran.push(migration.id);
  }
  return ran;
}
