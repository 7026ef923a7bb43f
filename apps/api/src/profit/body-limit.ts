import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { ProfitError } from '#guard';

/** The 413 of a forwarded body larger than the limit, in Profit's shape. */
export const bodyTooLarge = (limitBytes: number) =>
  new ProfitError(413, `The request body is larger than the limit of ${limitBytes} bytes`, 'body_too_large');

/**
 * A request body on its way to the upstream, counted as it streams: past the limit it fails with
 * `bodyTooLarge`, which aborts the upstream call (`exceeded` tells the proxy's error handler why).
 * A body that declares its length is refused before anything is forwarded (`declaresMoreThan`);
 * this catches the ones that do not (chunked) or lie.
 */
export class BodyLimit extends Transform {
  exceeded = false;
  private seen = 0;

  private constructor(private readonly limitBytes: number) {
    super();
  }

  /** The body as the proxy reads it; a client that goes away fails this stream too. */
  static around(body: Readable, limitBytes: number): BodyLimit {
    const limited = new BodyLimit(limitBytes);
    body.once('error', (error) => limited.destroy(error));
    return body.pipe(limited);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen <= this.limitBytes) return done(null, chunk);
    this.exceeded = true;
    done(bodyTooLarge(this.limitBytes));
  }
}

/** A `Content-Length` over the limit; a missing or unreadable one is left to `BodyLimit`. */
export function declaresMoreThan(contentLength: string | undefined, limitBytes: number): boolean {
  return contentLength !== undefined && Number(contentLength) > limitBytes;
}
