// `npm test`: the whole suite, once per server time zone. "Today" in Runway
// is Vietnam's date whatever the server's zone, so the suite must pass with
// the process in UTC and in America/Los_Angeles (where the date differs from
// Vietnam's for 14–15 hours a day). Extra arguments go to mocha (e.g. a file);
// TEST_TZ=UTC runs one zone only. Ends with one combined line:
// "tests: N passed, N failed".
import { spawn } from 'node:child_process';

const zones = process.env.TEST_TZ ? process.env.TEST_TZ.split(',') : ['UTC', 'America/Los_Angeles'];
const files = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

for (const zone of zones) {
  console.log(`\n=== TZ=${zone} ===`);
  const child = spawn('npx', ['mocha', ...(files.length ? files : ['test/**/*.test.ts'])], {
    env: { ...process.env, TZ: zone },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let summary;
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    for (const line of text.split('\n')) {
      const match = /^tests: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line);
      if (match) summary = match;
    }
    // mocha's own per-zone summary line is relabelled so that only the combined line below reads as the total.
    process.stdout.write(text.replace(/^tests: /gm, `tests (TZ=${zone}): `));
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) exitCode = 1;
  if (!summary) {
    console.error(`mocha printed no summary under TZ=${zone} (exit ${code})`);
    totals.failed += 1;
    continue;
  }
  totals.passed += Number(summary[1]);
  totals.failed += Number(summary[2]);
  totals.skipped += Number(summary[3] ?? 0);
}

console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
