import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer.js';

describe('WalCheckpointer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies what a connection without checkpoints of its own wrote into the database file, from its own thread', async () => {
    const file = join(dir, 'read-models.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(200));
    })();
    const before = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(400_000);

    const checkpointer = new WalCheckpointer(file, 10);
    const deadline = Date.now() + 5000;
    while (statSync(file).size < 400_000 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
    await checkpointer.close();

    expect(before).toBeLessThan(50_000);
    expect(statSync(file).size).toBeGreaterThan(400_000);
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2000 });
    db.close();
  });
});
