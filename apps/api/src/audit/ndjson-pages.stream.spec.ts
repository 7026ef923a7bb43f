import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ndjsonPages, type CursorPage } from './ndjson-pages.stream.js';

const PAGES = 20;
const PAGE_SIZE = 100;

/** A list of PAGES pages of PAGE_SIZE items (about 6 KB a page), counting the pages read. */
function pagedList() {
  const reads: (string | null)[] = [];
  const readPage = async (after: string | null): Promise<CursorPage<{ n: number; text: string }>> => {
    reads.push(after);
    const page = after === null ? 0 : Number(after);
    const items = Array.from({ length: PAGE_SIZE }, (_, index) => ({ n: page * PAGE_SIZE + index, text: 'x'.repeat(40) }));
    return { items, nextCursor: page + 1 < PAGES ? String(page + 1) : null };
  };
  return { reads, readPage };
}

/** A consumer that takes a chunk only when the test lets it. */
function slowConsumer() {
  const chunks: string[] = [];
  const waiting: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      waiting.push(done);
    },
  });
  return { sink, chunks, release: () => waiting.shift()?.() };
}

const settle = async () => {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('ndjsonPages', () => {
  it('reads the next page only when a slow consumer has taken what it had', async () => {
    const { reads, readPage } = pagedList();
    const { sink, chunks, release } = slowConsumer();
    const done = pipeline(ndjsonPages(readPage, 8 * 1024), sink);
    await settle();
    const readWhileStalled = reads.length;
    expect(readWhileStalled).toBeLessThanOrEqual(3);
    await settle();
    expect(reads.length).toBe(readWhileStalled);
    while (reads.length < PAGES || chunks.length < PAGES) {
      release();
      await settle();
      // The buffer never runs more than a couple of pages ahead of what the consumer took.
      expect(reads.length - chunks.length).toBeLessThanOrEqual(2);
    }
    release();
    await done;
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(Array.from({ length: PAGES * PAGE_SIZE }, (_, n) => n));
    expect(reads).toEqual([null, ...Array.from({ length: PAGES - 1 }, (_, page) => String(page + 1))]);
  });

  it('ends at once for an empty list, and fails the stream when a page cannot be read', async () => {
    const chunks: string[] = [];
    const collect = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
    await pipeline(ndjsonPages(async () => ({ items: [], nextCursor: null })), collect);
    expect(chunks).toEqual([]);
    const failing = ndjsonPages(async () => Promise.reject(new Error('store closed')));
    await expect(pipeline(failing, new Writable({ write: (_chunk, _encoding, done) => done() }))).rejects.toThrow('store closed');
  });
});
