// "Latest wins" request channel: at most one job running and one queued.
// A new request replaces the queued one (which is rejected with Superseded),
// so a slider drag never builds a backlog: when the running job ends, only
// the newest position is computed.

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'Superseded';
  }
}

/** Latest-wins channel over a lane: at most one job running, one queued. */
export class Channel {
  constructor(lane) {
    this.lane = lane;
    this.running = null;
    this.queued = null;
  }

  request(job, transfer) {
    if (this.queued) this.queued.reject(new Superseded());
    return new Promise((resolve, reject) => {
      this.queued = { job, transfer, resolve, reject };
      if (!this.running) this.next();
    });
  }

  async next() {
    const item = this.queued;
    this.queued = null;
    if (!item) return;
    this.running = item;
    try {
      await this.lane.ready;
      item.resolve(await this.lane.post(item.job, item.transfer));
    } catch (err) {
      item.reject(err);
    } finally {
      this.running = null;
      this.next();
    }
  }
}
