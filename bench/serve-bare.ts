/**
 * The baseline of `npm run bench -- demo-load`: a bare Express 5 app with
 * one JSON route, run as a child process like the server under test.
 * Prints `{"ready":true,"url":…}` on stdout; stops on SIGTERM or SIGINT,
 * and with `--until-stdin-closes` also when its stdin closes.
 *
 *   node --import tsx bench/serve-bare.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

const app = express();
app.get('/bare', (_req, res) => {
  res.json({ ok: true, at: Date.now() });
});

const server = createServer(app);
let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (process.argv.includes('--until-stdin-closes')) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${port}` })}\n`);
});
