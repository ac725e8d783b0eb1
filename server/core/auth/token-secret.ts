/**
 * The secret that signs access tokens. Production must set JWT_SECRET (the
 * configuration refuses to start without it). Elsewhere, when it is empty,
 * a random one is generated for this data folder and kept there, so tokens
 * survive restarts and no secret is ever written in the code; tests get a
 * fresh one per process.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';

const FILE_NAME = 'token-secret';

export async function resolveTokenSecret(config: Pick<Config, 'JWT_SECRET' | 'NODE_ENV' | 'EMBEDDED_DB_DIR'>): Promise<string> {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const fresh = randomBytes(48).toString('base64url');
  if (config.NODE_ENV === 'test') return fresh;
  const file = path.resolve(config.EMBEDDED_DB_DIR, FILE_NAME);
  await mkdir(path.dirname(file), { recursive: true });
  // Written whole under a private name, then linked into place: link() fails when the file
  // exists, so two processes starting at once agree on the first, and neither reads half of it.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${fresh}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
    return fresh;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length < 32) throw new Error(`${file} holds no usable token secret: delete it (everyone signs in again) or set JWT_SECRET`);
    return kept;
  } finally {
    await rm(draft, { force: true });
  }
}
