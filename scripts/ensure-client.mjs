// Runs before `npm start` and `npm test`: builds the web client into
// client/dist when its sources (or the installed packages) changed since the
// last build, showing Vite's progress; otherwise says it is up to date.
// WEB_CLIENT_DIR moves the output (as it moves what the server serves).
// The fingerprint of what was built is kept in <output>/.build-stamp.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CLIENT = path.resolve('client');
const OUT = path.resolve(process.env.WEB_CLIENT_DIR ?? 'client/dist');
const STAMP = path.join(OUT, '.build-stamp');
const INPUTS = ['client', 'server/core/realtime/live-events.ts', 'package-lock.json'];

function* files(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) if (name !== 'dist' && name !== 'node_modules') yield* files(path.join(entry, name));
}

const hash = createHash('sha256');
for (const input of INPUTS) for (const file of files(input)) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
const fingerprint = hash.digest('hex');

let built;
try {
  built = readFileSync(STAMP, 'utf8');
} catch {
  built = undefined;
}
if (built === fingerprint) {
  console.error(`Web client is up to date (${path.relative('.', OUT)}).`);
} else {
  console.error(`${built ? 'Web client sources changed: building' : 'Building the web client into'} ${path.relative('.', OUT)}…`);
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(CLIENT, 'vite.config.ts'), logLevel: 'info', build: { outDir: OUT } });
  writeFileSync(STAMP, fingerprint);
  console.error(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
