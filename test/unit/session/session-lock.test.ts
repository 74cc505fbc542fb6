// Which calls wait for which (core/session/session-lock.ts): ordinary calls run side by side; a session
// change waits for the calls already running and holds back the calls asked for after it; changes run
// one at a time in order. Every order is decided by promises the test resolves, never by timing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SessionLock } from '../../../electron/core/session/session-lock.ts';

/** A job that starts, records it, and finishes only when the test says so. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((ok) => (finish = ok));
  const job = async () => {
    log.push(`${name} start`);
    await done;
    log.push(`${name} end`);
    return name;
  };
  return { job, finish };
}

const settle = () => new Promise((ok) => setImmediate(ok));

describe('the session lock', () => {
  it('ordinary calls run together: a slow one does not hold up another', async () => {
    const lock = new SessionLock();
    const log: string[] = [];
    const slow = gate(log, 'mail test');
    const quick = gate(log, 'queue');
    const a = lock.use(slow.job);
    const b = lock.use(quick.job);
    await settle();
    quick.finish();
    expect(await b).toBe('queue');
    expect(log).toEqual(['mail test start', 'queue start', 'queue end']);
    slow.finish();
    await a;
  });

  it('a session change waits for the calls in progress, and later calls wait for it', async () => {
    const lock = new SessionLock();
    const log: string[] = [];
    const running = gate(log, 'list');
    const change = gate(log, 'lock');
    const later = gate(log, 'get');
    const a = lock.use(running.job);
    await settle();
    const c = lock.change(change.job);
    const b = lock.use(later.job);
    await settle();
    expect(log).toEqual(['list start']);
    running.finish();
    await settle();
    expect(log).toEqual(['list start', 'list end', 'lock start']);
    change.finish();
    later.finish();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['list start', 'list end', 'lock start', 'lock end', 'get start', 'get end']);
  });

  it('a failed change releases the calls behind it', async () => {
    const lock = new SessionLock();
    const failed = lock.change(async () => {
      throw new Error('damaged');
    });
    const after = lock.use(async () => 'ran');
    await expect(failed).rejects.toThrow('damaged');
    expect(await after).toBe('ran');
  });

  it('for any mix of calls and changes: a change never overlaps anything, and changes keep their order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.nat(3)), { minLength: 1, maxLength: 25 }), async (plan) => {
        const lock = new SessionLock();
        let calls = 0;
        let changes = 0;
        const changeOrder: number[] = [];
        const jobs = plan.map(([isChange, ticks], i) => {
          const work = async () => {
            if (isChange) {
              expect(calls).toBe(0);
              expect(changes).toBe(0);
              changes++;
              changeOrder.push(i);
            } else {
              expect(changes).toBe(0);
              calls++;
            }
            for (let t = 0; t < ticks; t++) await settle();
            if (isChange) changes--;
            else calls--;
          };
          return isChange ? lock.change(work) : lock.use(work);
        });
        await Promise.all(jobs);
        expect(changeOrder).toEqual(plan.flatMap(([isChange], i) => (isChange ? [i] : [])));
      }),
      { numRuns: 60 },
    );
  });
});
