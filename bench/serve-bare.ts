/**
 * The baseline of `npm run bench -- demo-load` (and matching): a bare
 * Express 5 app with one JSON route, run as a child process like the server
 * under test. With BENCH_BARE_DB_URI (and BENCH_BARE_DB_NAME) it also
 * connects the MongoDB driver to that database and serves
 * GET /bare-read/:id, one indexed read (`mentors.findOne({ _id })`) answered
 * as JSON: the baseline of `npm run bench -- load`, on the same database as
 * the server under test.
 * Prints `{"ready":true,"url":…}` on stdout; stops on SIGTERM or SIGINT,
 * and with `--until-stdin-closes` also when its stdin closes.
 *
 *   node --import tsx bench/serve-bare.ts
 */
import { createServer } from 'node:http';
import express from 'express';
import { MongoClient, ObjectId } from 'mongodb';
import { serveUntilStopped } from './serve-lifecycle.js';

const app = express();
app.get('/bare', (_req, res) => {
  res.json({ ok: true, at: Date.now() });
});

const dbUri = process.env.BENCH_BARE_DB_URI;
const client = dbUri ? await MongoClient.connect(dbUri, { directConnection: true }) : undefined;
if (client) {
  const mentors = client.db(process.env.BENCH_BARE_DB_NAME ?? 'runway').collection('mentors');
  app.get('/bare-read/:id', async (req, res) => {
    const id = ObjectId.isValid(req.params.id) ? new ObjectId(req.params.id) : undefined;
    const doc = id ? await mentors.findOne({ _id: id }) : null;
    if (!doc) res.status(404).json({ code: 'not_found' });
    else res.json(doc);
  });
}

const server = createServer(app);
serveUntilStopped(server, () => void client?.close());
