/** The token secret: never a literal in the code; generated once per data folder in development, kept there. */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { resolveTokenSecret } from '../../server/core/auth/token-secret.js';

describe('token secret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'runway-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('development: generates a secret in the data folder (owner-only), then keeps using it', async () => {
    const first = await resolveTokenSecret({ NODE_ENV: 'development', EMBEDDED_DB_DIR: dir });
    expect(first).to.have.length.of.at.least(32);
    const file = path.join(dir, 'token-secret');
    expect((await readFile(file, 'utf8')).trim()).to.equal(first);
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    expect(await resolveTokenSecret({ NODE_ENV: 'development', EMBEDDED_DB_DIR: dir })).to.equal(first);
  });

  it('starts at once agree on one secret, none reads a half-written file, no drafts are left (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const folder = path.join(dir, String(round));
      const secrets = await Promise.all(Array.from({ length: 16 }, () => resolveTokenSecret({ NODE_ENV: 'development', EMBEDDED_DB_DIR: folder })));
      expect(new Set(secrets).size).to.equal(1);
      expect(await readdir(folder)).to.deep.equal(['token-secret']);
    }
  });

  it('JWT_SECRET wins; tests get a fresh secret each time and write nothing', async () => {
    expect(await resolveTokenSecret({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), EMBEDDED_DB_DIR: dir })).to.equal('p'.repeat(40));
    const a = await resolveTokenSecret({ NODE_ENV: 'test', EMBEDDED_DB_DIR: dir });
    const b = await resolveTokenSecret({ NODE_ENV: 'test', EMBEDDED_DB_DIR: dir });
    expect(a).not.to.equal(b);
    expect(await stat(path.join(dir, 'token-secret')).catch(() => 'absent')).to.equal('absent');
  });

  it('a damaged secret file stops the start with a message that says what to do', async () => {
    await writeFile(path.join(dir, 'token-secret'), 'short\n');
    try {
      await resolveTokenSecret({ NODE_ENV: 'development', EMBEDDED_DB_DIR: dir });
      expect.fail('expected an error');
    } catch (error) {
      expect((error as Error).message).to.match(/delete it .* or set JWT_SECRET/);
    }
  });
});
