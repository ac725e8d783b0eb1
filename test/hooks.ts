/**
 * Root hooks: one embedded database for the whole run (unless MONGODB_URI
 * points at a real MongoDB), in a fresh temporary folder. Each test file
 * gets its own database on it (see helpers/runway.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '../server/core/db/embedded/launcher.js';

let embedded: EmbeddedDb | undefined;
let dataDir: string | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.MONGODB_URI) {
    process.env.RUNWAY_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'runway-test-db-'));
  embedded = await startEmbeddedDb({ dataDir, log: (line) => console.log(`  [db] ${line}`) });
  process.env.RUNWAY_TEST_MONGODB_URI = embedded.connectionUri;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
