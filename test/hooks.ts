/**
 * Root hooks: one embedded database in memory for the whole run (unless
 * MONGODB_URI points at a real MongoDB). Each test file gets its own
 * database on it (see helpers/runway.ts).
 */
import { startEmbeddedDb, type EmbeddedDb } from '../server/core/db/embedded/launcher.js';

let embedded: EmbeddedDb | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.MONGODB_URI) {
    process.env.RUNWAY_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  embedded = await startEmbeddedDb({ storage: 'memory', log: (line) => console.log(`  [db] ${line}`) });
  process.env.RUNWAY_TEST_MONGODB_URI = embedded.connectionUri;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await embedded?.stop();
}
