// A notice delivered by email is recorded as facts, not as a sentence (issue 12, migration 0039): the
// notice row points at its outbox message, and the timeline event keeps the address, the Message-ID and
// whether it was sent again after an interrupted send. The screens word them.

/** How a notice went out, beyond the person's input: a printed letter's mode, or the email the sender delivered. */
export interface NoticeDelivery {
  mode?: 'print' | 'pdf';
  mail?: MailDelivery;
}

export interface MailDelivery {
  outboxId: number;
  to: string;
  messageId: string;
  resent: boolean;
}

/** The facts a notice's timeline event keeps about its email (flat: the purge blanks mailTo like a note). */
export function mailEventFacts(mail: MailDelivery | undefined): { mailTo?: string; messageId?: string; resent?: boolean } {
  return mail ? { mailTo: mail.to, messageId: mail.messageId, resent: mail.resent } : {};
}
