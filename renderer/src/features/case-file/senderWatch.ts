// A case file with a notice in the mail queue goes out of date without any call of this session: the
// sender mails the notice in the background and moves the case (a decision sent → 'notified'), and nothing
// invalidates the session's cache for it. The file watches the sender's counts instead (mail.status: a
// background read, which neither keeps the desk awake nor views personal data) and reads the case again —
// an audited view — only when the sender's state says the file cannot still be right.
import type { CaseFile, MailStatus } from '../../../../electron/contract/index.ts';

/** How often the sender is asked while this file waits for it: often while it is sending, else rarely. */
export const SENDING_POLL_MS = 2_000;
export const IDLE_POLL_MS = 15_000;

export const waitsForSender = (file: CaseFile): boolean => file.owedNotices.some((o) => o.state === 'queued');

/** The counts that move when a message leaves the queue (sent, failed) or joins it. */
export const senderMark = (s: MailStatus): string => `${s.counts.queued}/${s.counts.sending}/${s.counts.sent}/${s.counts.failed}`;

export const senderBusy = (s: MailStatus | undefined): boolean => !!s && (s.sending || (s.counts.queued > 0 && (s.connection === 'online' || s.connection === 'unknown')));

/**
 * Whether to read the case file again, given the sender's state seen after the file was read:
 * the queue is empty (so this case's message left it), or the counts moved since last seen.
 */
export function fileOutdated(input: { file: CaseFile; fileReadAt: number; status: MailStatus; statusAt: number; lastMark: string | null }): boolean {
  if (!waitsForSender(input.file) || input.statusAt < input.fileReadAt) return false;
  if (input.status.counts.queued + input.status.counts.sending === 0) return true;
  return input.lastMark !== null && input.lastMark !== senderMark(input.status);
}
