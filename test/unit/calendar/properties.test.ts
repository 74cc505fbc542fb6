// Laws of the deadline rule, checked on random arrivals, N, desk rules and histories.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildCalendar,
  computeDeadline,
  defaultCalendar,
  foldDeadlineHistory,
  recomputeDueDates,
  type DeadlineEvent,
  type DeskCalendarRules,
} from '../../../electron/core/calendar/index.ts';
import { naiveDeadline, naiveIsClosed } from './naive-calendar.ts';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const japanIso = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().replace('Z', '+09:00').replace('.000', '');

// Arrivals from 2000 to mid-2099, with a bias to times near closing so the 18:00 edge is hit often.
const arrivalArb = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 5, 1) }),
  fc
    .tuple(fc.integer({ min: 10_957, max: 47_000 }), fc.integer({ min: -2000, max: 2000 }))
    .map(([day, s]) => day * DAY + 9 * 3_600_000 + s * 1000), // 18:00 JST ± 33 min
);
const daysArb = fc.integer({ min: 0, max: 40 });

/** Desk closures/open days within a few weeks of the arrival, where they change the answer. */
function rulesArb(arrivedMs: number): fc.Arbitrary<Partial<DeskCalendarRules>> {
  return fc
    .record({
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 8 }),
      close: fc.constantFrom('17:00', '18:00', '19:30'),
    })
    .map(({ offsets, close }) => ({
      closures: offsets.filter((k) => k % 3 !== 0).map((k) => ({ date: isoDay(arrivedMs + 9 * 3_600_000 + k * DAY), reason: 'c' })),
      openDays: offsets.filter((k) => k % 3 === 0).map((k) => ({ date: isoDay(arrivedMs + 9 * 3_600_000 + k * DAY), reason: 'o' })),
      businessHours: { open: '09:00', close },
    }));
}

const withRules = arrivalArb.chain((arrivedMs) => fc.tuple(fc.constant(arrivedMs), daysArb, rulesArb(arrivedMs)));

describe('deadline laws', () => {
  it('agrees with a day-by-day walk of the rule', () => {
    fc.assert(
      fc.property(withRules, ([arrivedMs, days, rules]) => {
        const d = computeDeadline(buildCalendar(rules), arrivedMs, days);
        expect({ start: d.start, due: d.due }).toEqual(naiveDeadline(arrivedMs, days, rules));
      }),
      { numRuns: 400 },
    );
  });

  it('never puts day 0 or the due date on a closed day', () => {
    fc.assert(
      fc.property(withRules, ([arrivedMs, days, rules]) => {
        const cal = buildCalendar(rules);
        const d = computeDeadline(cal, arrivedMs, days);
        expect(naiveIsClosed(d.due, rules)).toBe(false);
        expect(naiveIsClosed(d.start, rules)).toBe(false);
        expect(cal.isBusinessDay(d.due)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never puts the due date before day 0, nor day 0 before the arrival date', () => {
    const cal = defaultCalendar();
    fc.assert(
      fc.property(arrivalArb, daysArb, (arrivedMs, days) => {
        const d = computeDeadline(cal, arrivedMs, days);
        expect(d.start >= japanIso(arrivedMs).slice(0, 10)).toBe(true);
        expect(d.due >= d.start).toBe(true);
        expect(d.due > d.start).toBe(days > 0);
      }),
    );
  });

  it('never gives an earlier due date for more days or a later arrival', () => {
    const cal = defaultCalendar();
    fc.assert(
      fc.property(arrivalArb, daysArb, daysArb, fc.integer({ min: 0, max: 10 * DAY }), (arrivedMs, a, b, later) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(computeDeadline(cal, arrivedMs, fewer).due <= computeDeadline(cal, arrivedMs, more).due).toBe(true);
        expect(computeDeadline(cal, arrivedMs, a).due <= computeDeadline(cal, arrivedMs + later, a).due).toBe(true);
      }),
    );
  });

  it('never makes a due date earlier through a pause; it moves by exactly the business days paused', () => {
    const cal = defaultCalendar();
    const pauses = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 20 * DAY })), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(arrivalArb, daysArb, pauses, (arrivedMs, days, gaps) => {
        // Build pause/resume pairs at increasing times after the arrival.
        const history: DeadlineEvent[] = [];
        let t = arrivedMs;
        for (const [untilPause, pauseLength] of gaps) {
          t += untilPause;
          history.push({ type: 'pause', at: japanIso(t), reason: 'waiting for the requester' });
          t += pauseLength;
          history.push({ type: 'resume', at: japanIso(t), reason: 'requester answered' });
        }
        const arrivedAt = japanIso(arrivedMs);
        const state = foldDeadlineHistory(cal, { arrivedAt, days, history });
        const base = computeDeadline(cal, arrivedAt, days).due;
        let previous = base;
        let paused = 0;
        for (const [i, step] of state.steps.entries()) {
          expect(step.due >= previous).toBe(true);
          previous = step.due;
          if (step.event.type === 'resume') {
            const pausedOn = (history[i - 1] as DeadlineEvent).at.slice(0, 10);
            paused += cal.countBusinessDays(pausedOn, step.event.at.slice(0, 10));
          }
        }
        expect(state.due).toBe(cal.addBusinessDays(base, paused));
      }),
      { numRuns: 200 },
    );
  });

  it('never moves a due date earlier when the desk adds a closure, nor later when it removes one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arrivalArb, daysArb), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: Date.UTC(2000, 0, 10), max: Date.UTC(2099, 0, 1) }),
        (requests, closureMs) => {
          const cases = requests.map(([arrivedMs, days], id) => ({ id, arrivedAt: arrivedMs, days, history: [] }));
          const open = defaultCalendar();
          const closed = buildCalendar({ closures: [{ date: isoDay(closureMs), reason: 'closure' }] });
          for (const change of recomputeDueDates(cases, open, closed)) expect(change.newDue > change.oldDue).toBe(true);
          for (const change of recomputeDueDates(cases, closed, open)) expect(change.newDue < change.oldDue).toBe(true);
          // Cases not listed really kept their due date.
          const moved = new Set(recomputeDueDates(cases, open, closed).map((c) => c.id));
          for (const c of cases.filter((x) => !moved.has(x.id))) {
            expect(computeDeadline(closed, c.arrivedAt, c.days).due).toBe(computeDeadline(open, c.arrivedAt, c.days).due);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
