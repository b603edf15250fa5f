// The calls a widget has made to its worker session and not yet seen
// answered, so that whenIdle() (tests, "ready") can wait for all of them,
// including calls started while it waits. One per widget.
export class PendingCalls {
  constructor() {
    this.pending = new Set();
  }

  /** Remembers `promise` until it settles; returns it. */
  track(promise) {
    this.pending.add(promise);
    const forget = () => this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  get size() {
    return this.pending.size;
  }

  /** Resolves once every call tracked so far (and any tracked meanwhile) has settled. */
  async settled() {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
