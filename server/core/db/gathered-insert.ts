/**
 * Inserts gathered as stored.ts gathers reads: the documents handed in by
 * every caller in one turn of the event loop go to the database as one
 * unordered `insertMany` when the turn's round of I/O is over, and each
 * caller learns what became of its own. One write for many: on the
 * embedded database one commit, and on either one round trip instead of
 * one per caller.
 *
 * For collections whose unique indexes make a repeat harmless (a
 * notification's dedupe key): a document refused as a duplicate key comes
 * back as not inserted, any other refusal fails the caller it belongs to,
 * and an error of the whole write (a database that is away) fails every
 * caller of the round, as a lone insert would. The documents must be in
 * stored form, with their `_id`, timestamps and defaults: mongoose's
 * casting and validation do not run here.
 */
import type mongoose from 'mongoose';

type Doc = Record<string, unknown>;

interface Caller {
  from: number;
  count: number;
  resolve: (inserted: boolean[]) => void;
  reject: (error: unknown) => void;
}

interface Round {
  docs: Doc[];
  callers: Caller[];
}

const open = new WeakMap<mongoose.Collection, Round>();

/** Inserts `docs`; for each, true if it is in now, false if a unique index had it already. */
export function insertGathered(model: { collection: mongoose.Collection }, docs: readonly Doc[]): Promise<boolean[]> {
  if (docs.length === 0) return Promise.resolve([]);
  let round = open.get(model.collection);
  if (!round) {
    const started: Round = { docs: [], callers: [] };
    open.set(model.collection, started);
    round = started;
    setImmediate(() => {
      if (open.get(model.collection) === started) open.delete(model.collection);
      void write(model.collection, started);
    });
  }
  const from = round.docs.length;
  round.docs.push(...docs);
  return new Promise((resolve, reject) => round.callers.push({ from, count: docs.length, resolve, reject }));
}

interface WriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

async function write(collection: mongoose.Collection, round: Round): Promise<void> {
  let refused: WriteError[];
  try {
    await collection.insertMany(round.docs, { ordered: false });
    refused = [];
  } catch (error) {
    const writeErrors = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
    if (writeErrors === undefined) {
      for (const caller of round.callers) caller.reject(error);
      return;
    }
    refused = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  }
  const byIndex = new Map(refused.map((e) => [e.index, e]));
  for (const caller of round.callers) {
    const own = Array.from({ length: caller.count }, (_, i) => byIndex.get(caller.from + i));
    const failure = own.find((e) => e !== undefined && e.code !== 11000);
    if (failure) caller.reject(Object.assign(new Error(failure.errmsg ?? 'insert refused'), { code: failure.code }));
    else caller.resolve(own.map((e) => e === undefined));
  }
}
