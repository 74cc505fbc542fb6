// "Wrong passwords slow down that account only: a couple of typos are free, then each further miss
// doubles the wait up to five minutes; colleagues on the same PC are never held up; a success resets."
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delayAfter, LoginThrottle } from '../../../electron/core/auth/throttle.ts';

const T0 = Date.UTC(2026, 3, 1, 1, 0, 0);

describe('login throttle', () => {
  it('two misses are free; from the third the wait doubles: 2 s, 4 s, 8 s, …, capped at 5 minutes', () => {
    const t = new LoginThrottle();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      t.failed('sato', T0);
      waits.push(t.waitSeconds('sato', T0));
    }
    expect(waits).toEqual([0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
  });

  it('the wait runs down with time and is over when it says', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 4; i++) t.failed('sato', T0); // 4 s
    expect(t.waitSeconds('sato', T0 + 1)).toBe(4); // rounded up: never tells someone to retry too early
    expect(t.waitSeconds('sato', T0 + 3_001)).toBe(1);
    expect(t.waitSeconds('sato', T0 + 4_000)).toBe(0);
    // Waiting it out does not forgive the misses: the next one waits longer.
    t.failed('sato', T0 + 4_000);
    expect(t.waitSeconds('sato', T0 + 4_000)).toBe(8);
  });

  it('another account is not slowed down by someone else’s misses', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 10; i++) t.failed('sato', T0);
    expect(t.waitSeconds('sato', T0)).toBeGreaterThan(0);
    expect(t.waitSeconds('tanaka', T0)).toBe(0);
    t.failed('tanaka', T0);
    expect(t.waitSeconds('tanaka', T0)).toBe(0); // tanaka's own first miss is free
  });

  it('a success resets that account only', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) {
      t.failed('sato', T0);
      t.failed('tanaka', T0);
    }
    t.succeeded('sato');
    expect(t.waitSeconds('sato', T0)).toBe(0);
    expect(t.waitSeconds('tanaka', T0)).toBe(8);
    // And sato starts over with two free misses.
    t.failed('sato', T0);
    t.failed('sato', T0);
    expect(t.waitSeconds('sato', T0)).toBe(0);
  });

  it('for any sequence of misses across accounts, each account’s wait depends on its own misses only', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('sato', 'tanaka', 'suzuki', '#recovery'), { maxLength: 40 }), (who) => {
        const t = new LoginThrottle();
        for (const u of who) t.failed(u, T0);
        for (const u of ['sato', 'tanaka', 'suzuki', '#recovery', 'nobody']) {
          const mine = who.filter((w) => w === u).length;
          expect(t.waitSeconds(u, T0)).toBe(Math.ceil(delayAfter(mine) / 1000));
        }
      }),
    );
  });

  it('the delay never decreases with more misses and never exceeds 5 minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        expect(delayAfter(n + 1)).toBeGreaterThanOrEqual(delayAfter(n));
        expect(delayAfter(n)).toBeLessThanOrEqual(5 * 60_000);
      }),
    );
  });
});
