/**
 * The server under test of `npm run bench -- demo-load`, run as a child
 * process so that the load generator does not share its event loop:
 * starts Runway with the demo programme on a fresh temporary data folder
 * (embedded database, file storage), logs in as the demo manager and prints
 * one JSON line on stdout:
 *
 *   {"ready":true,"url":…,"token":…,"cohortId":…,"database":…,"dataDir":…}
 *
 * `token` is the demo manager's access token, `cohortId` the first cohort
 * that manager manages. Stops cleanly (and removes the folder) on SIGTERM
 * or SIGINT, and with `--until-stdin-closes` also when its stdin closes,
 * i.e. when the parent dies for any reason.
 *
 *   node --import tsx bench/serve-demo.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/core/config/config.js';
import { startRunway, type Runway } from '../server/runway.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-bench-demo-'));
let runway: Runway | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  return (stopping ??= (async () => {
    try {
      await runway?.stop();
    } catch (error) {
      console.error('serve-demo: stop failed:', error);
      code ||= 1;
    }
    await rm(dataDir, { recursive: true, force: true });
    process.exit(code);
  })());
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
if (process.argv.includes('--until-stdin-closes')) {
  process.stdin.on('end', () => void stop(0));
  process.stdin.on('error', () => void stop(0));
  process.stdin.resume();
}

try {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    EMBEDDED_DB_DIR: dataDir,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '100000',
  });
  runway = await startRunway(config);
  if (stopping) await stopping;

  const manager = runway.demoLogins.find((login) => login.role === 'manager');
  if (!manager) throw new Error('the demo data has no manager login');
  const login = await getJson(runway.url, 'POST', '/api/v1/auth/login', undefined, { email: manager.email, password: manager.password });
  const token = String(login.accessToken);
  const managerId = String((login.user as { id: string }).id);
  const cohorts = await getJson(runway.url, 'GET', '/api/v1/cohorts?limit=100', token);
  const cohort = (cohorts.items as { id: string; managerIds: string[] }[]).find((c) => c.managerIds.includes(managerId));
  if (!cohort) throw new Error(`the demo manager ${manager.email} manages no cohort`);

  process.stdout.write(
    `${JSON.stringify({ ready: true, url: runway.url, token, cohortId: cohort.id, database: runway.database.description, dataDir })}\n`,
  );
} catch (error) {
  console.error('serve-demo: could not start:', error);
  await stop(1);
}

async function getJson(baseUrl: string, method: string, p: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}
