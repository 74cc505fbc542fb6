import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  appendDeadlineEvent,
  buildCalendar,
  computeDeadline,
  dayZero,
  daysForType,
  defaultCalendar,
  dueAfterPause,
  foldDeadlineHistory,
  recomputeDueDates,
  validateDeadlineEvent,
  type DeadlineCase,
  type DeadlineEvent,
} from '../../../electron/core/calendar/index.ts';

const cal = defaultCalendar();

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('DOMAIN.md worked examples', () => {
  it.each([
    ['Fri 2026-12-25 10:00', '2026-12-25T10:00:00+09:00', 5, '2026-12-25', '2027-01-07'],
    ['Sat 2026-05-02 11:00', '2026-05-02T11:00:00+09:00', 3, '2026-05-07', '2026-05-12'],
    ['Wed 2026-11-25 18:30', '2026-11-25T18:30:00+09:00', 10, '2026-11-26', '2026-12-10'],
  ])('%s, N=%i', (_label, arrived, days, start, due) => {
    expect(computeDeadline(cal, arrived, days)).toEqual({
      start,
      due,
      dueAt: `${due}T18:00:00+09:00`,
      provisional: false,
    });
  });
});

describe('day 0', () => {
  it('is Monday Dec 28 up to 17:59:59, and Jan 4 from 18:00:00 (Dec 29 – Jan 3 closed)', () => {
    expect(dayZero(cal, '2026-12-28T17:59:59+09:00')).toBe('2026-12-28');
    expect(dayZero(cal, '2026-12-28T17:59:59.999+09:00')).toBe('2026-12-28');
    expect(dayZero(cal, '2026-12-28T18:00:00+09:00')).toBe('2027-01-04');
    expect(computeDeadline(cal, '2026-12-28T17:59:59+09:00', 1).due).toBe('2027-01-04');
    expect(computeDeadline(cal, '2026-12-28T18:00:00+09:00', 1).due).toBe('2027-01-05');
  });

  it('is the arrival date for an arrival before opening time', () => {
    expect(dayZero(cal, '2026-11-24T07:00:00+09:00')).toBe('2026-11-24');
  });

  it('reads arrivals in UTC and other offsets as Japan time', () => {
    // All four are Fri 2026-12-25 10:00 in Japan.
    for (const arrived of ['2026-12-25T01:00:00Z', '2026-12-24T17:00:00-08:00', '2026-12-25T14:00:00+13:00', '2026-12-25T06:30:00+05:30']) {
      expect(computeDeadline(cal, arrived, 5), arrived).toMatchObject({ start: '2026-12-25', due: '2027-01-07' });
    }
    // 09:00Z is 18:00 in Japan: after closing, although it is still morning in London.
    expect(dayZero(cal, '2026-11-25T09:00:00Z')).toBe('2026-11-26');
    expect(dayZero(cal, '2026-11-25T08:59:59Z')).toBe('2026-11-25');
    // Thu 2026-12-31 08:00 in Los Angeles is already Fri Jan 1, 01:00 in Japan.
    expect(dayZero(cal, '2026-12-31T08:00:00-08:00')).toBe('2027-01-04');
    expect(dayZero(cal, Date.parse('2026-12-25T01:00:00Z'))).toBe('2026-12-25');
  });

  it('follows the desk closing time', () => {
    const late = buildCalendar({ businessHours: { open: '09:00', close: '20:00' } });
    expect(dayZero(late, '2026-11-25T18:30:00+09:00')).toBe('2026-11-25');
    expect(computeDeadline(late, '2026-11-25T18:30:00+09:00', 1).dueAt).toBe('2026-11-26T20:00:00+09:00');
    const allDay = buildCalendar({ businessHours: { open: '00:00', close: '24:00' } });
    expect(dayZero(allDay, '2026-11-25T23:59:59+09:00')).toBe('2026-11-25');
    expect(computeDeadline(allDay, '2026-11-25T12:00:00+09:00', 1).dueAt).toBe('2026-11-27T00:00:00+09:00');
  });
});

describe('due dates', () => {
  it('with N = 0 is day 0', () => {
    expect(computeDeadline(cal, '2026-05-02T11:00:00+09:00', 0)).toMatchObject({ start: '2026-05-07', due: '2026-05-07' });
  });

  it('uses N per request type from the desk rules', () => {
    const desk = buildCalendar({ daysByType: { disclosure: 14, correction: 10, suspension: 7 } });
    expect(daysForType(desk, 'disclosure')).toBe(14);
    expect(daysForType(cal, 'suspension')).toBe(10);
  });

  it('is flagged provisional when the period includes an unannounced equinox', () => {
    expect(computeDeadline(cal, '2028-03-15T10:00:00+09:00', 10).provisional).toBe(true);
    expect(computeDeadline(cal, '2028-04-03T10:00:00+09:00', 10).provisional).toBe(false);
    expect(computeDeadline(cal, '2027-03-15T10:00:00+09:00', 10).provisional).toBe(false);
    // The formula says Mon 2028-03-20; announced a day later, Tue 3/21 would be the holiday instead.
    expect(computeDeadline(cal, '2028-03-21T10:00:00+09:00', 0)).toMatchObject({ due: '2028-03-21', provisional: true });
    expect(computeDeadline(cal, '2028-03-22T10:00:00+09:00', 0).provisional).toBe(false);
  });

  it('refuses bad N, missing offsets and arrivals outside the calendar', () => {
    expect(errorOf(() => computeDeadline(cal, '2026-12-25T10:00:00+09:00', -1)).code).toBe('INVALID_DAYS');
    expect(errorOf(() => computeDeadline(cal, '2026-12-25T10:00:00+09:00', 2.5)).code).toBe('INVALID_DAYS');
    expect(errorOf(() => computeDeadline(cal, '2026-12-25T10:00:00', 5)).code).toBe('MISSING_OFFSET');
    expect(errorOf(() => computeDeadline(cal, '1999-12-31T10:00:00+09:00', 5)).code).toBe('OUT_OF_RANGE');
    const beyond = errorOf(() => computeDeadline(cal, '2100-12-27T10:00:00+09:00', 10));
    expect(beyond.code).toBe('OUT_OF_RANGE');
    expect(beyond.message).toMatch(/2100-12-31/);
  });
});

describe('pause and resume', () => {
  it('moves the due date by the business days in (pause date, resume date]', () => {
    // Paused Mon 11/30, resumed Thu 12/03: Tue, Wed, Thu = 3 business days.
    expect(dueAfterPause(cal, '2026-12-10', '2026-11-30', '2026-12-03')).toBe('2026-12-15');
    // Same day, or over a weekend: nothing moves.
    expect(dueAfterPause(cal, '2026-12-10', '2026-11-30', '2026-11-30')).toBe('2026-12-10');
    expect(dueAfterPause(cal, '2026-12-10', '2026-11-27', '2026-11-29')).toBe('2026-12-10');
    // Across the year-end closure: Dec 28 → Jan 5 counts Jan 4 and Jan 5 only.
    expect(dueAfterPause(cal, '2027-01-07', '2026-12-28', '2027-01-05')).toBe('2027-01-12');
    expect(errorOf(() => dueAfterPause(cal, '2026-12-10', '2026-12-03', '2026-11-30')).code).toBe('RESUME_BEFORE_PAUSE');
    // A due date on a closed day (as a caller might pass) moves to the n-th business day after it.
    expect(dueAfterPause(cal, '2026-12-12', '2026-11-30', '2026-12-02')).toBe('2026-12-15');
  });
});

const arrivedAt = '2026-11-25T18:30:00+09:00'; // day 0 Thu 11/26, due Thu 12/10
const at = (t: string) => `2026-${t}+09:00`;

function caseWith(history: DeadlineEvent[]): DeadlineCase {
  return { arrivedAt, days: 10, history };
}

describe('deadline history', () => {
  it('folds pause, resume and extension events into the current due date, keeping every step', () => {
    const history: DeadlineEvent[] = [
      { type: 'pause', at: at('11-30T11:00:00'), reason: 'fee not received' },
      { type: 'resume', at: at('12-03T15:00:00'), reason: 'fee received' },
      { type: 'extend', at: at('12-10T09:00:00'), due: '2026-12-25', reason: 'many records to collect' },
    ];
    const state = foldDeadlineHistory(cal, caseWith(history));
    expect(state).toMatchObject({ start: '2026-11-26', due: '2026-12-25', extended: true, paused: null });
    expect(state.steps.map((s) => s.due)).toEqual(['2026-12-10', '2026-12-15', '2026-12-25']);
  });

  it('reports an open pause without moving the due date yet', () => {
    const state = foldDeadlineHistory(cal, caseWith([{ type: 'pause', at: at('11-30T11:00:00'), reason: 'ID documents' }]));
    expect(state.due).toBe('2026-12-10');
    expect(state.paused).toEqual({ since: at('11-30T11:00:00'), on: '2026-11-30', reason: 'ID documents' });
  });

  it('keeps an extension on the next business day if the desk later closes that day', () => {
    const history: DeadlineEvent[] = [{ type: 'extend', at: at('12-01T09:00:00'), due: '2026-12-24', reason: 'volume' }];
    const closed = buildCalendar({ closures: [{ date: '2026-12-24', reason: 'closed' }] });
    expect(foldDeadlineHistory(cal, caseWith(history)).due).toBe('2026-12-24');
    expect(foldDeadlineHistory(closed, caseWith(history)).due).toBe('2026-12-25');
  });

  it('never lets an extension shorten a deadline that a calendar change has since pushed later', () => {
    const history: DeadlineEvent[] = [{ type: 'extend', at: at('11-27T09:00:00'), due: '2026-12-11', reason: 'volume' }];
    expect(foldDeadlineHistory(cal, caseWith(history)).due).toBe('2026-12-11');
    const training = buildCalendar({
      closures: ['2026-12-01', '2026-12-02', '2026-12-03'].map((date) => ({ date, reason: '研修' })),
    });
    expect(computeDeadline(training, arrivedAt, 10).due).toBe('2026-12-15');
    expect(foldDeadlineHistory(training, caseWith(history)).due).toBe('2026-12-15');
  });

  it('refuses a stored history that validation could never have produced', () => {
    const twice: DeadlineEvent[] = [
      { type: 'pause', at: at('11-30T11:00:00'), reason: 'a' },
      { type: 'pause', at: at('12-01T11:00:00'), reason: 'b' },
    ];
    expect(errorOf(() => foldDeadlineHistory(cal, caseWith(twice))).message).toMatch(/event #2 \(pause/);
    const backwards: DeadlineEvent[] = [
      { type: 'pause', at: at('12-01T11:00:00'), reason: 'a' },
      { type: 'resume', at: at('11-30T11:00:00'), reason: 'b' },
    ];
    expect(errorOf(() => foldDeadlineHistory(cal, caseWith(backwards))).code).toBe('INVALID_HISTORY');
  });
});

describe('recording deadline events', () => {
  const now = at('11-30T11:00:00');

  it('appends a pause recorded now, with a reason', () => {
    const event: DeadlineEvent = { type: 'pause', at: now, reason: '  fee not received ' };
    expect(appendDeadlineEvent(cal, caseWith([]), event, now)).toEqual([{ ...event, reason: 'fee not received' }]);
  });

  it('refuses backdating, future dating, and missing reasons', () => {
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), { type: 'pause', at: at('11-27T11:00:00'), reason: 'x' }, now)).code).toBe(
      'BACKDATED',
    );
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), { type: 'pause', at: at('12-01T11:00:00'), reason: 'x' }, now)).code).toBe(
      'FUTURE_DATED',
    );
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), { type: 'pause', at: now, reason: ' ' }, now)).code).toBe('REASON_REQUIRED');
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), { type: 'pause', at: '2026-11-30T11:00:00', reason: 'x' }, now)).code).toBe(
      'MISSING_OFFSET',
    );
    // Within the clock tolerance (request latency) is fine.
    expect(() => validateDeadlineEvent(cal, caseWith([]), { type: 'pause', at: at('11-30T10:59:30'), reason: 'x' }, now)).not.toThrow();
  });

  it('takes the requester’s reply as a resume’s reason: no typed words needed, the reply kept on its step', () => {
    const paused = caseWith([{ type: 'pause', at: at('11-30T11:00:00'), reason: 'x' }]);
    const reply = { reasonKind: 'requester_reply', inboxId: 7, replyAt: at('11-30T10:59:00') } as const;
    const onReply = { type: 'resume', at: now, reason: '', reply } as const;
    expect(() => validateDeadlineEvent(cal, paused, onReply, now)).not.toThrow();
    const history = appendDeadlineEvent(cal, paused, onReply, now);
    expect(foldDeadlineHistory(cal, caseWith(history)).steps.at(-1)!.event).toEqual(onReply);
    // Without a reply, a resume still needs a person's reason.
    expect(errorOf(() => validateDeadlineEvent(cal, paused, { type: 'resume', at: now, reason: ' ' }, now)).code).toBe('REASON_REQUIRED');
  });

  it('refuses a resume before its pause, a second pause, and a resume without pause', () => {
    const paused = caseWith([{ type: 'pause', at: at('11-30T11:00:00'), reason: 'x' }]);
    const early = { type: 'resume', at: at('11-30T10:59:50'), reason: 'y' } as const;
    expect(errorOf(() => validateDeadlineEvent(cal, paused, early, at('11-30T11:00:10'))).code).toBe('RESUME_BEFORE_PAUSE');
    expect(errorOf(() => validateDeadlineEvent(cal, paused, { type: 'pause', at: now, reason: 'z' }, now)).code).toBe('ALREADY_PAUSED');
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), { type: 'resume', at: now, reason: 'z' }, now)).code).toBe('NOT_PAUSED');
    const resumeAt = at('12-03T15:00:00');
    const resumed = appendDeadlineEvent(cal, paused, { type: 'resume', at: resumeAt, reason: 'fee received' }, resumeAt);
    expect(foldDeadlineHistory(cal, caseWith(resumed)).due).toBe('2026-12-15');
  });

  it('refuses an extension that is not later or falls on a closed day', () => {
    const ext = (due: string) => ({ type: 'extend', at: now, due, reason: 'volume' }) as const;
    expect(errorOf(() => validateDeadlineEvent(cal, caseWith([]), ext('2026-12-10'), now)).code).toBe('EXTENSION_NOT_LATER');
    const closed = errorOf(() => validateDeadlineEvent(cal, caseWith([]), ext('2026-12-29'), now));
    expect(closed.code).toBe('EXTENSION_ON_CLOSED_DAY');
    expect(closed.message).toMatch(/2027-01-04/);
    expect(() => validateDeadlineEvent(cal, caseWith([]), ext('2026-12-11'), now)).not.toThrow();
  });
});

describe('recomputeDueDates', () => {
  it('lists exactly the cases whose due date moved when a closure is added', () => {
    const cases = [
      { id: 'A', arrivedAt: '2026-11-25T18:30:00+09:00', days: 10, history: [] }, // due 12/10, passes 12/01
      { id: 'B', arrivedAt: '2026-12-02T10:00:00+09:00', days: 5, history: [] }, // day 0 12/02: not affected
      {
        id: 'C',
        arrivedAt: '2026-11-20T10:00:00+09:00',
        days: 10,
        history: [{ type: 'extend', at: at('11-27T10:00:00'), due: '2026-12-18', reason: 'volume' }] as DeadlineEvent[],
      }, // extended to a fixed date: not affected
    ];
    const before = cal;
    const after = buildCalendar({ closures: [{ date: '2026-12-01', reason: '社内研修' }] });
    expect(recomputeDueDates(cases, before, after)).toEqual([{ id: 'A', oldDue: '2026-12-10', newDue: '2026-12-11' }]);
    expect(recomputeDueDates(cases, after, before)).toEqual([{ id: 'A', oldDue: '2026-12-11', newDue: '2026-12-10' }]);
    expect(recomputeDueDates(cases, before, buildCalendar())).toEqual([]);
  });
});
