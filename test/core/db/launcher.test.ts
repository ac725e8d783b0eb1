/**
 * The embedded database's launcher: a free loopback port, data kept across
 * restarts, every acknowledged write kept through a SIGKILL, no orphan
 * process when Runway dies, and one line that says what to install.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { ensureEmbeddedDbBuilt, startEmbeddedDb, EmbeddedDbError } from '../../../server/core/db/embedded/launcher.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

describe('embedded database launcher', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'runway-launcher-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on a free loopback port, keeps file data across restarts, and stops its process', async () => {
    const db = await startEmbeddedDb({ storage: 'file', dataDir });
    const pid = db.pid!;
    expect(db.uri).to.match(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    const client = await MongoClient.connect(db.connectionUri);
    await client.db('keep').collection('users').insertOne({ email: 'lan@example.vn' });
    await client.close();

    await db.restart();
    expect(alive(pid)).to.equal(false);
    const again = await MongoClient.connect(db.connectionUri);
    expect(await again.db('keep').collection('users').countDocuments({ email: 'lan@example.vn' })).to.equal(1);
    await again.close();

    const second = db.pid!;
    await db.stop();
    expect(alive(second)).to.equal(false);
  });

  it('a second database on the same data file fails in one line that says why (the file is locked)', async () => {
    const first = await startEmbeddedDb({ storage: 'file', dataDir });
    try {
      await startEmbeddedDb({ storage: 'file', dataDir });
      expect.fail('the second start should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(EmbeddedDbError);
      const message = (error as Error).message;
      expect(message).to.match(/exited at start: .*lock/i);
      expect(message).not.to.match(/\n|\tat /);
    } finally {
      await first.stop();
    }
  });

  it('keeps every acknowledged write when the database is killed with SIGKILL right after', async () => {
    const db = await startEmbeddedDb({ storage: 'file', dataDir });
    try {
      const client = await MongoClient.connect(db.connectionUri);
      const notes = client.db('durable').collection('notes');
      const counters = client.db('durable').collection('counters');
      await counters.insertOne({ _id: 'c' as never, n: 0 });
      // 500 single inserts and 200 increments, 8 at a time; each awaited = acknowledged.
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < 500) {
            const i = next++;
            await notes.insertOne({ i });
            if (i < 200) await counters.updateOne({ _id: 'c' as never }, { $inc: { n: 1 } });
          }
        }),
      );
      await db.kill(); // no grace: the process gets no chance to flush anything
      await client.close(true);

      await db.restart();
      const again = await MongoClient.connect(db.connectionUri);
      expect(await again.db('durable').collection('notes').countDocuments()).to.equal(500);
      expect(await again.db('durable').collection('counters').findOne({ _id: 'c' as never })).to.include({ n: 200 });
      await again.close();
    } finally {
      await db.stop();
    }
  });

  it('exits when its parent dies, even by SIGKILL (no orphans)', async () => {
    const launcher = path.resolve('server/core/db/embedded/launcher.ts');
    const script = `import { startEmbeddedDb } from ${JSON.stringify(launcher)};
      const db = await startEmbeddedDb({ storage: 'memory' });
      console.log('PID ' + db.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    parent.stdout.on('data', (d: Buffer) => (output += d.toString()));
    expect(await waitUntil(() => /PID \d+/.test(output), 30_000), output).to.equal(true);
    const childPid = Number(/PID (\d+)/.exec(output)![1]);
    expect(alive(childPid)).to.equal(true);

    parent.kill('SIGKILL');
    await once(parent, 'exit');
    expect(await waitUntil(() => !alive(childPid)), 'database process outlived its parent').to.equal(true);
  });

  it('says in one line what to install when Java is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await ensureEmbeddedDbBuilt();
      expect.fail('expected an error');
    } catch (error) {
      expect(error).to.be.instanceOf(EmbeddedDbError);
      expect((error as Error).message).to.match(/Java is not installed: install a JDK 17\+ and Maven .*or set MONGODB_URI/);
      expect((error as Error).message).not.to.include('\n');
    } finally {
      process.env.PATH = saved;
    }
  });
});
