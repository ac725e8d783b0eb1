/**
 * `npm start` as a user runs it: in its own process group (like a
 * terminal), with a fresh data folder. Proves that data survives a
 * SIGKILL, that Ctrl-C (SIGINT to the group) stops everything cleanly,
 * and that no process of ours is left behind either way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { freePort } from '../helpers/process.js';
import { sendRequest } from '../helpers/runway.js';

/** Pids whose command line mentions the marker (our data folder). */
function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

describe('npm start: a whole process lifecycle', function () {
  this.timeout(120_000);
  let dataDir: string;
  let port: number;
  let base: string;
  let child: ChildProcess | undefined;
  let output = '';

  const start = () => {
    output = '';
    child = spawn('npm', ['start', '--silent'], {
      detached: true, // its own process group, as a terminal gives it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), EMBEDDED_DB_DIR: dataDir, LOG_PRETTY: 'false', MONGODB_URI: '' },
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const startedAt = Date.now();
    return waitFor(async () => {
      const ready = await sendRequest(base, 'GET', '/readyz').catch(() => undefined);
      return ready?.status === 200 ? Date.now() - startedAt : undefined;
    }, 60_000);
  };

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'runway-e2e-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    const kill = (pid: number) => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    if (child?.pid && child.exitCode === null && child.signalCode === null) kill(-child.pid);
    for (const pid of processesMentioning(dataDir)) kill(pid);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts with demo data, prints the demo logins, and /readyz turns 200', async () => {
    const ms = await start();
    expect(ms, output).to.be.a('number');
    console.log(`      first start (binary already built): ${ms} ms to /readyz 200`);
    expect(output).to.include('admin@runway.demo');
    const login = await sendRequest(base, 'POST', '/api/v1/auth/login', { body: { email: 'mentor@runway.demo', password: 'runway-demo-2026' } });
    expect(login.status).to.equal(200);
  });

  it('keeps a registered user across a SIGKILL of the whole process group, leaving no orphan', async () => {
    const registered = await sendRequest(base, 'POST', '/api/v1/auth/register', {
      body: { email: 'survivor@example.vn', password: 'survives-sigkill', name: 'Võ Thị Sáu', role: 'startup' },
    });
    expect(registered.status).to.equal(201);

    process.kill(-child!.pid!, 'SIGKILL');
    await once(child!, 'exit');
    const gone = await waitFor(() => (processesMentioning(dataDir).length === 0 ? true : undefined), 10_000);
    expect(gone, `left running: ${processesMentioning(dataDir).join(', ')}`).to.equal(true);

    const ms = await start();
    expect(ms, output).to.be.a('number');
    console.log(`      restart after SIGKILL: ${ms} ms to /readyz 200`);
    const login = await sendRequest(base, 'POST', '/api/v1/auth/login', { body: { email: 'survivor@example.vn', password: 'survives-sigkill' } });
    expect(login.status, login.text).to.equal(200);
  });

  it('stops on Ctrl-C (SIGINT to the group) with exit code 0 and no process left', async () => {
    const running = processesMentioning(dataDir);
    expect(running.length).to.be.greaterThan(0);
    process.kill(-child!.pid!, 'SIGINT');
    const [code, signal] = (await once(child!, 'exit')) as [number | null, NodeJS.Signals | null];
    // npm re-raises the SIGINT it got, as it does in a terminal; Runway itself exited 0 after "stopped".
    expect({ code, signal }, output).to.satisfy(
      (e: { code: number | null; signal: string | null }) => e.code === 0 || e.signal === 'SIGINT',
    );
    const gone = await waitFor(() => (processesMentioning(dataDir).length === 0 ? true : undefined), 10_000);
    expect(gone, `left running: ${processesMentioning(dataDir).join(', ')}`).to.equal(true);
    expect(output).to.include('stopped');
  });
});
