// The one contract between the renderer and the desk: every method's name, input schema, who may call
// it, and (through `Results`) what it returns. Both transports and the preload are built from this table.
import { z } from 'zod';
import * as f from './fields.ts';
import { caseInputs, listInput, memberEmail } from './cases.ts';

/** The auto-lock's allowed range, in minutes: a value outside it is refused with the range, never clamped. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 240 } as const;
import type { BulkOutcome, CaseFile, CreatedCase, DuplicateCandidate, QueuePage } from './case-types.ts';
import { letterInputs, type LetterDocument, type LetterPdfResult, type LetterPrintResult, type ReadyLetter } from './letters.ts';
import { mailInputs } from './mail.ts';
import { noticeSettings } from './notice-delivery.ts';
import { inboxInputs, type CaseThread, type InboxAttachmentContent, type InboxMessage, type InboxPage, type MailboxSettingsView, type MailboxStatus, type MailImportResult } from './inbox.ts';
import { reportInputs, type Report, type ReportCsv, type ReportPack } from './reports.ts';
import { retentionInputs, type PurgePreview, type PurgeResult, type RetentionView } from './retention.ts';
import { viewInputs, type SavedQueueView } from './views.ts';
import { holidayInputs, type HolidayImportPreview, type HolidayImportResult } from './holidays.ts';
import { inquiryInputs, type FilledReply, type ReplyTemplateView, type RequestFormDocument, type RequestFormPdfInfo } from './inquiries.ts';
import type { MailSettingsView, MailStatus, MailTestResult, NoticePreview, NoticeTemplateView, OutboxMessage, OutboxPage } from './mail-types.ts';
import type { AnchorCheck, RekeyResult } from './audit.ts';
import { deskChangesInput, type DeskChanges } from './shared-desk.ts';
import type {
  CalendarChange,
  CalendarYear,
  Account,
  StaffMember,
  BackupResult,
  BackupStatus,
  RestoreResult,
  DeskSettings,
  DeskStatus,
  OneTimePassword,
  SessionUser,
  SetupResult,
} from './types.ts';
import { keysOf } from './records.ts';

/** open: anyone holding the transport; user: a logged-in staff member; supervisor: that role only. */
export type Access = 'open' | 'user' | 'supervisor';

const empty = z.object({}).strict();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');
const businessDays = z.number().int().min(1, 'At least 1 business day.').max(60, 'At most 60 business days.');

export const deskDetails = z
  .object({
    companyJa: f.requiredText(100),
    companyEn: f.requiredText(100),
    deskNameJa: f.requiredText(100),
    deskNameEn: f.requiredText(100),
    postalCode: f.postalCode,
    addressJa: f.requiredText(200),
    addressEn: f.requiredText(200),
    email: f.email,
    phone: f.phone,
  })
  .strict();

export const methods = {
  'desk.status': { access: 'open', input: empty },
  'desk.setup': {
    access: 'open',
    input: z
      .object({
        desk: deskDetails,
        supervisor: z
          .object({ username: f.username, displayName: f.displayName, password: f.newPassword })
          .strict(),
        locale: f.locale.default('ja'),
      })
      .strict(),
  },
  'auth.login': {
    access: 'open',
    input: z
      .object({ username: f.username, password: f.password.pipe(z.string().min(1, 'Enter your password.')) })
      .strict(),
  },
  'auth.recover': {
    access: 'open',
    input: z
      .object({ recoveryKey: f.recoveryKey, username: f.username, newPassword: f.newPassword })
      .strict(),
  },
  'auth.lock': { access: 'open', input: empty },
  'auth.changePassword': {
    access: 'user',
    input: z.object({ currentPassword: f.password, newPassword: f.newPassword }).strict(),
  },
  'session.touch': { access: 'user', input: empty },
  'accounts.list': { access: 'supervisor', input: empty },
  'accounts.directory': { access: 'user', input: empty },
  'accounts.create': {
    access: 'supervisor',
    input: z.object({ username: f.username, displayName: f.displayName, role: f.role }).strict(),
  },
  'accounts.disable': { access: 'supervisor', input: z.object({ username: f.username }).strict() },
  'accounts.reset': { access: 'supervisor', input: z.object({ username: f.username }).strict() },
  /** A disabled account back in use (issue 11): a new one-time password, as at creation. */
  'accounts.enable': { access: 'supervisor', input: z.object({ username: f.username }).strict() },
  'accounts.setRole': { access: 'supervisor', input: z.object({ username: f.username, role: f.role }).strict() },
  /** A new data key now (issue 14): every remaining slot gets it; backups taken before keep the old one. */
  'desk.rekey': { access: 'supervisor', input: empty },
  /** Background: the screens' live refresh on a shared desk (not audited: ids only; does not hold off the idle lock). */
  'desk.changes': { access: 'user', input: deskChangesInput, background: true },
  /** The latest anchors outside the database (backups, printed reports) and whether the log still extends each. */
  'audit.anchors': { access: 'supervisor', input: empty },
  'settings.get': { access: 'user', input: empty },
  'settings.update': {
    access: 'supervisor',
    input: z
      .object({
        desk: deskDetails.optional(),
        idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max).optional(),
        defaultLocale: f.locale.optional(),
        businessHours: z
          .object({ open: hhmm, close: hhmm })
          .strict()
          .refine((h) => h.open < h.close, { message: 'Opening time must be before closing time.', path: ['close'] })
          .optional(),
        daysByType: z
          .object({ disclosure: businessDays, correction: businessDays, suspension: businessDays })
          .strict()
          .optional(),
        /** Reply targets (issue 19): 1–60 business days like a request's N; 0 or 400 is refused. */
        replyTargetDays: z.object({ inquiry: businessDays, complaint: businessDays }).strict().optional(),
        legalMarkWarnDays: z.number().int().min(0).max(14).optional(),
        backup: z
          .object({
            folder: z
              .string()
              .trim()
              .max(1000, 'At most 1000 characters.')
              .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Use a full folder path, e.g. E:\\Backups or /media/usb/backups.')
              .nullable(),
            keep: z.number().int().min(1, 'Keep at least 1 backup.').max(100, 'At most 100 backups.'),
            onLock: z.boolean(),
            daily: z.boolean(),
          })
          .strict()
          .optional(),
        notices: noticeSettings.optional(),
        /** The daily audit-anchor email's recipient, or null to stop it (issue 14). */
        security: z.object({ anchorEmail: memberEmail.nullable() }).strict().optional(),
      })
      .strict(),
  },
  // background: polled by screens on a timer, so never a person's activity (the idle lock ignores it).
  'backup.status': { access: 'user', input: empty, background: true },
  'backup.now': { access: 'supervisor', input: empty },
  'desk.restore': {
    access: 'open',
    input: z
      .object({
        backupPath: z.string().trim().min(1, 'Choose the backup folder (….pdbackup).').max(1000, 'At most 1000 characters.'),
        username: f.username.optional(),
        password: f.password.pipe(z.string().min(1, 'Enter your password.')).optional(),
        recoveryKey: f.recoveryKey.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.password === undefined && v.recoveryKey === undefined) {
          ctx.addIssue({ code: 'custom', message: 'Enter your password, or the recovery key.', path: ['password'] });
        } else if (v.password !== undefined && v.recoveryKey !== undefined) {
          ctx.addIssue({ code: 'custom', message: 'Give a password or the recovery key, not both.', path: ['recoveryKey'] });
        } else if (v.password !== undefined && v.username === undefined) {
          ctx.addIssue({ code: 'custom', message: 'Enter your user name.', path: ['username'] });
        }
      }),
  },
  'calendar.year': { access: 'user', input: z.object({ year: z.number().int().min(2000).max(2100) }).strict() },
  'calendar.setDay': {
    access: 'supervisor',
    input: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-28.'),
        kind: z.enum(['closed', 'open', 'none']),
        reason: f.shortText(200),
        reasonEn: f.shortText(200),
      })
      .strict()
      .refine((d) => d.kind === 'none' || d.reason !== '', { message: 'Give a reason: it is shown on the calendar.', path: ['reason'] }),
  },
  'calendar.previewHolidays': { access: 'supervisor', input: holidayInputs.preview },
  'calendar.importHolidays': { access: 'supervisor', input: holidayInputs.apply },
  'cases.list': { access: 'user', input: listInput },
  'cases.get': { access: 'user', input: caseInputs.get },
  'cases.create': { access: 'user', input: caseInputs.create },
  'cases.findDuplicates': { access: 'user', input: caseInputs.findDuplicates },
  'cases.startReview': { access: 'user', input: caseInputs.startReview },
  'cases.pause': { access: 'user', input: caseInputs.pause },
  'cases.resume': { access: 'user', input: caseInputs.resume },
  'cases.decide': { access: 'user', input: caseInputs.decide },
  'cases.returnForRevision': { access: 'supervisor', input: caseInputs.returnForRevision },
  'cases.approve': { access: 'supervisor', input: caseInputs.approve },
  'cases.withdraw': { access: 'user', input: caseInputs.withdraw },
  'cases.reject': { access: 'user', input: caseInputs.reject },
  'cases.recordNotice': { access: 'user', input: caseInputs.recordNotice },
  'cases.close': { access: 'user', input: caseInputs.close },
  'cases.extend': { access: 'supervisor', input: caseInputs.extend },
  'cases.assign': { access: 'user', input: caseInputs.assign },
  'cases.recordIdentityCheck': { access: 'user', input: caseInputs.recordIdentityCheck },
  'cases.recordFee': { access: 'user', input: caseInputs.recordFee },
  'cases.addNote': { access: 'user', input: caseInputs.addNote },
  'cases.answer': { access: 'user', input: caseInputs.answer },
  'cases.convert': { access: 'user', input: caseInputs.convert },
  'cases.bulkAssign': { access: 'user', input: caseInputs.bulkAssign },
  'cases.bulkStartReview': { access: 'user', input: caseInputs.bulkStartReview },
  'cases.bulkClose': { access: 'user', input: caseInputs.bulkClose },
  'letters.preview': { access: 'user', input: letterInputs.preview },
  'letters.ready': { access: 'user', input: letterInputs.ready },
  'letters.batch': { access: 'user', input: letterInputs.batch },
  'letters.recordPrinted': { access: 'user', input: letterInputs.recordPrinted },
  'letters.print': { access: 'user', input: letterInputs.print },
  'letters.savePdf': { access: 'user', input: letterInputs.savePdf },
  'outbox.list': { access: 'user', input: mailInputs.outboxList },
  'outbox.get': { access: 'user', input: mailInputs.outboxGet },
  'outbox.update': { access: 'user', input: mailInputs.outboxUpdate },
  'outbox.send': { access: 'user', input: mailInputs.outboxSend },
  'outbox.retry': { access: 'user', input: mailInputs.outboxRetry },
  'outbox.cancel': { access: 'user', input: mailInputs.outboxCancel },
  'mail.status': { access: 'user', input: empty, background: true },
  'mail.getSettings': { access: 'supervisor', input: empty },
  'mail.updateSettings': { access: 'supervisor', input: mailInputs.settingsUpdate },
  'mail.sendTest': { access: 'supervisor', input: mailInputs.sendTest },
  'notices.templates': { access: 'user', input: empty },
  'notices.saveTemplate': { access: 'supervisor', input: mailInputs.saveTemplate },
  'inquiries.replyTemplates': { access: 'user', input: inquiryInputs.replyTemplates },
  'inquiries.saveReplyTemplate': { access: 'supervisor', input: inquiryInputs.saveReplyTemplate },
  'inquiries.fillReply': { access: 'user', input: inquiryInputs.fillReply },
  'inquiries.requestForm': { access: 'user', input: inquiryInputs.requestForm },
  'inquiries.requestFormPdf': { access: 'user', input: inquiryInputs.requestFormPdf },
  'inquiries.saveRequestFormPdf': { access: 'supervisor', input: inquiryInputs.saveRequestFormPdf },
  'notices.preview': { access: 'user', input: mailInputs.preview },
  'inbox.list': { access: 'user', input: inboxInputs.list },
  'inbox.get': { access: 'user', input: inboxInputs.get },
  'inbox.attachment': { access: 'user', input: inboxInputs.attachment },
  'inbox.createCase': { access: 'user', input: inboxInputs.createCase },
  'inbox.attach': { access: 'user', input: inboxInputs.attach },
  'inbox.dismiss': { access: 'user', input: inboxInputs.dismiss },
  'inbox.importFiles': { access: 'user', input: inboxInputs.importFiles },
  'inbox.thread': { access: 'user', input: inboxInputs.thread },
  'mailbox.status': { access: 'user', input: empty },
  'mailbox.fetchNow': { access: 'user', input: empty },
  'mailbox.getSettings': { access: 'supervisor', input: empty },
  'mailbox.updateSettings': { access: 'supervisor', input: inboxInputs.settingsUpdate },
  'reports.get': { access: 'user', input: reportInputs.get },
  'reports.pack': { access: 'supervisor', input: reportInputs.pack },
  'reports.csv': { access: 'supervisor', input: reportInputs.csv },
  'retention.get': { access: 'supervisor', input: retentionInputs.get },
  'retention.update': { access: 'supervisor', input: retentionInputs.update },
  'retention.preview': { access: 'supervisor', input: retentionInputs.preview },
  'retention.purge': { access: 'supervisor', input: retentionInputs.purge },
  'retention.setLegalHold': { access: 'supervisor', input: retentionInputs.setLegalHold },
  'views.list': { access: 'user', input: empty },
  'views.save': { access: 'user', input: viewInputs.save },
  'views.remove': { access: 'user', input: viewInputs.remove },
} as const satisfies Record<string, { access: Access; input: z.ZodType; background?: true }>;

export type MethodName = keyof typeof methods;
export const methodNames: MethodName[] = keysOf(methods);

export interface Results {
  'desk.status': DeskStatus;
  'desk.setup': SetupResult;
  'auth.login': SessionUser;
  'auth.recover': SessionUser;
  'auth.lock': null;
  'auth.changePassword': SessionUser;
  'session.touch': { idleLockMinutes: number };
  'accounts.list': Account[];
  'accounts.directory': StaffMember[];
  'accounts.create': OneTimePassword;
  'accounts.disable': null;
  'accounts.reset': OneTimePassword;
  'accounts.enable': OneTimePassword;
  'accounts.setRole': null;
  'desk.rekey': RekeyResult;
  'desk.changes': DeskChanges;
  'audit.anchors': AnchorCheck[];
  'settings.get': DeskSettings;
  'settings.update': DeskSettings;
  'backup.status': BackupStatus;
  'backup.now': BackupResult;
  'desk.restore': RestoreResult;
  'calendar.year': CalendarYear;
  'calendar.setDay': CalendarChange;
  'calendar.previewHolidays': HolidayImportPreview;
  'calendar.importHolidays': HolidayImportResult;
  'cases.list': QueuePage;
  'cases.get': CaseFile;
  'cases.create': CreatedCase;
  'cases.findDuplicates': DuplicateCandidate[];
  'cases.startReview': CaseFile;
  'cases.pause': CaseFile;
  'cases.resume': CaseFile;
  'cases.decide': CaseFile;
  'cases.returnForRevision': CaseFile;
  'cases.approve': CaseFile;
  'cases.withdraw': CaseFile;
  'cases.reject': CaseFile;
  'cases.recordNotice': CaseFile;
  'cases.close': CaseFile;
  'cases.extend': CaseFile;
  'cases.assign': CaseFile;
  'cases.recordIdentityCheck': CaseFile;
  'cases.recordFee': CaseFile;
  'cases.addNote': CaseFile;
  'cases.answer': CaseFile;
  'cases.convert': CaseFile;
  'cases.bulkAssign': BulkOutcome;
  'cases.bulkStartReview': BulkOutcome;
  'cases.bulkClose': BulkOutcome;
  'letters.preview': LetterDocument;
  'letters.ready': ReadyLetter[];
  'letters.batch': LetterDocument;
  'letters.recordPrinted': CaseFile;
  'letters.print': LetterPrintResult;
  'letters.savePdf': LetterPdfResult;
  'outbox.list': OutboxPage;
  'outbox.get': OutboxMessage;
  'outbox.update': OutboxMessage;
  'outbox.send': OutboxMessage;
  'outbox.retry': OutboxMessage;
  'outbox.cancel': OutboxMessage;
  'mail.status': MailStatus;
  'mail.getSettings': MailSettingsView;
  'mail.updateSettings': MailSettingsView;
  'mail.sendTest': MailTestResult;
  'notices.templates': NoticeTemplateView[];
  'notices.saveTemplate': NoticeTemplateView;
  'inquiries.replyTemplates': ReplyTemplateView[];
  'inquiries.saveReplyTemplate': ReplyTemplateView;
  'inquiries.fillReply': FilledReply;
  'inquiries.requestForm': RequestFormDocument;
  'inquiries.requestFormPdf': RequestFormPdfInfo | null;
  'inquiries.saveRequestFormPdf': RequestFormPdfInfo;
  'notices.preview': NoticePreview;
  'inbox.list': InboxPage;
  'inbox.get': InboxMessage;
  'inbox.attachment': InboxAttachmentContent;
  'inbox.createCase': CreatedCase;
  'inbox.attach': InboxMessage;
  'inbox.dismiss': InboxMessage;
  'inbox.importFiles': MailImportResult[];
  'inbox.thread': CaseThread;
  'mailbox.status': MailboxStatus;
  'mailbox.fetchNow': MailboxStatus;
  'mailbox.getSettings': MailboxSettingsView;
  'mailbox.updateSettings': MailboxSettingsView;
  'reports.get': Report;
  'reports.pack': ReportPack;
  'reports.csv': ReportCsv;
  'retention.get': RetentionView;
  'retention.update': RetentionView;
  'retention.preview': PurgePreview;
  'retention.purge': PurgeResult;
  'retention.setLegalHold': null;
  'views.list': SavedQueueView[];
  'views.save': SavedQueueView;
  'views.remove': null;
}

// Every method has a result type and every result type a method: a compile error otherwise.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const _resultsCoverMethods: Exact<keyof Results, MethodName> = true;

export type Input<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;

/** Who calls a method, as its access says: an open method may run locked (no user), any other has one. */
export type SessionFor<M extends MethodName> = (typeof methods)[M]['access'] extends 'open' ? SessionUser | null : SessionUser;

/** The methods whose name starts with `domain.` (one handler map each, electron/core/api/*-handlers.ts). */
export type MethodsOf<D extends string> = Extract<MethodName, `${D}.${string}`>;
