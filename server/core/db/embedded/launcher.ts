/**
 * The embedded database: mongo-java-server (a MongoDB wire-protocol server
 * in Java) run by a small program of ours (./java/). This is the only
 * module that knows which engine runs when MONGODB_URI is empty; everything
 * else sees a MongoDB URI.
 *
 * - `ensureEmbeddedDbBuilt()` resolves the Java libraries once with Maven
 *   (from ./java/pom.xml) and compiles our source files with javac, into
 *   `.cache/embedded-db/<hash>/` (hash of the pom, the sources and the Java
 *   version). Later starts need only `java`.
 * - `startEmbeddedDb()` runs it on a free loopback port, either on one file
 *   (`storage: 'file'`, survives restarts) or in memory (`'memory'`, tests),
 *   and waits until it answers `ping`.
 *
 * The child has its own process group, so a terminal's Ctrl-C reaches only
 * Runway, which stops the database last, after in-flight requests. It also
 * exits when its stdin closes, which happens when Runway dies for any
 * reason (SIGKILL included): no orphans.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';

const execFileAsync = promisify(execFile);

const SOURCE_DIR = fileURLToPath(new URL('./java/', import.meta.url));
const POM = path.join(SOURCE_DIR, 'pom.xml');
const SOURCES_DIR = path.join(SOURCE_DIR, 'src/main/java/runway');
const MAIN_CLASS = 'runway.EmbeddedMongo';
const PROJECT_ROOT = path.resolve(SOURCE_DIR, '../../../../../');
const CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'embedded-db');
/** The file the `file` storage keeps in the data folder. */
export const DATA_FILE_NAME = 'runway.mv.db';
/** Pinned: Maven 3.8's default (2.8) predates what we need and an unpinned prefix asks the network for metadata. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const MIN_JAVA = 17;

const FIX = 'install a JDK 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), or set MONGODB_URI to a MongoDB server';

/** Raised when the embedded database cannot be built or started; `message` is one line meant for humans. */
export class EmbeddedDbError extends Error {
  override name = 'EmbeddedDbError';
}

export type EmbeddedStorage = 'file' | 'memory';

export interface EmbeddedDbOptions {
  /** `file`: one file in `dataDir`, kept across restarts; `memory`: gone when stopped. */
  storage: EmbeddedStorage;
  /** Folder of the data file (created when missing); required for `file`. */
  dataDir?: string;
  /** Loopback port; 0 (default) picks a free one, kept across restarts. */
  port?: number;
  /** Progress lines (first-run set-up, start) go here; silent by default. */
  log?: (line: string) => void;
}

export interface EmbeddedDb {
  /** mongodb:// URI without a database name, e.g. mongodb://127.0.0.1:40123/ */
  readonly uri: string;
  /** The URI with the options this server needs (direct connection, no retryable writes: it has no sessions). */
  readonly connectionUri: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** One line for logs: the engine and where its data lives. */
  readonly description: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
  /** Kills the server at once with SIGKILL (fault tests); `restart()` brings it back. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data file. */
  restart(): Promise<void>;
}

async function commandOutput(command: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { timeout: 30_000 });
    return `${stdout}${stderr}`;
  } catch {
    return undefined;
  }
}

/** `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or `"1.8.0_392"` for Java 8). */
async function javaVersion(): Promise<string> {
  const output = await commandOutput('java', ['-version']);
  const match = output && /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) throw new EmbeddedDbError(`Java is not installed: ${FIX}.`);
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < MIN_JAVA) throw new EmbeddedDbError(`Java ${major} is too old for the embedded database: ${FIX}.`);
  return output.split('\n')[0]!.trim();
}

/** Our Java sources, in a stable order. */
async function javaSources(): Promise<string[]> {
  return (await readdir(SOURCES_DIR))
    .filter((name) => name.endsWith('.java'))
    .sort()
    .map((name) => path.join(SOURCES_DIR, name));
}

async function buildHash(version: string): Promise<string> {
  const hash = createHash('sha256').update(version);
  for (const file of [POM, ...(await javaSources())]) hash.update(path.basename(file)).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Runs a command, reporting progress every 10 s; rejects with its last lines of output. */
async function runStep(label: string, command: string, args: string[], log: (line: string) => void): Promise<void> {
  const startedAt = Date.now();
  const child = spawn(command, args, { cwd: SOURCE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let downloads = 0;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    downloads += text.match(/^Downloaded from /gm)?.length ?? 0;
    output = (output + text).slice(-8000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const progress = setInterval(() => {
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    log(`  still ${label}… ${seconds} s${downloads ? `, ${downloads} files downloaded` : ''}`);
  }, 10_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(progress);
  if (code !== 0) {
    const lastLines = output
      .trim()
      .split('\n')
      .filter((line) => /ERROR|error:/.test(line))
      .slice(-2)
      .join(' | ');
    throw new EmbeddedDbError(`${label[0]!.toUpperCase()}${label.slice(1)} failed (${command} exit ${code}): ${lastLines || output.trim().split('\n').pop()}`);
  }
}

/** The folder with `lib/` (jars) and `classes/`, set up once per version of the sources and of Java. */
export async function ensureEmbeddedDbBuilt(log: (line: string) => void = () => {}): Promise<string> {
  const version = await javaVersion();
  const dir = path.join(CACHE_DIR, await buildHash(version));
  if (existsSync(path.join(dir, 'ready'))) return dir;

  if ((await commandOutput('mvn', ['-v'])) === undefined) {
    throw new EmbeddedDbError(`Maven is not installed (needed once, to fetch the embedded database): ${FIX}.`);
  }
  if ((await commandOutput('javac', ['-version'])) === undefined) {
    throw new EmbeddedDbError(`javac is missing (a JRE without the JDK): ${FIX}.`);
  }
  const partial = `${dir}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const startedAt = Date.now();
  try {
    log('Setting up the embedded database (first run only): Maven resolves its Java libraries…');
    await runStep('resolving Java libraries', 'mvn', ['-B', '-f', POM, `${DEPENDENCY_PLUGIN}:copy-dependencies`, '-DincludeScope=runtime', `-DoutputDirectory=${path.join(partial, 'lib')}`], log);
    await runStep('compiling the launcher', 'javac', ['--release', String(MIN_JAVA), '-nowarn', '-d', path.join(partial, 'classes'), '-cp', path.join(partial, 'lib', '*'), ...(await javaSources())], log);
    await writeFile(path.join(partial, 'ready'), `${version}\n`);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  // rename is atomic: a concurrent set-up either sees no folder or a whole one.
  try {
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'ready'))) throw error;
  }
  log(`Embedded database set up in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  return dir;
}

async function waitForPing(uri: string, deadline: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new MongoClient(`${uri}?directConnection=true&serverSelectionTimeoutMS=1000`);
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new EmbeddedDbError(`The embedded database did not answer in time: ${String(lastError)}`);
}

/** The line of a failed start's error output that says why: ours, else the last that is not a stack frame. */
function startFailure(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const ours = lines.find((line) => line.startsWith('runway embedded database: '));
  if (ours) return ours.slice('runway embedded database: '.length);
  return lines.filter((line) => !/^\s+at |^\s*\.\.\. \d+ more$/.test(line)).pop() ?? 'no message';
}

/** Sets up if needed, then starts the embedded database and waits until it answers. */
export async function startEmbeddedDb(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const log = options.log ?? (() => {});
  const built = await ensureEmbeddedDbBuilt(log);
  let dataFile: string | undefined;
  if (options.storage === 'file') {
    if (!options.dataDir) throw new EmbeddedDbError('The embedded database needs a data folder for file storage.');
    const dataDir = path.resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    dataFile = path.join(dataDir, DATA_FILE_NAME);
    if (!existsSync(dataFile) && (await readdir(dataDir)).some((name) => name.endsWith('.sqlite'))) {
      // Runway's first embedded engine (FerretDB) kept SQLite files here; this engine cannot read them.
      log(`Note: ${dataDir} holds SQLite files of the earlier embedded database; they are left untouched and not read.`);
    }
  }

  let child: ChildProcess | undefined;
  let port = options.port ?? 0;
  const uri = () => `mongodb://127.0.0.1:${port}/`;

  const launch = async () => {
    const args = [
      // The serial collector: one GC thread and a small footprint beside Node on a 2-core machine.
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-Dorg.slf4j.simpleLogger.logFile=System.err',
      '-cp',
      [path.join(built, 'classes'), path.join(built, 'lib', '*')].join(path.delimiter),
      MAIN_CLASS,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--storage',
      options.storage,
      ...(dataFile ? ['--file', dataFile] : []),
    ];
    const proc = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const exited = once(proc, 'exit').then(() => {
      throw new EmbeddedDbError(`The embedded database exited at start: ${startFailure(stderr)}`);
    });
    const ready = (async () => {
      for await (const line of createInterface({ input: proc.stdout! })) {
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as { ready?: boolean; port?: number };
        if (parsed.ready && parsed.port) return parsed.port;
      }
      // Output closes as the process ends: its exit says why, when it comes.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      throw new EmbeddedDbError('The embedded database closed its output before it was ready.');
    })();
    try {
      port = await Promise.race([ready, exited]);
      exited.catch(() => {}); // later exits show through stop() and the readiness checks, not here
      await waitForPing(uri(), Date.now() + 30_000);
    } catch (error) {
      exited.catch(() => {});
      await signalAndWait('SIGKILL'); // never leave a half-started database behind
      throw error;
    }
  };

  const signalAndWait = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exit = once(proc, 'exit');
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };

  await launch();
  const description = `embedded mongo-java-server (${dataFile ? `file ${dataFile}` : 'in memory'}) at ${uri()}`;
  log(`Embedded database ready at ${uri()} (${dataFile ? `data in ${dataFile}` : 'in memory'}).`);
  return {
    get uri() {
      return uri();
    },
    get connectionUri() {
      return `${uri()}?directConnection=true&retryWrites=false`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child?.pid;
    },
    description,
    stop: () => signalAndWait('SIGTERM'),
    kill: () => signalAndWait('SIGKILL'),
    restart: async () => {
      await signalAndWait('SIGTERM');
      await launch();
    },
  };
}
