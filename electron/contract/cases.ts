// Input schemas of the case methods. Names and addresses typed on Japanese PCs arrive with full-width
// letters, digits and ＠; they are NFKC-normalised before they are checked (DOMAIN.md, issue 4).
import { z } from 'zod';
import { contactName, identifier, kana, nfkc, optionalPostalCode, phone, postalAddress, requiredText, shortText, username, yenAmount } from './fields.ts';
import * as v from './case-vocabulary.ts';
import { reportFilter } from './reports.ts';

/** Longest free text a field takes: a request pasted from a long email fits, a runaway paste does not. */
export const MAX_TEXT = 100_000;
/** An answer's text in one language: a letter's worth, well under the mail body limit. */
export const MAX_MAIL_REPLY = 20_000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-24.');
/** An instant with its offset: 2026-11-24T10:00:00+09:00 or …Z. A time without an offset is ambiguous. */
export const instant = z
  .string()
  .transform((s) => nfkc(s))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'Give the time with its offset, e.g. 2026-11-24T10:00+09:00.')
      .refine((s) => !Number.isNaN(Date.parse(s)), 'That date does not exist.'),
  );

export const memberEmail = z
  .string()
  .transform((s) => nfkc(s).replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .max(254, 'An email address is at most 254 characters.')
      // Plain addresses only: no quoted local parts, comments or display names that mail software
      // would read differently from what the desk shows.
      .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, 'This is not a valid email address (e.g. taro@example.co.jp).')
      .refine((s) => !s.includes('..') && !s.startsWith('.') && !s.split('@')[0]!.endsWith('.'), 'This email address has dots in the wrong place.'),
  );

const personName = contactName(200).pipe(z.string().min(1, 'Enter the name.'));
const optionalEmail = z.union([memberEmail, z.literal('').transform(() => '')]).default('');


export const caseId = z.number().int().positive();

export const intakeInput = z
  .object({
    type: z.enum(v.caseTypes),
    kinds: z.array(z.string()).max(3).default([]),
    channel: z.enum(v.intakeChannels),
    arrivedAt: instant,
    requesterKind: z.enum(v.requesterKinds),
    requesterName: contactName(200).default(''),
    // The representative's or agent's own contact: their notices go there (DOMAIN.md "Requester").
    requesterPostalCode: optionalPostalCode.default(''),
    requesterAddress: postalAddress.default(''),
    requesterEmail: optionalEmail,
    requesterPhone: phone.default(''),
    memberName: personName,
    memberKana: kana(200).optional().default(''),
    memberEmail: optionalEmail,
    memberPostalCode: optionalPostalCode.default(''),
    memberAddress: postalAddress.default(''),
    memberId: identifier(64).optional().default(''),
    requestText: requiredText(MAX_TEXT),
    delivery: z.enum(v.deliveryPreferences).nullable().default(null),
    /** A test or training case: left out of reports, and no mail is ever sent for it. */
    training: z.boolean().default(false),
    /**
     * Issue 19: the case this one is about — a complaint about a decision names that request; a request a
     * member sent after an inquiry (how to make a request) names the inquiry. Shown on both case files.
     */
    relatedCaseId: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    const allowed = v.kindsOfType(c.type);
    const bad = c.kinds.find((k) => !allowed.includes(k));
    if (bad) ctx.addIssue({ code: 'custom', path: ['kinds'], message: `"${bad}" is not something a ${c.type} request can ask for.` });
    // Correction and suspension requests often do not say which sub-kind they ask for: intake takes
    // "not yet known" (no kinds), the case file flags it and deciding requires it (core/cases/actions.ts).
    if (c.type === 'disclosure' && c.delivery === null) ctx.addIssue({ code: 'custom', path: ['delivery'], message: 'Choose electronic delivery or a paper copy.' });
    if (c.requesterKind !== 'member' && c.requesterName === '') ctx.addIssue({ code: 'custom', path: ['requesterName'], message: 'Enter the name of the representative or agent.' });
    // The desk answers the requester: a request nobody can be written to is refused at intake. A question
    // or a complaint (often by phone) is taken in anyway and flagged (NO_CONTACT, core/cases/flags.ts).
    if (v.isContactType(c.type)) return;
    if (c.requesterKind === 'member' && c.memberEmail === '' && c.memberAddress === '') ctx.addIssue({ code: 'custom', path: ['memberEmail'], params: { code: 'NO_CONTACT' }, message: 'Give an email address or a postal address, so the desk can answer.' });
    if (c.requesterKind !== 'member' && c.requesterEmail === '' && c.requesterAddress === '') ctx.addIssue({ code: 'custom', path: ['requesterEmail'], params: { code: 'NO_REQUESTER_CONTACT' }, message: 'Give the representative’s or agent’s email address or postal address: notices about the case go to them.' });
  });

export const queueSortKeys = ['due', 'arrived', 'reference', 'status', 'type', 'member'] as const;
export const savedViews = ['all_open', 'mine', 'due_this_week', 'overdue', 'awaiting_requester', 'closed'] as const;

export const listInput = z
  .object({
    view: z.enum(savedViews).default('all_open'),
    types: z.array(z.enum(v.caseTypes)).default([]),
    statuses: z.array(z.enum(v.caseStatuses)).default([]),
    assignee: z.union([username, z.literal('me'), z.literal('unassigned')]).nullable().default(null),
    dueFrom: isoDate.nullable().default(null),
    dueTo: isoDate.nullable().default(null),
    overdue: z.boolean().default(false),
    paused: z.boolean().nullable().default(null),
    /** Only cases with a notice email not yet sent (a draft, queued, sending or failed). */
    unsentNotice: z.boolean().default(false),
    search: z.string().max(200).transform((s) => s.trim()).default(''),
    sort: z.enum(queueSortKeys).default('due'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
    /** Only the cases behind one report figure (core/reports); the saved view is then ignored. */
    report: reportFilter.nullable().default(null),
  })
  .strict();

const reason = requiredText(2000);
/**
 * Every move names its case, and may name the version the person saw (CaseFile.version): a case changed
 * since — on a shared desk, by a colleague on another PC — is then refused with CASE_CHANGED.
 */
const withId = <T extends z.ZodRawShape>(shape: T) => z.object({ id: caseId, version: z.number().int().positive().optional(), ...shape }).strict();

/** A case reference as the desk numbers them (PD-2026-00042); links and the URL name a case by it. */
export const caseReference = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toUpperCase())
  .pipe(z.string().regex(/^PD-\d{4}-\d{4,6}$/));

export const caseInputs = {
  // By id (from a list) or by reference (a link, the address bar, the command palette).
  get: z
    .object({ id: caseId.optional(), reference: caseReference.optional() })
    .strict()
    .refine((v) => (v.id === undefined) !== (v.reference === undefined), { message: 'Give the case id or its reference, not both.', path: ['id'] }),
  create: intakeInput,
  findDuplicates: z
    .object({
      type: z.enum(v.caseTypes),
      memberName: z.string().max(200).transform(nfkc).default(''),
      memberEmail: z.string().max(254).transform(nfkc).default(''),
    })
    .strict(),
  startReview: withId({}),
  pause: withId({ reasonKind: z.enum(v.pauseReasons), reason }),
  /**
   * On a person's own note (`reason`), or on the requester's reply the case's correspondence offers
   * (`reasonKind: 'requester_reply'` and its Inbox id): the desk then records which mail and when it came,
   * as facts the screens word (case-types.ts ResumedOnReply), never a sentence in the clicker's language.
   */
  resume: z.discriminatedUnion('reasonKind', [
    withId({ reasonKind: z.literal('note').default('note'), reason }),
    withId({ reasonKind: z.literal('requester_reply'), inboxId: z.number().int().positive() }),
  ]),
  decide: withId({
    /** What the member asks for, when intake did not know it (required then for a correction or suspension). */
    kinds: z.array(z.string()).max(3).optional(),
    outcome: z.string().max(40, 'Choose one of the outcomes.'),
    grounds: z.array(z.enum(v.disclosureGrounds)).default([]),
    reasoning: shortText(MAX_TEXT).default(''),
    alternativeMeasure: shortText(MAX_TEXT).default(''),
  }),
  returnForRevision: withId({ reason }),
  approve: withId({}),
  /**
   * `written`: the member's own written withdrawal is on file, and the case is withdrawn at once.
   * Without it the desk records the withdrawal on the member's behalf, which is a final answer like a
   * rejection: it is proposed, and a supervisor who did not propose it approves it (four eyes).
   */
  withdraw: withId({ reason, written: z.boolean().default(false) }),
  reject: withId({ ground: z.enum(v.rejectionGrounds), reason }),
  recordNotice: withId({
    kind: z.enum(v.noticeKinds),
    channel: z.enum(v.noticeChannels),
    note: shortText(2000).default(''),
    /** The notice was already delivered by the other channel: a person confirms this is a copy. */
    copy: z.boolean().default(false),
  }),
  /** `dropUnsent`: a person confirmed that the unsent notices the refusal named are dropped (recorded). */
  close: withId({ dropUnsent: z.boolean().default(false) }),
  extend: withId({ due: isoDate, reason }),
  assign: withId({ assignee: username.nullable() }),
  recordIdentityCheck: withId({
    verified: z.boolean(),
    documents: z
      .array(z.object({ type: z.enum(v.identityDocumentTypes), issuedOn: isoDate.nullable().default(null), note: shortText(500).default('') }).strict())
      .min(1, 'List at least one document that was seen.')
      .max(10),
    note: shortText(2000).default(''),
  }),
  recordFee: withId({
    kind: z.enum(['payment', 'refund']),
    method: z.enum(v.feeMethods),
    amount: yenAmount,
    receivedOn: isoDate,
    note: shortText(500).default(''),
  }),
  addNote: withId({ text: requiredText(MAX_TEXT) }),
  /**
   * Issue 19: answer an inquiry or complaint with a reply template (filled from the policy and the desk's
   * settings, then edited). An inquiry's reply is drafted at once; a complaint's waits for a supervisor.
   */
  answer: withId({
    template: z.enum(v.replyTemplates),
    ja: requiredText(MAX_MAIL_REPLY),
    en: shortText(MAX_MAIL_REPLY).default(''),
  }),
  /**
   * Issue 19: "this is a request" — an inquiry becomes a disclosure, correction or suspension, keeping its
   * reference, thread and arrival; `arrivedAt` is the date of the mail that asked for it when that was a
   * later one. The deadline becomes the request type's.
   */
  convert: withId({
    type: z.enum(v.requestTypes),
    kinds: z.array(z.string()).max(3).default([]),
    delivery: z.enum(v.deliveryPreferences).nullable().default(null),
    arrivedAt: instant.nullable().default(null),
  }),
  bulkAssign: z.object({ ids: z.array(caseId).min(1).max(1000), assignee: username.nullable() }).strict(),
  bulkStartReview: z.object({ ids: z.array(caseId).min(1).max(1000) }).strict(),
  bulkClose: z.object({ ids: z.array(caseId).min(1).max(1000) }).strict(),
} as const;
