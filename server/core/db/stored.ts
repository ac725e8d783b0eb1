/**
 * One document read by the driver, past mongoose's query layer, for the few
 * reads every booking makes (startup, mentor, mentorship, calendar): there,
 * building, casting and running a mongoose query cost the API process more
 * CPU than the read costs the database (a cpu profile of the sessions
 * bench). The filter must be in stored form already (ObjectIds, Dates).
 * What comes back is what a lean query returns: the stored document, less
 * the paths the schema marks `select: false`. Mongoose's connection still
 * carries the call, so a database that is away fails it as any query.
 */
import type mongoose from 'mongoose';

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

export async function findOneStored<T>(model: StoredModel, filter: Record<string, unknown>): Promise<T | undefined> {
  const projection = hiddenPaths(model.schema);
  const doc = await model.collection.findOne(filter, projection ? { projection } : {});
  return (doc ?? undefined) as T | undefined;
}
