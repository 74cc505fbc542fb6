// The case file's watch on the mail sender (renderer/src/features/case-file/senderWatch.ts): a file read
// while its decision was queued is read again once the sender's state shows the message has left the queue,
// and not otherwise (every cases.get is an audited view of personal data).
import { describe, expect, it } from 'vitest';
import type { CaseFile, MailStatus, OwedNotice } from '../../../electron/contract/index.ts';
import { fileOutdated, senderMark } from '../../../renderer/src/features/case-file/senderWatch.ts';

const owed = (state: OwedNotice['state']): OwedNotice => ({ kind: 'decision', channel: 'mail', state, outboxId: 1, deliveredAt: null, deliveredBy: null, copies: [], cancellation: null, next: 'none' });
const file = (state: OwedNotice['state']) => ({ case: { id: 1, reference: 'PD-2026-00001' }, owedNotices: [owed(state)] }) as unknown as CaseFile;
const status = (c: Partial<MailStatus['counts']>): MailStatus => ({
  connection: 'online',
  lastContactAt: null,
  lastError: null,
  nextTryAt: null,
  sending: false,
  counts: { draft: 0, queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0, cancelled: 0, ...c },
  oldestQueuedAt: null,
});

describe('fileOutdated', () => {
  it('reads again when the queue emptied after the file was read (the decision went out: notified)', () => {
    expect(fileOutdated({ file: file('queued'), fileReadAt: 100, status: status({ sent: 2 }), statusAt: 200, lastMark: null })).toBe(true);
  });

  it('does not read again on a sender answer older than the file', () => {
    expect(fileOutdated({ file: file('queued'), fileReadAt: 300, status: status({ sent: 2 }), statusAt: 200, lastMark: null })).toBe(false);
  });

  it('waits while the message is still queued, and reads again when the counts move', () => {
    const waiting = status({ queued: 3, sent: 1 });
    expect(fileOutdated({ file: file('queued'), fileReadAt: 100, status: waiting, statusAt: 200, lastMark: null })).toBe(false);
    expect(fileOutdated({ file: file('queued'), fileReadAt: 100, status: waiting, statusAt: 300, lastMark: senderMark(waiting) })).toBe(false);
    expect(fileOutdated({ file: file('queued'), fileReadAt: 100, status: status({ queued: 2, sent: 2 }), statusAt: 400, lastMark: senderMark(waiting) })).toBe(true);
  });

  it('never reads a file again that waits for nothing', () => {
    for (const state of ['draft', 'sent', 'printed', 'bounced', 'cancelled', 'to_prepare'] as const) {
      expect(fileOutdated({ file: file(state), fileReadAt: 100, status: status({}), statusAt: 200, lastMark: '9/9/9/9' })).toBe(false);
    }
  });
});
