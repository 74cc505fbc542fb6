// One notice, one delivery (issue 10): what a case owes its requester, by which channel, in which state,
// and why an unsent email draft was settled. Every reason is a code the renderer words (ja/en).
import { z } from 'zod';
import type { NoticeChannel, NoticeKind } from './case-vocabulary.ts';
import { contactName, nfkc } from './fields.ts';

/** Why an outbox message was cancelled (stored in outbox.cancel_reason; never a sentence). */
export const draftCancelReasons = [
  'delivered_by_letter', // the same notice was printed as a letter: the email would be a second notice
  'superseded', // a newer notice of the same kind replaced it, or a decision replaced an unsent acknowledgement
  'case_closed', // a person closed the case and chose to drop the unsent notices it named
  'withdrawn', // the request was withdrawn
  'rejected', // the request was rejected
  'decision_returned', // the decision it states was sent back
  'by_staff', // a person cancelled it in the Outbox (their words in `note`)
  'other', // a row written before codes (its old text in `note`)
] as const;
export type DraftCancelReason = (typeof draftCancelReasons)[number];

export interface DraftCancellation {
  reason: DraftCancelReason;
  /** Who cancelled it (a person, or whoever's action settled it); null for rows from before issue 10. */
  by: string | null;
  at: string;
  /** Staff's own words when they cancelled it themselves. */
  note: string;
}

/** How a notice reaches the requester: email when they have an address (and did not ask for paper), else a letter. */
export type DeliveryChannel = NoticeChannel;

/** `failed`: the desk's own tries did not get the email to the server; `bounced`: the server took it and the
 * member's server sent it back (a delivery report): the notice was not delivered and is owed again. */
export type OwedNoticeState = 'to_prepare' | 'draft' | 'queued' | 'sent' | 'printed' | 'failed' | 'bounced' | 'cancelled';

/** The next thing to do about a notice, for the case file's "Notices" list. */
export type OwedNoticeNext =
  | 'none' // delivered (or settled by a person)
  | 'review_and_send' // an email draft waits for review in the Outbox
  | 'approve_first' // a decision notice waits for the supervisor's approval
  | 'wait_for_sender' // queued: goes out when the mail server can be reached
  | 'print_letter' // owed on paper: print it from the case file or Letters
  | 'fix_or_print' // the email could not be sent: fix and retry, or print a letter
  | 'send_by_letter' // the email bounced: the notice was not delivered; send it by letter (or correct the address and retry)
  | 'write_draft' // owed by email but no draft exists (it was cancelled): write one or print a letter
  | 'cancel_superseded'; // an acknowledgement still unsent after the decision: a person decides to drop it

export interface OwedNotice {
  kind: NoticeKind;
  /** The channel decided for it (from the requester's preference and contact). */
  channel: DeliveryChannel;
  state: OwedNoticeState;
  /** The latest outbox message for this notice, if any: the case file links to it. */
  outboxId: number | null;
  /** When the notice was recorded as delivered (sent or printed), and how; null while owed. */
  deliveredAt: string | null;
  deliveredBy: DeliveryChannel | null;
  /** Copies a person chose to send by the other channel after delivery. */
  copies: DeliveryChannel[];
  cancellation: DraftCancellation | null;
  next: OwedNoticeNext;
}

/** settings.update `notices`: the bank account digits and numbers arrive full-width from Japanese IMEs. */
export const noticeSettings = z
  .object({
    autoSendAcknowledgements: z.boolean(),
    responsiblePerson: contactName(100),
    feePayment: z
      .object({
        bankName: contactName(60),
        branchName: contactName(60),
        accountType: z.enum(['ordinary', 'current']),
        accountNumber: z
          .string()
          .transform((s) => nfkc(s).replace(/[\s-]/g, ''))
          .pipe(z.string().regex(/^(\d{7})?$/, 'A bank account number is 7 digits, e.g. 1234567.')),
        accountHolder: contactName(60),
        deadlineDays: z.number().int().min(1, 'At least 1 business day.').max(60, 'At most 60 business days.'),
      })
      .strict(),
  })
  .strict();
