/** Something a live subscription can listen to; returns the function that stops listening. */
export interface ChangeSignal {
  listen(listener: () => void): () => void;
}

/** Wakes live subscriptions as soon as an append commits, so they need not wait for a poll. */
export class ChangeNotifier implements ChangeSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
