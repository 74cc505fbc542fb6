// Input schemas of the mail and notice methods: the outbox (notices by email, sent when the desk is
// online), the desk's SMTP settings and the editable notice texts. Recipients are checked by the same
// schema as a case's member email (full-width letters and ＠ are normalised first).
import { z } from 'zod';
import { requiredText } from './fields.ts';
import { isOneOf } from './records.ts';
import { caseId, memberEmail } from './cases.ts';
import { noticeKinds, outcomes } from './case-vocabulary.ts';
import { mailServerConnection } from './mail-server.ts';

/**
 * draft ──send──► queued ──(sender claims)──► sending ──(server accepted, marked)──► sent
 *   │               ▲  │                        │
 *   │        retry  │  │ cancel                 ├─ temporary failure (4xx, offline, timeout) ──► queued (later)
 *   │               │  ▼                        ├─ permanent failure (5xx) or tries used up ──► failed
 *   └──cancel──► cancelled ◄──cancel── failed ◄─┘
 */
export const outboxStates = ['draft', 'queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** The longest email body the desk sends: a notice quoting a long request fits; a runaway paste does not. */
export const MAX_MAIL_BODY = 500_000;
export const MAX_MAIL_SUBJECT = 300;
/** The longest notice template text, per language. */
export const MAX_TEMPLATE_TEXT = 20_000;

const outboxId = z.number().int().positive();

export const allOutcomes = [...outcomes.disclosure, ...outcomes.correction, ...outcomes.suspension] as const;

export const mailInputs = {
  outboxList: z
    .object({
      state: z.enum(outboxStates).nullable().default(null),
      caseId: caseId.nullable().default(null),
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(10).max(200).default(50),
    })
    .strict(),
  outboxGet: z.object({ id: outboxId }).strict(),
  outboxUpdate: z
    .object({
      id: outboxId,
      to: memberEmail.optional(),
      subject: z
        .string()
        .max(MAX_MAIL_SUBJECT, `A subject is at most ${MAX_MAIL_SUBJECT} characters.`)
        .refine((s) => !/[\r\n\0]/.test(s), 'The subject must be one line.')
        .transform((s) => s.trim())
        .pipe(z.string().min(1, 'Enter a subject.'))
        .optional(),
      body: z
        .string()
        .max(MAX_MAIL_BODY, 'An email body is at most 500,000 characters: shorten it, or send the notice as a printed letter.')
        .refine((s) => !s.includes('\0'), 'The text contains a NUL character.')
        .refine((s) => s.trim() !== '', 'The email has no text.')
        .optional(),
    })
    .strict()
    .refine((u) => u.to !== undefined || u.subject !== undefined || u.body !== undefined, { message: 'Change the recipient, the subject or the text.', path: ['body'] }),
  /** `copy`: the notice was already delivered (e.g. by letter) and a person confirms sending a copy. */
  outboxSend: z.object({ id: outboxId, copy: z.boolean().default(false) }).strict(),
  outboxRetry: z.object({ id: outboxId }).strict(),
  /** `as: 'superseded'`: an acknowledgement the decision replaced; otherwise the person's own words in `reason`. */
  outboxCancel: z.object({ id: outboxId, reason: z.string().trim().max(500, 'At most 500 characters.').default(''), as: z.enum(['by_staff', 'superseded']).default('by_staff') }).strict(),
  settingsUpdate: z
    .object({
      // An empty host: no mail server; email waits in the outbox. A password of '' means none.
      ...mailServerConnection('smtp.example.co.jp'),
    })
    .strict(),
  sendTest: z.object({ to: memberEmail }).strict(),
  saveTemplate: z
    .object({
      kind: z.enum(noticeKinds),
      /** For a decision notice: the outcome it announces (one template per outcome); null otherwise. */
      outcome: z.string().max(40, 'Choose one of the outcomes.').nullable().default(null),
      ja: requiredText(MAX_TEMPLATE_TEXT),
      en: requiredText(MAX_TEMPLATE_TEXT),
    })
    .strict()
    .superRefine((t, ctx) => {
      if (t.kind === 'decision' && !isOneOf(allOutcomes, t.outcome)) {
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'A decision notice has one text per outcome: choose the outcome.' });
      }
      if (t.kind !== 'decision' && t.outcome !== null) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Only a decision notice has a text per outcome.' });
    }),
  preview: z.object({ caseId, kind: z.enum(noticeKinds) }).strict(),
} as const;
