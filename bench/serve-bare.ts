/**
 * The baseline of `npm run bench -- demo-load`: a bare Express 5 app with
 * one JSON route, run as a child process like the server under test.
 * Prints `{"ready":true,"url":…}` on stdout; stops on SIGTERM or SIGINT,
 * and with `--until-stdin-closes` also when its stdin closes.
 *
 *   node --import tsx bench/serve-bare.ts
 */
import { createServer } from 'node:http';
import express from 'express';
import { serveUntilStopped } from './serve-lifecycle.js';

const app = express();
app.get('/bare', (_req, res) => {
  res.json({ ok: true, at: Date.now() });
});

const server = createServer(app);
serveUntilStopped(server);
