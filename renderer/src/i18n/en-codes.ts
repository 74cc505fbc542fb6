// The English words for every code on screen. They start from the contract's English table (the one the
// CLI and logs use, electron/contract/english.ts) and say differently what a screen should: dates and
// amounts formatted for the reader, vocabulary from the catalog's labels, no command-line advice.
import { english, type AuditProblem, type Code, type CodeOf } from '../../../electron/contract/index.ts';
import type { CodeWords, Words } from './codes.ts';
import { pluralForm } from './numbers.ts';

const fromTable = Object.fromEntries(Object.entries(english).map(([code, word]) => [code, (p: never) => (word as (p: never) => string)(p)])) as unknown as CodeWords;

const tries = (w: Words, n: number) => pluralForm(w.locale, n, { one: `${w.number(n)} try`, other: `${w.number(n)} tries` });

const screen: Partial<{ [C in Code]: (p: CodeOf<C>, w: Words) => string }> = {
  UNKNOWN_METHOD: () => 'This version of the desk cannot do that.',
  INTERNAL: () => 'Something went wrong inside the desk; nothing was saved. Try again, and tell your administrator if it happens again.',
  STORED_VALUE_UNREADABLE: (p) => `A value the desk stored (${p.column}) is damaged and could not be read; nothing was changed. Ask your administrator to check the desk and restore from a backup.`,
  DATABASE_DAMAGED: () => 'The case database is damaged and could not be read. Stop using this PC’s desk and ask your administrator to check it and restore from a backup; nothing was changed.',
  DATA_DIR_UNUSABLE: (p) =>
    `The data folder ${p.path} cannot be used: ${{ not_writable: 'it cannot be written (permission denied or read-only)', in_the_way: 'a file of that name is in the way', disk_full: 'the disk is full', other: `system error ${p.system ?? ''}` }[p.cause]}.`,
  AUTH_THROTTLED: (p, w) => `Too many wrong attempts. Try again in ${pluralForm(w.locale, p.seconds, { one: '1 second', other: `${w.number(p.seconds)} seconds` })}.`,
  KINDS_REQUIRED: (p, w) => `Before deciding, choose what the member asks for (${w.kinds(p.type)}).`,
  KIND_NOT_ASKED: () => 'This request type cannot ask for that.',
  CASE_REFERENCE_NOT_FOUND: (p) => `There is no case ${p.reference}. Check the reference, or search the queue.`,
  SAVED_VIEW_NOT_FOUND: () => 'This saved view was not found.',
  CASE_NOT_FOUND: () => 'This case was not found. It may have been removed from the list; reload the queue.',
  // The screen's time is the reader's (10:42), not the ISO instant the CLI prints.
  CASE_CHANGED: (p, w) => `${p.reference} was changed by ${p.byName ?? p.by ?? 'a colleague'} at ${w.dateTime(p.at)} — reload to see it.`,
  SHARED_DESK_UNREACHABLE: () => 'The shared desk cannot be reached. Nothing was lost; the desk tries again by itself.',
  CONNECTION_PROFILE_NO_SLOT: (p) => `This PC is connected to the shared desk, but not yet for ${p.username}. Ask IT staff to connect this PC for you.`,
  CONNECTION_PROFILE_PASSWORD_REFUSED: (p) => `The database server ${p.host} refused the password this PC keeps for the shared desk (it was changed on the server). Ask IT staff to connect this PC again.`,
  CONNECTION_PROFILE_DAMAGED: (p) => `This PC's connection to the shared desk (${p.path}) cannot be read. Nothing was sent to any server. Ask IT staff to connect this PC again.`,
  NOT_FOR_CASE_TYPE: (p, w) => `“${w.label('action', p.action)}” is not something a case of type ${w.label('type', p.type).toLowerCase()} has.`,
  CONVERSION_BEFORE_ARRIVAL: (p, w) => `The request's arrival (${w.dateTime(p.arrivedAt)}) is before the inquiry arrived (${w.dateTime(p.inquiryArrivedAt)}). Enter the time of the mail that asked for it.`,
  DELIVERY_REQUIRED: () => 'Choose electronic delivery or a paper copy.',
  RELATED_CASE_NOT_FOUND: (p) => `The linked case (#${p.id}) was not found.`,
  WRONG_STATUS: (p, w) => `“${w.label('action', p.action)}” cannot be done while the case is ${w.status(p.status).toLowerCase()}.`,
  FEE_UNPAID: (p, w) => `The disclosure fee is not fully paid (${w.yen(p.short)} short of ${w.yen(p.fee)}). Record the payment, or pause the case for the fee.`,
  NOTICE_DOES_NOT_ANSWER: (p, w) => `A ${w.noticeKind(p.kind).toLowerCase()} notice answers a case that is ${w.status(p.needs).toLowerCase()}; this case is ${w.status(p.status).toLowerCase()}.`,
  OUTCOME_NOT_OF_TYPE: (p, w) => `Choose one of the outcomes of a ${w.type(p.type).toLowerCase()} request.`,
  DOCUMENT_DATED_FUTURE: (p, w) => `Document ${w.number(p.index + 1)} is dated in the future (${w.date(p.date)}).`,
  DATE_IN_FUTURE: (p, w) => `${w.date(p.date)} is in the future.`,
  REFUND_TOO_LARGE: (p, w) => `A refund of ${w.yen(p.amount)} is more than the ${w.yen(p.held)} held for this case.`,
  ARRIVAL_IN_FUTURE: (p, w) => `The arrival time ${w.dateTime(p.at)} is in the future. Enter when the request actually arrived.`,
  DEADLINE_RULE: (p, w) => {
    const base = english.DEADLINE_RULE({ code: 'DEADLINE_RULE', problem: p.problem });
    if (p.problem === 'EXTENSION_NOT_LATER' && p.date) return `${base} (${w.date(p.date)}).`;
    if (p.problem === 'EXTENSION_ON_CLOSED_DAY' && p.date) return `${base}, e.g. ${w.date(p.date)}.`;
    return base;
  },
  REPLY_NOT_OFFERED: () => 'That mail is not the requester’s reply to this case since it was paused, so the case cannot resume on it. Open the case again.',
  REPRINT_WITHOUT_ORIGINAL: (p, w) => `No ${w.noticeKind(p.kind).toLowerCase()} notice has been recorded on ${p.reference} yet: record this letter as printed, not as a reprint.`,
  NOTICE_ALREADY_DELIVERED: (p, w) => w.t('noticeRule.NOTICE_ALREADY_DELIVERED', { channel: w.t(`notices.channel.${p.channel}`), time: w.date(p.at.slice(0, 10)) }),
  OWED_NOTICES_UNSENT: (p, w) => w.t('noticeRule.OWED_NOTICES_UNSENT', { kinds: p.kinds.map((k) => w.noticeKind(k)).join(', ') }),
  ACKNOWLEDGEMENT_AFTER_DECISION: (_p, w) => w.t('noticeRule.ACKNOWLEDGEMENT_AFTER_DECISION'),
  ALREADY_RECORDED: (p, w) => `The ${w.noticeKind(p.kind).toLowerCase()} notice of ${p.reference} was already ${p.channel === 'letter' ? 'printed' : 'sent by email'} (${w.date(p.on)}): record this one as a reprint.`,
  MAIL_GAVE_UP: (p, w) => `${enCodes[p.last.code](p.last as never, w).replace(/\.$/, '')} — gave up after ${tries(w, p.after)}.`,
  BACKUP_FILE_TRUNCATED: (p, w) => `The backup's ${p.file} is truncated: it has ${w.number(p.bytes)} of ${w.number(p.expected)} bytes. Use another backup; nothing was restored.`,
  BACKUP_FILE_ALTERED: (p, w) => `The backup's ${p.file} was altered: it has ${w.number(p.bytes)} bytes, not the ${w.number(p.expected)} its manifest records. Use another backup; nothing was restored.`,
  BACKUP_SOURCE_DAMAGED: () => 'The case database could not be read for the backup: a page of it is damaged. Ask your administrator to check it. The desk itself is unchanged, and earlier backups are kept.',
  STALE_CERTIFICATE: (p, w) => w.t('warning.STALE_CERTIFICATE', { documents: w.list(p.documents.map((d) => w.label('document', d))) }),
  FEE_SHORT: (p, w) => w.t('warning.FEE_SHORT', { amount: w.yen(p.amount) }),
  FEE_EXCESS: (p, w) => w.t('warning.FEE_EXCESS', { amount: w.yen(p.amount) }),
  KINDS_NOT_KNOWN: (p, w) => `What the member asks for (${w.kinds(p.type)}) is not known yet. Find out and record it before deciding.`,
  DUE_AFTER_LEGAL_MARK: (p, w) => `The due date (${w.date(p.due)}) is after the two-week mark (${w.date(p.mark)}, APPI Art. 39). From the mark the member may sue for an answer.`,
  NO_CONTACT: () => 'No contact details: the reply cannot be sent. Ask for an email or address (by phone, for instance).',
  DUPLICATE_OF_OPEN_CASE: (p) => `May duplicate open case ${p.reference} (same member, same type).`,
  LEGAL_MARK_NEAR: (p, w) => w.t('warning.LEGAL_MARK_NEAR', { date: w.date(p.date) }),
  LEGAL_MARK_PASSED: (p, w) => w.t('warning.LEGAL_MARK_PASSED', { date: w.date(p.date) }),
  PROVISIONAL_DUE: (p, w) => w.t('warning.PROVISIONAL_DUE', { year: p.checkAfterYear }),
  WINDOW_OVERFLOW: (p, w) => `${p.reference}: ${w.t('letters.windowOverflow', { field: w.t(`letters.windowField.${p.field}`), mm: p.overflowMm.toFixed(1) })}`,
  NO_POSTAL_ADDRESS: (p, w) => w.t('letters.warning.noAddress', { reference: p.reference }),
  // The CLI's words for the audit log's problems follow "row N:"; on screen the row comes first.
  ...(Object.fromEntries(
    (['AUDIT_CHAIN_START', 'AUDIT_CHAIN_LINK', 'AUDIT_SEQ_GAP', 'AUDIT_CONTENT_CHANGED', 'AUDIT_DETAIL_CHANGED', 'AUDIT_REDACTION_UNRECORDED', 'AUDIT_BAD_SIGNATURE', 'AUDIT_UNKNOWN_SIGNER', 'AUDIT_WRONG_SIGNER', 'AUDIT_REVOKED_SIGNER', 'AUDIT_UNSIGNED_ROW'] as const).map((c) => [
      c,
      (p: AuditProblem, w: Words) => `Row ${w.number(p.seq)}: ${english[c](p)}.`,
    ]),
  ) as Partial<CodeWords>),
  DRAFT_CANCELLED: (p) => english.DRAFT_CANCELLED(p),
  BACKUP_PASSWORD_WRONG: (_p, w) => w.t('restore.wrongPassword'),
  BACKUP_RECOVERY_KEY_WRONG: (_p, w) => w.t('restore.wrongKey'),
  REQUEST_FORM_NOT_PDF: (_p, w) => w.t('requestFormPdf.notPdf'),
  REQUEST_FORM_TOO_LARGE: (p, w) => w.t('requestFormPdf.tooLarge', { kb: w.number(Math.ceil(p.bytes / 1024)), limit: w.number(Math.floor(p.limit / 1024)) }),
  TEMPLATE_UNKNOWN_VARIABLE: (p, w) => w.t('noticeTexts.unknownVariable', { name: p.name, allowed: p.allowed.map((n) => `{{${n}}}`).join(' ') }),
};

export const enCodes: CodeWords = { ...fromTable, ...screen } as CodeWords;
