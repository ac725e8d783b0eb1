/**
 * Opens the database: the user's MongoDB when MONGODB_URI is set, the
 * embedded one otherwise; connects mongoose and builds every index before
 * the app serves (unique indexes are our concurrency guards).
 */
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { startEmbeddedDb, type EmbeddedDb } from './embedded/launcher.js';

export interface Database {
  /** Where we are connected (no credentials). */
  readonly description: string;
  /** The embedded server, when we started one. */
  readonly embedded: EmbeddedDb | undefined;
  /** Answers when the server does; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Builds every model's indexes; before serving, since a missing unique index would let duplicates in. */
export async function ensureIndexes(): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
}

// Mongoose keeps each query's creation stack to explain a query run twice; with source maps on (tsx)
// that formats a stack trace for every query, a measurable share of a booking's CPU.
mongoose.set('skipOriginalStackTraces', true);

export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedDb | undefined;
  let uri: string;
  if (config.MONGODB_URI) {
    uri = config.MONGODB_URI;
  } else {
    embedded = await startEmbeddedDb({ storage: 'file', dataDir: config.EMBEDDED_DB_DIR, log: (line) => logger.info(line) });
    uri = embedded.connectionUri;
  }

  // A database that does not answer costs a request at most about DB_TIMEOUT_MS, then a 503: waiting in
  // mongoose's buffer while disconnected (here), finding a server, and a connection (the heartbeat's
  // included, which clears the pool and fails the operations on a hung server).
  mongoose.set('bufferTimeoutMS', config.DB_TIMEOUT_MS);
  try {
    await mongoose.connect(uri, {
      dbName: config.DB_NAME,
      serverSelectionTimeoutMS: config.DB_TIMEOUT_MS,
      connectTimeoutMS: config.DB_TIMEOUT_MS,
      heartbeatFrequencyMS: 2000,
      autoIndex: false,
      // Collections come into being with their indexes (ensureIndexes) or first write. Mongoose's own
      // createCollection per model at connect raced those createIndexes and failed a start now and then.
      autoCreate: false,
    });
    await ensureIndexes();
  } catch (error) {
    await mongoose.disconnect().catch(() => {});
    await embedded?.stop();
    throw error;
  }

  const description = embedded ? embedded.description : redact(uri);
  return {
    description,
    embedded,
    async ping() {
      const db = mongoose.connection.db;
      if (!db) throw new Error('not connected');
      await db.command({ ping: 1 });
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

/** Hides a password in a connection string before it reaches a log. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
