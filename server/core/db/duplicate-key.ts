/**
 * Duplicate keys (E11000): a unique index refused a write. Our concurrency
 * guards are unique indexes, so repositories turn this error into a result
 * their use cases can read ("already there"), never a thrown driver error.
 */

interface DuplicateKeyError {
  code: 11000;
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
}

/** True for a MongoDB duplicate-key error, from the driver or mongoose. */
export function isDuplicateKey(error: unknown): error is DuplicateKeyError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** True when every failure of an unordered bulk insert is a duplicate key (the rows were already there). */
export function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
  return isDuplicateKey(error);
}

/** Runs an insert; undefined when a unique index says the record is already there. */
export async function insertUnlessDuplicate<T>(insert: () => Promise<T>): Promise<T | undefined> {
  try {
    return await insert();
  } catch (error) {
    if (isDuplicateKey(error)) return undefined;
    throw error;
  }
}
