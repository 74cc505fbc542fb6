// Which calls wait for which. A call that only reads or changes the desk's data runs at once, beside any
// other such call (a 15 s mail test does not hold up the queue). A session change (unlock, lock, log in,
// restore, re-key, a password change) waits until the calls already running have finished, and no new
// call starts until it is done: a call never sees the desk close, or another person's session appear,
// half-way through. Session changes run one at a time, in the order they were asked for.
export class SessionLock {
  private readonly running = new Set<Promise<unknown>>();
  private changesWaiting = 0;
  private lastChange: Promise<unknown> = Promise.resolve();
  /** Resolves when no session change is waiting or running. */
  private noChanges: Promise<void> = Promise.resolve();
  private releaseCalls: () => void = () => {};

  /** Runs a call that needs the session to stay as it is (but not to itself alone). */
  async use<T>(job: () => Promise<T>): Promise<T> {
    while (this.changesWaiting > 0) await this.noChanges;
    const run = job();
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  /** Runs a session change alone: after the calls in progress, before any call asked for later. */
  change<T>(job: () => Promise<T>): Promise<T> {
    if (this.changesWaiting++ === 0) this.noChanges = new Promise((ok) => (this.releaseCalls = ok));
    const run = this.lastChange.then(async () => {
      await Promise.allSettled([...this.running]);
      return job();
    });
    this.lastChange = run
      .catch(() => undefined)
      .then(() => {
        if (--this.changesWaiting === 0) this.releaseCalls();
      });
    return run;
  }
}
