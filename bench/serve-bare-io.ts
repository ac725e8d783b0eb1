/**
 * The baseline of `npm run bench -- live`: a bare socket.io 4 server
 * (no authentication, no rooms of ours, no database) whose one HTTP route,
 * POST /emit, broadcasts one small event to every socket and then answers.
 * Run as a child process like the server under test. Prints
 * `{"ready":true,"url":…}`; stops on SIGTERM or SIGINT, and with
 * `--until-stdin-closes` also when its stdin closes.
 *
 *   node --import tsx bench/serve-bare-io.ts
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveUntilStopped } from './serve-lifecycle.js';

let n = 0;
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    req.resume();
    req.on('end', () => {
      n += 1;
      io.emit('milestone.updated', { milestoneId: String(n), occurredAt: new Date().toISOString(), seq: n });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ milestoneId: String(n) }));
    });
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(server, { serveClient: false });

serveUntilStopped(server, () => io.disconnectSockets(true));
