/**
 * Runs a bench server script (bench/serve-*.ts) in a child process with
 * `node --import tsx`, waits for its `{"ready":true,…}` line and stops it
 * again. No orphans: every child is stopped when the bench ends, fails or
 * is interrupted, is killed outright if the bench exits any other way, and
 * stops itself when its stdin (a pipe from us) closes, which covers a
 * SIGKILL of the bench process too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildServer<Ready> {
  readonly pid: number;
  readonly ready: Ready;
  /** Peak resident memory (VmHWM) of the child and each of its descendants, read now. */
  peakRss(): Promise<PeakRss>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface PeakRss {
  totalMiB: number;
  processes: { pid: number; name: string; peakMiB: number }[];
}

/** Children still running, each with its full stop (process, then its folder). */
const live = new Map<ChildProcess, () => Promise<void>>();
let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort: whatever ends the bench, no child outlives it.
  process.on('exit', () => {
    for (const child of live.keys()) child.kill('SIGKILL');
  });
}

/** Stops every child still running (on error or interrupt). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live.values()].map((stop) => stop()));
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `bench/<script>` and resolves with its ready line. The child's
 * stderr goes to ours; `cleanupDir(ready)` names a folder to remove after
 * it exits (the child removes it itself when it stops cleanly).
 */
export async function startChildServer<Ready extends { ready: true }>(
  script: string,
  options: { readyTimeoutMs?: number; env?: NodeJS.ProcessEnv; cleanupDir?: (ready: Ready) => string | undefined } = {},
): Promise<ChildServer<Ready>> {
  installHooks();
  const file = fileURLToPath(new URL(script, import.meta.url));
  // Runway runs with npm start's heap cap (package.json, RUNWAY_HEAP_MB; decision 018).
  const heap = script.endsWith('serve-runway.ts') ? [`--max-old-space-size=${process.env.RUNWAY_HEAP_MB ?? 320}`] : [];
  // BENCH_CHILD_NODE_ARGS adds node flags to the server under test, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = [...heap, ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file, '--until-stdin-closes'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: options.env ?? process.env,
  });
  live.set(child, () => stopChild(child, 10_000));
  child.once('exit', () => live.delete(child));
  const pid = child.pid;
  if (pid === undefined) {
    live.delete(child);
    throw new Error(`could not start ${script}`);
  }

  let ready: Ready;
  try {
    ready = await waitForReady<Ready>(child, script, options.readyTimeoutMs ?? 600_000);
  } catch (error) {
    await stopChild(child, 5000);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 20_000) =>
    (stopped ??= (async () => {
      await stopChild(child, graceMs);
      const dir = options.cleanupDir?.(ready);
      if (dir) await rm(dir, { recursive: true, force: true });
    })());
  if (live.has(child)) live.set(child, () => stop(10_000));
  return { pid, ready, peakRss: () => peakRssOf(pid), stop };
}

function waitForReady<Ready>(child: ChildProcess, script: string, timeoutMs: number): Promise<Ready> {
  return new Promise<Ready>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`${script} was not ready after ${timeoutMs / 1000} s`)), timeoutMs);
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`${script} exited before it was ready (${signal ?? `code ${code}`})`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      reject(error);
    }
    child.once('exit', onExit);
    lines.on('line', (line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return; // not the ready line
      }
      if (parsed && typeof parsed === 'object' && (parsed as { ready?: unknown }).ready === true) {
        clearTimeout(timer);
        child.off('exit', onExit);
        // Keep draining stdout so the child never blocks on a full pipe.
        lines.removeAllListeners('line');
        resolve(parsed as Ready);
      }
    });
  });
}

/** VmHWM of `pid` and of every descendant (e.g. the database process a Node child started). */
async function peakRssOf(pid: number): Promise<PeakRss> {
  const processes: PeakRss['processes'] = [];
  const seen = new Set<number>();
  const visit = async (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => undefined);
    if (!status) return;
    const name = /^Name:\s*(.+)$/m.exec(status)?.[1]?.trim() ?? '?';
    const kb = Number(/^VmHWM:\s*(\d+)\s*kB$/m.exec(status)?.[1] ?? NaN);
    if (Number.isFinite(kb)) processes.push({ pid: p, name, peakMiB: round1(kb / 1024) });
    for (const c of await childrenOf(p)) await visit(c);
  };
  await visit(pid);
  return { totalMiB: round1(processes.reduce((sum, p) => sum + p.peakMiB, 0)), processes };
}

/** Child pids from /proc/<pid>/task/<tid>/children, or by scanning /proc/<n>/stat where that file is missing. */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const found = new Set<number>();
  let readable = false;
  for (const tid of tasks) {
    const text = await readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    readable = true;
    for (const c of text.split(/\s+/).filter(Boolean)) found.add(Number(c));
  }
  if (readable) return [...found];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined);
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (ppid === pid) found.add(Number(entry));
  }
  return [...found];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
