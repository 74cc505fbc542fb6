// The case file's "send a copy" button (issue 10): offered by the channel the notice did not go by, once,
// while the case is open; by email only when there is an email of it to send.
import { describe, expect, it } from 'vitest';
import type { CaseFile, OwedNotice } from '../../../electron/contract/index.ts';
import { copyChannelOf } from '../../../renderer/src/features/case-file/copyChannel.ts';

const open = { case: { status: 'notified' } } as unknown as CaseFile;
const closed = { case: { status: 'closed' } } as unknown as CaseFile;
const notice = (o: Partial<OwedNotice>): OwedNotice => ({ kind: 'decision', channel: 'mail', state: 'sent', outboxId: 3, deliveredAt: '2026-12-01T00:00:00Z', deliveredBy: 'mail', copies: [], cancellation: null, next: 'none', ...o });

describe('copyChannelOf', () => {
  it('offers a letter copy of a mailed notice, and an email copy of a printed one that has an email', () => {
    expect(copyChannelOf(notice({}), open)).toBe('letter');
    expect(copyChannelOf(notice({ deliveredBy: 'letter', state: 'printed' }), open)).toBe('mail');
  });
  it('offers nothing once the copy exists, for an undelivered notice, a closed case, or a printed notice with no email', () => {
    expect(copyChannelOf(notice({ copies: ['letter'] }), open)).toBeNull();
    expect(copyChannelOf(notice({ deliveredBy: 'letter', copies: ['mail'] }), open)).toBeNull();
    expect(copyChannelOf(notice({ deliveredBy: null, deliveredAt: null, state: 'draft' }), open)).toBeNull();
    expect(copyChannelOf(notice({}), closed)).toBeNull();
    expect(copyChannelOf(notice({ deliveredBy: 'letter', outboxId: null }), open)).toBeNull();
  });
});
