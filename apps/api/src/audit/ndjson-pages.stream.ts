import { Readable } from 'node:stream';

export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * JSON lines, one per item, from the pages `readPage` gives until its cursor ends. A page is read
 * only when the stream wants more (the consumer drained what it had), so a slow reader holds about
 * one page in memory, never the whole list.
 */
export function ndjsonPages<T>(readPage: (after: string | null) => Promise<CursorPage<T>>, highWaterMark = 64 * 1024): Readable {
  let after: string | null = null;
  return new Readable({
    highWaterMark,
    read() {
      readPage(after).then(
        (page) => {
          after = page.nextCursor;
          if (page.items.length > 0) this.push(page.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
          if (after === null) this.push(null);
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
