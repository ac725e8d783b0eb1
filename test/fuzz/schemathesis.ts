/**
 * `npm run test:api`: schemathesis against the real server. Starts Runway
 * with the demo programme on the embedded database in a temporary folder,
 * then runs schemathesis (pinned, in a virtual environment under .cache/)
 * once anonymously and once as each role, with every check, the examples,
 * coverage, fuzzing and stateful (links) phases, and FUZZ_EXAMPLES examples
 * per operation (default 50; FUZZ_SEED, FUZZ_ROLES). Relaxed checks are in schemathesis.toml, each
 * with its reason. Ends with one line "api fuzz: …" and exits non-zero on
 * any failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signAccessToken } from '../../server/core/auth/tokens.js';
import { loadConfig } from '../../server/core/config/config.js';
import { startRunway } from '../../server/runway.js';
import { usersRepository } from '../../server/modules/users/users.repository.js';
import { DEMO_LOGINS } from '../../fixtures/demo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(ROOT, '.cache', 'schemathesis');
const VENV = path.join(CACHE, 'venv');
const BIN = path.join(VENV, 'bin', 'schemathesis');
const CONFIG = fileURLToPath(new URL('./schemathesis.toml', import.meta.url));
const REQUIREMENTS = fileURLToPath(new URL('./requirements.txt', import.meta.url));
/** The requirements a venv was built from, kept beside it: a changed pin rebuilds it. */
const STAMP = path.join(VENV, 'runway-requirements.txt');
const EXAMPLES = Number(process.env.FUZZ_EXAMPLES ?? 50);
const SEED = process.env.FUZZ_SEED ?? '135';
const ALL_ROLES = ['anonymous', 'startup', 'mentor', 'manager', 'admin'] as const;
/** FUZZ_ROLES=anonymous,admin runs only those (for a quick look); CI runs them all. */
const ROLES = process.env.FUZZ_ROLES ? ALL_ROLES.filter((role) => process.env.FUZZ_ROLES!.split(',').includes(role)) : ALL_ROLES;

function ensureSchemathesis(): void {
  const wanted = readFileSync(REQUIREMENTS, 'utf8');
  if (existsSync(BIN) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  console.log(`Installing schemathesis (pinned in ${path.relative(ROOT, REQUIREMENTS)}) into ${path.relative(ROOT, VENV)} (once)…`);
  const steps: Array<[string, string[]]> = [
    ['python3', ['-m', 'venv', '--clear', VENV]],
    [path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}); schemathesis needs python3 with venv and pip`);
  }
  writeFileSync(STAMP, wanted);
}

interface RoleResult {
  role: string;
  /** Operations tested (the JUnit report's test cases). */
  tests: number;
  failures: number;
  errors: number;
  /** Requests schemathesis generated and sent, from its summary. */
  cases: number;
  seconds: number;
}

/** Counts from schemathesis's JUnit report: one test case per operation, failures and errors as it reports them. */
async function countsOf(report: string): Promise<Pick<RoleResult, 'tests' | 'failures' | 'errors'>> {
  const xml = await readFile(report, 'utf8');
  const suite = /<testsuite\b[^>]*>/.exec(xml)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  return { tests: attribute('tests'), failures: attribute('failures'), errors: attribute('errors') };
}

/**
 * Runs schemathesis with its whole output written to `log`; echoes only its
 * failures (if any) and its warnings, in our own words, so a CI log stays
 * readable and ends with one summary line of ours, not pytest-style banners
 * that a log reader could take for the run's total. Resolves with the number
 * of test cases its summary reports.
 */
function run(command: string, args: string[], log: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    const file = createWriteStream(log);
    let output = '';
    let failures = '';
    child.stdout.on('data', (chunk: Buffer) => {
      file.write(chunk);
      output += chunk.toString();
      // The failures section can be long: keep it whole, and only the tail of the rest.
      const marker = output.search(/^=+ FAILURES =+$/m);
      if (marker >= 0 && !failures) failures = output.slice(marker);
      else if (failures) failures += chunk.toString();
      output = output.slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', () => {
      file.end();
      // Up to its summary, and with its "=== … ===" banners turned into plain headings.
      const summaryAt = failures.search(/^=+ SUMMARY =+$/m);
      const failed = summaryAt >= 0 ? failures.slice(0, summaryAt) : failures;
      if (failed) process.stdout.write(failed.replace(/^=+ (.*?) =+$/gm, '--- $1 ---'));
      for (const warning of output.matchAll(/^\s*⚠️\s*(.+)$/gm)) console.log(`warning: ${warning[1]}`);
      console.log(`(the whole output: ${path.relative(ROOT, log)})`);
      resolve(Number(/(\d+) generated/.exec(output)?.[1] ?? 0));
    });
  });
}

ensureSchemathesis();
const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-fuzz-'));
const reports = path.join(CACHE, 'reports');
await mkdir(reports, { recursive: true });
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', EMBEDDED_DB_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000000' });
const runway = await startRunway(config);
const results: RoleResult[] = [];
try {
  for (const role of ROLES) {
    const login = DEMO_LOGINS.find((l) => l.role === role);
    const user = login && (await usersRepository.findByEmail(login.email));
    const token = user && signAccessToken(runway.context.tokens, { sub: user._id.toHexString(), role: user.role });
    const report = path.join(reports, `${role}.xml`);
    console.log(`\n=== schemathesis as ${role} ===`);
    const startedAt = Date.now();
    const cases = await run(BIN, [
      '--config-file', CONFIG,
      'run', `${runway.url}/api/v1/openapi.json`,
      '--url', runway.url,
      ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
      '--checks', 'all',
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', String(EXAMPLES),
      '--seed', SEED,
      // One worker: with two, hypothesis parses lambdas' source on two
      // threads at once, and CPython 3.11 then fails now and then with
      // "AST constructor recursion depth mismatch" (a runtime error of the
      // fuzzer, reported as an error of whichever operation it hit).
      '--workers', '1',
      '--continue-on-failure',
      '--report', 'junit',
      '--report-junit-path', report,
    ], path.join(reports, `${role}.log`));
    results.push({ role, ...(await countsOf(report)), cases, seconds: Math.round((Date.now() - startedAt) / 1000) });
  }
} finally {
  await runway.stop();
  await rm(dataDir, { recursive: true, force: true });
}

console.log('');
for (const r of results) console.log(`${r.role.padEnd(10)} ${r.tests} operations, ${r.cases} test cases, ${r.failures} failing, ${r.errors} errors (${r.seconds} s)`);
const failed = results.reduce((sum, r) => sum + r.failures + r.errors, 0);
const cases = results.reduce((sum, r) => sum + r.cases, 0);
console.log(`api fuzz: ${results.length} roles, ${cases} test cases, ${failed} failing operations (reports in ${path.relative(ROOT, reports)})`);
process.exit(failed === 0 ? 0 : 1);
