// The renderer's pure helpers: dates and times typed with a Japanese IME, Japan dates on screen, and the
// queue's filters turned into the contract's listInput (checked against the contract's own schema).
import { describe, expect, it } from 'vitest';
import { listInput } from '../../../electron/contract/index.ts';
import { parseTypedDate, parseTypedTime } from '../../../renderer/src/forms/typedInput.ts';
import { formatDate, japanInstant, japanParts } from '../../../renderer/src/i18n/format.ts';
import { initialQueueState, toListInput } from '../../../renderer/src/features/queue/queueState.ts';

describe('typed dates and times', () => {
  it('accepts ISO, slashes, full-width digits and 年月日', () => {
    expect(parseTypedDate('2026-12-08')).toBe('2026-12-08');
    expect(parseTypedDate('２０２６／１２／８')).toBe('2026-12-08');
    expect(parseTypedDate('2026年12月8日')).toBe('2026-12-08');
    expect(parseTypedDate('2026-02-30')).toBeNull();
    expect(parseTypedDate('12/08/2026')).toBeNull();
  });

  it('reads 24-hour times however they were typed', () => {
    expect(parseTypedTime('9:05')).toBe('09:05');
    expect(parseTypedTime('１７３０')).toBe('17:30');
    expect(parseTypedTime('10時30分')).toBe('10:30');
    expect(parseTypedTime('24:00')).toBeNull();
    expect(parseTypedTime('7:5')).toBeNull();
  });
});

describe('Japan dates', () => {
  it('an instant typed as Japan time carries +09:00', () => {
    expect(japanInstant('2026-11-25', '18:30')).toBe('2026-11-25T18:30:00+09:00');
    expect(new Date(japanInstant('2026-11-25', '08:00')).toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('splits an instant into its Japan date and time, whatever the zone of this process', () => {
    expect(japanParts(new Date('2026-12-28T15:30:00Z'))).toEqual({ date: '2026-12-29', time: '00:30' });
  });

  it('formats a date with its weekday in both languages', () => {
    expect(formatDate('ja', '2026-05-06')).toBe('2026/05/06(水)');
    expect(formatDate('ja', '2026-05-06', 'long')).toBe('2026年5月6日(水)');
    expect(formatDate('en', '2026-05-06')).toBe('Wed 6 May 2026');
    expect(formatDate('en', '2026-05-06', 'plain')).toBe('6 May 2026');
  });
});

describe('queue filters', () => {
  it('become a listInput the contract accepts', () => {
    const input = toListInput({ ...initialQueueState, assigneeMode: 'user', assigneeUser: ' tanaka ', paused: 'paused', types: ['disclosure'], search: 'やまだ' });
    const parsed = listInput.parse(input);
    expect(parsed).toMatchObject({ assignee: 'tanaka', paused: true, types: ['disclosure'], search: 'やまだ', pageSize: 50, view: 'all_open' });
    expect(listInput.parse(toListInput(initialQueueState)).assignee).toBeNull();
  });
});
