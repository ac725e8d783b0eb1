/**
 * The embedded database: FerretDB (SQLite backend) wrapped in a tiny Go
 * program of ours (./ferretdb/main.go). This is the only module that knows
 * Runway may be talking to FerretDB; everything else sees a MongoDB URI.
 *
 * - `ensureEmbeddedDbBinary()` builds the Go program once into `.cache/`
 *   (keyed by a hash of its sources and the Go version) and reuses it.
 * - `startEmbeddedDb()` runs it on a loopback port with a data folder,
 *   waits until it answers `hello`, and returns a handle to stop/restart it.
 *
 * The child is started in its own process group, so a terminal's Ctrl-C
 * reaches only Runway, which stops the database last, after in-flight
 * requests are done. The child also exits when its stdin closes, which
 * happens when Runway dies for any reason (even SIGKILL): no orphans.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';

const execFileAsync = promisify(execFile);

const SOURCE_DIR = fileURLToPath(new URL('./ferretdb/', import.meta.url));
const PROJECT_ROOT = path.resolve(SOURCE_DIR, '../../../../../');
const CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'embedded-db');
const BINARY_NAME = process.platform === 'win32' ? 'runway-ferretdb.exe' : 'runway-ferretdb';

/** Raised when the embedded database cannot be built or started; `message` is one line meant for humans. */
export class EmbeddedDbError extends Error {
  override name = 'EmbeddedDbError';
}

export interface EmbeddedDbOptions {
  /** Folder for the SQLite files; created when missing. */
  dataDir: string;
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  /** Progress lines (build, start) go here; silent by default. */
  log?: (line: string) => void;
  /** FerretDB's own log level (stderr of the child); default `error`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface EmbeddedDb {
  /** mongodb:// URI without a database name, e.g. mongodb://127.0.0.1:40123/ */
  readonly uri: string;
  /** The URI with the options FerretDB needs (direct connection, no retryable writes). */
  readonly connectionUri: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
}

async function goVersion(): Promise<string> {
  try {
    const { stdout } = await execFileAsync('go', ['version'], { env: { ...process.env, GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local' } });
    return stdout.trim();
  } catch {
    throw new EmbeddedDbError(
      'Go is not installed: install Go 1.24 or newer (https://go.dev/dl/) to build the embedded database once, or set MONGODB_URI to a MongoDB server.',
    );
  }
}

async function sourceHash(version: string): Promise<string> {
  const hash = createHash('sha256').update(version).update(process.platform).update(process.arch);
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(await readFile(path.join(SOURCE_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Returns the path of the built launcher, building it first if this version
 * of its sources has not been built on this machine yet.
 */
export async function ensureEmbeddedDbBinary(log: (line: string) => void = () => {}): Promise<string> {
  const version = await goVersion();
  const dir = path.join(CACHE_DIR, await sourceHash(version));
  const binary = path.join(dir, BINARY_NAME);
  if (existsSync(binary)) return binary;

  await mkdir(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  log(`Building the embedded database with ${version.replace(/^go version /, '')} (first run only; takes a few minutes)…`);
  const startedAt = Date.now();
  const child = spawn('go', ['build', '-trimpath', '-o', partial, '.'], {
    cwd: SOURCE_DIR,
    // GOTOOLCHAIN=local unless the caller chose one (CI may ask for go1.24.x when the installed Go is older).
    env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local', GOFLAGS: '-mod=readonly' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const progress = setInterval(() => log(`  still building… ${Math.round((Date.now() - startedAt) / 1000)} s`), 15_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(progress);
  if (code !== 0) {
    await rm(partial, { force: true });
    const lastLine = output.trim().split('\n').slice(-3).join(' | ');
    throw new EmbeddedDbError(`Building the embedded database failed (go build exit ${code}): ${lastLine}`);
  }
  // rename is atomic: a concurrent builder either sees no binary or a whole one.
  await rename(partial, binary);
  log(`Embedded database built in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  return binary;
}

async function waitForHello(uri: string, deadline: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new MongoClient(`${uri}?directConnection=true&serverSelectionTimeoutMS=1000`);
    try {
      await client.connect();
      await client.db('admin').command({ hello: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new EmbeddedDbError(`The embedded database did not answer hello in time: ${String(lastError)}`);
}

/** Builds if needed, then starts the embedded database and waits until it answers. */
export async function startEmbeddedDb(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const log = options.log ?? (() => {});
  const binary = await ensureEmbeddedDbBinary(log);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });

  let child: ChildProcess | undefined;
  let uri = '';
  let port = options.port ?? 0;

  const launch = async () => {
    const proc = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', dataDir, '-log-level', options.logLevel ?? 'error'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const exited = once(proc, 'exit').then(() => {
      throw new EmbeddedDbError(`The embedded database exited at start: ${stderr.trim().split('\n').pop() ?? ''}`);
    });
    const ready = (async () => {
      for await (const line of createInterface({ input: proc.stdout! })) {
        const parsed = JSON.parse(line) as { ready?: boolean; uri?: string };
        if (parsed.ready && parsed.uri) return parsed.uri;
      }
      throw new EmbeddedDbError('The embedded database closed its output before it was ready.');
    })();
    const startedUri = await Promise.race([ready, exited]);
    exited.catch(() => {}); // later exits are reported through stop()/readiness, not here
    uri = startedUri.endsWith('/') ? startedUri : `${startedUri}/`;
    port = Number(new URL(uri).port);
    await waitForHello(uri, Date.now() + 30_000);
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exit = once(proc, 'exit');
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };

  await launch();
  log(`Embedded database ready at ${uri} (data in ${dataDir}).`);
  return {
    get uri() {
      return uri;
    },
    get connectionUri() {
      return `${uri}?directConnection=true&retryWrites=false`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child?.pid;
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
