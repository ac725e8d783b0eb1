/**
 * One document by a unique key, read by the driver past mongoose's query
 * layer, for the few reads every booking makes (startup, mentor,
 * mentorship, calendar): there, building, casting and running a mongoose
 * query cost the API process more CPU than the read costs the database (a
 * cpu profile of the sessions bench).
 *
 * Reads asked for in the same turn of the event loop share one query: the
 * keys asked of a collection's field while the loop handles one round of
 * I/O go to the database as one `$in` when the round is over (setImmediate),
 * and each caller gets its own document. Under load many requests are at
 * the same step at once, and each round trip costs both processes a write
 * and a read on their sockets (on this project's machines, more than the
 * read itself): 50 clients booking at once made about 4 reads an attempt,
 * now a fraction of that. Nothing is kept between turns, so every caller
 * sees what the database holds after it asked, in a document of its own;
 * alone, a read waits for the end of the current round only.
 *
 * What comes back is what a lean query returns: the stored document, less
 * the paths the schema marks `select: false`. The key must be in stored
 * form (an ObjectId, a string). The query goes on mongoose's connection,
 * through the driver's collection once it is open (the driver bounds the
 * wait on a database that is away), so such a database fails it as any
 * query (every caller of that round gets the error).
 */
import mongoose from 'mongoose';

/** What of a model this needs: its schema and its collection. */
interface StoredModel {
  schema: mongoose.Schema;
  collection: mongoose.Collection;
}

const hiddenBySchema = new WeakMap<mongoose.Schema, Record<string, 0> | undefined>();

/** The schema's `select: false` paths, as a projection that leaves them out (undefined when there are none). */
function hiddenPaths(schema: mongoose.Schema): Record<string, 0> | undefined {
  if (!hiddenBySchema.has(schema)) {
    const hidden: Record<string, 0> = {};
    schema.eachPath((path, type) => {
      if ((type.options as { select?: unknown }).select === false) hidden[path] = 0;
    });
    hiddenBySchema.set(schema, Object.keys(hidden).length > 0 ? hidden : undefined);
  }
  return hiddenBySchema.get(schema);
}

type Key = mongoose.Types.ObjectId | string;
type Doc = Record<string, unknown>;

/** The keys asked of one field of one collection (under one fixed condition) in this turn, and who waits for each. */
interface Round {
  keys: Map<string, Key>;
  waiting: Map<string, Array<{ resolve: (docs: Doc[]) => void; reject: (error: unknown) => void }>>;
}

const open = new WeakMap<mongoose.Collection, Map<string, Round>>();

const keyText = (key: unknown): string => (key instanceof mongoose.Types.ObjectId ? `o${key.toHexString()}` : `s${String(key)}`);

/** The stored document whose `field` (unique) is `key`, or undefined. */
export async function findOneStored<T>(model: StoredModel, field: string, key: Key): Promise<T | undefined> {
  return (await gather(model, field, key))[0] as T | undefined;
}

/** The stored documents whose `field` is `key` and that match `where` (the same for every call from one place), in `_id` order. */
export async function findAllStored<T>(model: StoredModel, field: string, key: Key, where: Doc): Promise<T[]> {
  return (await gather(model, field, key, where)) as T[];
}

function gather(model: StoredModel, field: string, key: Key, where: Doc = {}): Promise<Doc[]> {
  let byCondition = open.get(model.collection);
  if (!byCondition) open.set(model.collection, (byCondition = new Map()));
  const condition = `${field} ${JSON.stringify(where)}`;
  let round = byCondition.get(condition);
  if (!round) {
    const started: Round = { keys: new Map(), waiting: new Map() };
    byCondition.set(condition, started);
    round = started;
    setImmediate(() => {
      if (byCondition.get(condition) === started) byCondition.delete(condition);
      void read(model, field, where, started);
    });
  }
  const text = keyText(key);
  round.keys.set(text, key);
  return new Promise<Doc[]>((resolve, reject) => {
    const waiting = round.waiting.get(text) ?? [];
    waiting.push({ resolve, reject });
    round.waiting.set(text, waiting);
  });
}

async function read(model: StoredModel, field: string, where: Doc, round: Round): Promise<void> {
  const keys = [...round.keys.values()];
  const projection = hiddenPaths(model.schema);
  try {
    // One key: the plain equality an index of that field serves as it is.
    const filter = { ...where, [field]: keys.length === 1 ? keys[0] : { $in: keys } };
    const options = { ...(projection ? { projection } : {}), sort: { _id: 1 } } as const;
    // The driver's collection once mongoose has opened it: the driver bounds a wait on a database that is away
    // (DB_TIMEOUT_MS). Before that, mongoose's, which buffers and answers find with a promise of the cursor.
    const driver = (model.collection as unknown as { collection?: mongoose.mongo.Collection | null }).collection;
    const cursor = driver ? driver.find(filter, options) : await (model.collection.find(filter, options) as unknown as Promise<mongoose.mongo.FindCursor<Doc>>);
    const docs = await cursor.toArray();
    const byKey = new Map<string, Doc[]>();
    for (const doc of docs) {
      const text = keyText(doc[field]);
      byKey.set(text, [...(byKey.get(text) ?? []), doc]);
    }
    for (const [text, waiting] of round.waiting) {
      const found = byKey.get(text) ?? [];
      // Each caller its own documents, as if it had read alone: the first those read, the others copies.
      waiting.forEach(({ resolve }, i) => resolve(i === 0 ? found : found.map((doc) => copyOf(doc) as Doc)));
    }
  } catch (error) {
    for (const waiting of round.waiting.values()) for (const { reject } of waiting) reject(error);
  }
}

/**
 * A deep copy of a document as the driver returns it: its objects, arrays
 * and Dates new, its other values (ObjectIds, numbers, strings, binary) the
 * same, as nothing changes those in place. A tenth of the cost of a BSON
 * round trip, which a booking's calendar (dozens of holds) made visible.
 */
function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value instanceof Date) return new Date(value.getTime());
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy;
}
