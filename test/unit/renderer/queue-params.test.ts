// The queue's filters live in the address. Law: any state the screen can be in survives the round trip
// through the address unchanged; and any address (a bookmark, a hand edit, an old link) gives a valid state.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseStatuses, queueSortKeys, requestTypes, savedViews } from '../../../electron/contract/index.ts';
import { queueParamsOf, queueStateOf } from '../../../renderer/src/features/queue/queueParams.ts';
import { initialQueueState, type QueueState } from '../../../renderer/src/features/queue/queueState.ts';

const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const state: fc.Arbitrary<QueueState> = fc.record({
  view: fc.constantFrom(...savedViews),
  types: fc.uniqueArray(fc.constantFrom(...requestTypes)),
  statuses: fc.uniqueArray(fc.constantFrom(...caseStatuses)),
  assigneeMode: fc.constantFrom('anyone', 'me', 'unassigned', 'user'),
  assigneeUser: fc.string({ maxLength: 20 }),
  dueFrom: fc.option(date, { nil: null }),
  dueTo: fc.option(date, { nil: null }),
  overdue: fc.boolean(),
  paused: fc.constantFrom('any', 'paused', 'running'),
  unsentNotice: fc.boolean(),
  search: fc.string({ maxLength: 40 }),
  sort: fc.constantFrom(...queueSortKeys),
  direction: fc.constantFrom('asc', 'desc'),
  page: fc.integer({ min: 1, max: 100_000 }),
  report: fc.option(fc.record({ from: date, to: date, bucket: fc.constantFrom('received', 'open', 'withdrawn', 'open.waiting'), label: fc.string({ maxLength: 30 }) }), { nil: null }),
});

describe('queue state in the address', () => {
  it('round-trips every state the screen can hold', () => {
    fc.assert(fc.property(state, (s) => {
        expect(queueStateOf(new URLSearchParams(queueParamsOf(s).toString()))).toEqual(s);
      }));
  });

  it('keeps the plain queue’s address plain and names filters readably', () => {
    expect(queueParamsOf(initialQueueState).toString()).toBe('');
    expect(queueParamsOf({ ...initialQueueState, view: 'overdue', types: ['disclosure', 'correction'], search: '田中', page: 3 }).toString()).toBe(
      'view=overdue&type=disclosure&type=correction&search=%E7%94%B0%E4%B8%AD&page=3',
    );
  });

  it('turns any address into a valid state, field by field', () => {
    const s = queueStateOf(new URLSearchParams('view=hacked&type=disclosure&type=nonsense&page=-4&dueFrom=tomorrow&sort=member&dir=sideways'));
    expect(s).toEqual({ ...initialQueueState, types: initialQueueState.types, sort: 'member' } satisfies QueueState);
    fc.assert(fc.property(fc.string(), (q) => {
        expect(() => queueStateOf(new URLSearchParams(q))).not.toThrow();
      }));
  });
});
