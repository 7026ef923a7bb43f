/**
 * Admin work takes turns with the guard: a few tasks per turn of the event loop, run after that
 * turn's I/O (setImmediate callbacks run after the poll phase, and one queued while they run waits
 * for the next turn). A guard call, handled in the poll phase, then waits for those few at most,
 * never for a whole burst of commands; more than one per turn saves a loop turn per task.
 */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTurn = 4) {}

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.runSome);
  }

  private readonly runSome = (): void => {
    this.scheduled = false;
    for (const resolve of this.waiting.splice(0, this.perTurn)) resolve();
    if (this.waiting.length > 0) this.schedule();
  };
}
