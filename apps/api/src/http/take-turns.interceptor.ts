import { type CallHandler, Injectable, type NestInterceptor } from '@nestjs/common';
import { concatMap, from, type Observable, switchMap } from 'rxjs';
import { Turns } from './turns.js';

/**
 * Admin commands take turns with the guard (see Turns): once before the command runs and once
 * before its answer is written, the two stretches of a command's work between which it waits for
 * the disk. A burst of commands then holds up a guard call for one stretch at most.
 */
@Injectable()
export class TakeTurnsInterceptor implements NestInterceptor {
  constructor(private readonly turns: Turns) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return from(this.turns.next()).pipe(
      switchMap(() => next.handle()),
      concatMap(async (answer: unknown) => {
        await this.turns.next();
        return answer;
      }),
    );
  }
}
