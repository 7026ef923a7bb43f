import { Injectable } from '@nestjs/common';

/**
 * Admin work takes turns with the guard: one task per turn of the event loop, run after that turn's
 * I/O (setImmediate callbacks run after the poll phase, and one queued while they run waits for the
 * next turn). A guard call, handled in the poll phase, then waits for one task at most, never for a
 * whole burst of commands.
 */
@Injectable()
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.runOne);
  }

  private readonly runOne = (): void => {
    this.scheduled = false;
    this.waiting.shift()?.();
    if (this.waiting.length > 0) this.schedule();
  };
}
