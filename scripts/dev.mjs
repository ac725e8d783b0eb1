// `npm run dev`: the API (restarted on change) and the web client with hot
// reload. Open the client's address (http://127.0.0.1:5173 unless
// CLIENT_DEV_PORT says otherwise); it forwards /api and /socket.io to the API
// on PORT (3000). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

// The same .env the server reads, so PORT and CLIENT_DEV_PORT agree on both sides.
if (existsSync('.env')) process.loadEnvFile('.env');

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'client/vite.config.ts', '--host', '127.0.0.1'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  stop();
  process.exitCode ||= code ?? 0;
});
