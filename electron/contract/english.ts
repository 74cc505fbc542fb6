// The one English wording of every code, for the people who read English at the desk's edges: IT staff
// at the command line (electron/cli) and the `message` of an error in logs and test output. Screens never
// show it: the renderer words codes from its own ja/en catalogs. A code without a line here fails tsc.
import { codeCategory, type Code, type CodeOf, type Coded, type MailFailure, type Reason, type SendRefusal } from './codes.ts';
import type { DeskErrorData } from './errors.ts';
import type { AuditProblem } from './audit.ts';
import type { CaseStatus } from './case-vocabulary.ts';
import { holidayEnglish } from './english-holidays.ts';

type EnglishTable = { [C in Code]: (p: CodeOf<C>) => string };

const STATUS: Record<CaseStatus, string> = {
  received: 'received',
  awaiting_requester: 'waiting for the requester',
  in_review: 'in review',
  decided: 'decided (waiting for approval)',
  approved: 'approved',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
  notified: 'notified',
  closed: 'closed',
};

const MAIL_STATE = { draft: 'a draft', queued: 'queued', sending: 'being sent right now', sent: 'already sent', failed: 'failed', bounced: 'sent back by the member’s mail server', cancelled: 'cancelled' } as const;
const MAIL_VERB = { edit: 'edited', send: 'sent from here (only a draft is sent; a failed message is retried)', retry: 'retried (only a failed message is)', cancel: 'cancelled' } as const;
const UNREACHABLE: Record<Extract<MailFailure, { code: 'SMTP_UNREACHABLE' }>['cause'], string> = {
  refused: 'connection refused',
  not_found: 'host name not found',
  lookup_failed: 'the host name could not be looked up',
  no_network: 'no network',
  no_route: 'no route to the server',
  server_down: 'the server is down',
  no_address: 'no network address',
  reset: 'the connection was reset',
  no_answer: 'no answer to the connection',
  no_connection: 'no connection',
};
const CALENDAR: Record<CodeOf<'DEADLINE_RULE'>['problem'], string> = {
  INVALID_DATE: 'That is not a real date.',
  INVALID_INSTANT: 'That is not a valid date and time.',
  MISSING_OFFSET: 'The time has no UTC offset.',
  OUT_OF_RANGE: 'That date is outside the supported calendar.',
  INVALID_DAYS: 'The number of days must be a whole number 0 or more.',
  INVALID_RULES: 'The desk calendar rules are malformed or contradictory.',
  INVALID_HISTORY: 'The stored deadline history of this case is inconsistent.',
  REASON_REQUIRED: 'Give a reason.',
  BACKDATED: 'This is recorded when it happens and cannot be backdated.',
  FUTURE_DATED: 'This cannot be recorded in the future.',
  OUT_OF_ORDER: 'This would be earlier than the last recorded event.',
  RESUME_BEFORE_PAUSE: 'A case resumes after it was paused.',
  ALREADY_PAUSED: 'The case is already paused: resume it first.',
  NOT_PAUSED: 'The case is not paused, so there is nothing to resume.',
  EXTENSION_NOT_LATER: 'An extension must set a due date after the current one',
  EXTENSION_ON_CLOSED_DAY: 'The desk is closed on that day: choose a business day',
};
const UNCHANGED = 'The desk itself is unchanged, and earlier backups are kept.';
const NOTHING_RESTORED = 'Use another backup; nothing was restored.';

const sendRefusal = (p: SendRefusal): string => {
  switch (p.code) {
    case 'NEEDS_APPROVAL':
      return 'The decision (or the answer to a complaint) must be approved by a supervisor before it goes out.';
    case 'CASE_CLOSED_NO_SEND':
      return 'The case is closed: its notices can no longer be sent. Cancel this message.';
    case 'DECISION_SUPERSEDED':
      return 'The decision this notice states is no longer in force (the case was sent back or changed). Cancel this message.';
    case 'NOTICE_DOES_NOT_ANSWER':
      return `A ${p.kind} notice answers a ${p.needs} case; this case is ${STATUS[p.status]}.`;
    case 'ACKNOWLEDGEMENT_AFTER_DECISION':
      return 'The request has been decided: this acknowledgement would arrive after the answer. Cancel it as superseded.';
  }
};

export const english: EnglishTable = {
  SHARED_DESK_URL_INVALID: (p) =>
    p.problem === 'password_in_url'
      ? 'The database URL must not contain a password: give it in PRIVACY_DESK_DATABASE_PASSWORD or at the prompt.'
      : `The database URL is not postgres://USER@HOST[:PORT]/DATABASE (${p.problem === 'parameter' ? `unknown parameter ${p.parameter}` : `check the ${p.problem}`}).`,
  SHARED_DESK_TLS_REQUIRED: (p) => `${p.host} is not this PC: the connection must use TLS with certificate verification (add ?sslmode=verify-full&sslrootcert=CA-FILE). Nothing was sent.`,
  SHARED_DESK_CA_UNREADABLE: (p) => `The CA certificate file ${p.path} cannot be read.`,
  SHARED_DESK_PASSWORD_MISSING: () => 'No database password: set PRIVACY_DESK_DATABASE_PASSWORD or type it at the prompt.',
  SHARED_DESK_HOST_UNKNOWN: (p) => `The database server ${p.host} is not known (check the host name in the URL).`,
  SHARED_DESK_UNREACHABLE: (p) => `The shared desk cannot be reached (${p.host}:${p.port} does not answer). Nothing was lost; the desk tries again by itself.`,
  SHARED_DESK_AUTH_FAILED: (p) => `The database server ${p.host} refused user ${p.user}: the database password is wrong.`,
  SHARED_DESK_TLS_FAILED: (p) => (p.cause === 'refused' ? `The database server ${p.host} does not offer TLS: the connection was refused.` : `The database server ${p.host}'s certificate does not verify against the CA file: the connection was refused.`),
  SHARED_DESK_NOT_A_DESK: (p) => `The database ${p.database} holds tables but is not a Privacy Desk. Nothing was written to it.`,
  SHARED_DESK_SECRET_UNREADABLE: (p) =>
    `The ${{ 'audit_keys.private_key': "desk's audit signing key", 'mail_settings.password': 'mail server password', 'mailbox_settings.password': 'mailbox password' }[p.column]} stored on the shared desk's server does not open with this desk's key: it was changed on the server. Nothing was sent or signed; ask your administrator.`,
  SHARED_DESK_UNSUPPORTED: (p) => `This works on a local desk only (${p.operation === 'rekey' ? 're-keying the database file' : 'restoring into this data folder'}), not on a shared desk.`,
  SHARED_DESK_COPY_MISMATCH: (p) =>
    `The copy of table ${p.table} ${{ table_missing: 'has no counterpart on the other side', columns: 'has different columns on the other side', target_not_empty: 'found rows already in the target', rows: 'does not match its source' }[p.problem]}. Nothing of the copy was kept; the source is unchanged.`,
  SHARED_DESK_MOVE_TARGET_HAS_DESK: (p) => `The database ${p.database} already holds a desk: it is never overwritten. Give an empty database.`,
  CONNECTION_PROFILE_NO_SLOT: (p) =>
    `This PC is connected to the shared desk, but not yet for ${p.username}: IT staff run \`npm run desk -- connect --user ${p.username}\` on this PC once (it asks for the database password and ${p.username}'s password).`,
  CONNECTION_PROFILE_PASSWORD_REFUSED: (p) =>
    `The database server ${p.host} refused user ${p.user} with the database password this PC keeps (it was changed on the server). IT staff connect this PC again (npm run desk -- connect).`,
  CONNECTION_PROFILE_DAMAGED: (p) => `This PC's connection to the shared desk (${p.path}) cannot be read. Nothing was sent to any server. IT staff connect this PC again (npm run desk -- disconnect, then connect).`,
  DESK_MOVED_TO_SERVER: (p) => `This desk was moved to the shared desk ${p.to} at ${p.at}. It is kept as it was then; work on the shared desk.`,
  CASE_CHANGED: (p) => `${p.reference} was changed by ${p.byName ?? p.by ?? 'someone'} at ${p.at} — reload to see it.`,
  ...holidayEnglish,
  INVALID_INPUT: () => 'The input is not valid.',
  UNKNOWN_METHOD: (p) => `There is no method named ${p.method}.`,
  SUPERVISOR_ONLY: () => 'Only a supervisor can do this.',
  FORBIDDEN: () => 'This is not allowed.',
  LOCKED: () => 'The desk is locked. Log in to continue.',
  DESK_CLOSED: () => 'The desk has been closed.',
  PASSWORD_CHANGE_REQUIRED: () => 'Choose a new password before you continue.',
  INTERNAL: () => 'Something went wrong inside the desk; nothing was saved. Try again, and tell IT if it happens again.',
  STORED_VALUE_UNREADABLE: (p) => `A value the desk stored (${p.column}) is damaged and could not be read; nothing was changed. Run “desk db check”, and restore from a backup if it reports damage.`,
  DATABASE_DAMAGED: () => 'The case database is damaged and could not be read. Stop using this PC’s desk, run “desk db check”, and restore from a backup; nothing was changed.',
  FOREIGN_SENDER: () => 'This window is not allowed to use the desk. Close it and use the Privacy Desk window.',
  NO_ANSWER: () => 'The desk did not answer. Restart Privacy Desk; if it happens again, call your administrator.',
  UNREACHABLE: () => 'The desk service cannot be reached. Check that Privacy Desk is running, then reload this page.',
  NO_TOKEN: () => 'This page has no connection key. Open the address Privacy Desk printed (with #token=…) as it is.',
  BAD_ANSWER: (p) => `The desk service answered with HTTP ${p.status} and no result.`,
  BAD_TOKEN: () => 'This page was not opened with the desk’s launch link. Open the link printed when the desk started.',
  FOREIGN_HOST: () => 'Requests must be addressed to 127.0.0.1.',
  CROSS_ORIGIN: () => 'Cross-origin calls are refused.',
  POST_ONLY: () => 'Use POST for API calls.',
  JSON_ONLY: () => 'API calls must send JSON.',
  REQUEST_TOO_LARGE: (p) => `The request is larger than ${p.megabytes} MB.`,
  REQUEST_NOT_JSON: () => 'The request body is not valid JSON.',
  PRINT_FAILED: () => 'The letters could not be printed. Check the printer and try again; if it keeps failing, save them as a PDF instead.',
  PDF_FAILED: () => 'The PDF could not be written. Choose another folder (one you can write to) and try again.',
  NOT_SET_UP: () => 'There is no desk in this data folder yet. Set one up first.',
  ALREADY_SET_UP: () => 'This data folder already holds a desk. Log in instead; set-up never overwrites a desk.',
  DESK_INCOMPLETE: (p) => `This desk is incomplete: ${p.missing} is missing. Restore it from a backup; nothing was changed or deleted.`,
  DATABASE_KEY_MISMATCH: (p) => `The case database ${p.path} does not match its key-slot file (or is damaged). Restore both from the same backup; nothing was changed.`,
  DATABASE_UNREADABLE: (p) => `The case database ${p.path} cannot be read: ${p.detail}`,
  DESK_TOO_NEW: (p) => `This desk was written by a newer version of Privacy Desk (unknown changes: ${p.migrations.join(', ')}). Install the newer version.`,
  KEYSLOTS_MISSING: (p) => `The key-slot file ${p.path} is missing, so the desk cannot be unlocked. Restore it from a backup of this desk.`,
  KEYSLOTS_DAMAGED: (p) => `The key-slot file ${p.path} is damaged or from an unknown version. Restore it from a backup; nothing was changed.`,
  NO_RECOVERY_SLOT: () => 'This desk has no recovery slot in its key-slot file. Restore the key-slot file from a backup.',
  DATA_DIR_UNUSABLE: (p) => {
    const why = { not_writable: 'it cannot be written (permission denied or read-only)', in_the_way: 'a file of that name is in the way', disk_full: 'the disk is full', other: `the system said ${p.system ?? 'unknown error'}` }[p.cause];
    return `The data folder ${p.path} cannot be used: ${why}. Choose another folder with --data-dir or fix the folder.`;
  },
  DATA_DIR_BUSY: (p) =>
    p.pid !== undefined
      ? `Another Privacy Desk (process ${p.pid} on ${p.host}, started ${p.since}) is using the data folder ${p.path}. Close it first, or choose another folder with --data-dir.`
      : `The data folder ${p.path} is being locked by another process right now. Try again.`,
  AUTH_FAILED: () => 'The user name or password is wrong.',
  RECOVERY_KEY_WRONG: () => 'That recovery key does not unlock this desk. Check each group of four.',
  AUTH_THROTTLED: (p) => `Too many wrong attempts. Try again in ${p.seconds} seconds.`,
  ACCOUNT_DISABLED: () => 'This account is disabled. Ask a supervisor to reset it.',
  ACCOUNT_NOT_FOUND: (p) => `There is no account named ${p.username}.`,
  SUPERVISOR_NOT_FOUND: (p) => `There is no supervisor account named ${p.username}.`,
  ACCOUNT_EXISTS: (p) => `An account named ${p.username} already exists. Choose another user name, or reset that account.`,
  CANNOT_RESET_SELF: () => 'You cannot reset your own account; change your password instead.',
  CANNOT_DISABLE_SELF: () => 'You cannot disable your own account.',
  LAST_SUPERVISOR: () => 'This is the last active supervisor; add another supervisor first.',
  CANNOT_CHANGE_OWN_ROLE: () => 'You cannot change your own role; ask another supervisor.',
  ACCOUNT_NOT_DISABLED: (p) => `The account ${p.username} is not disabled.`,
  CURRENT_PASSWORD_WRONG: () => 'The current password is wrong.',
  PASSWORD_UNCHANGED: () => 'Choose a password different from the current one.',
  KINDS_REQUIRED: (p) => `Record what the member asks for (the ${p.type} request's sub-kind) before deciding.`,
  KIND_NOT_ASKED: (p) => `"${p.kind}" is not something a ${p.type} request can ask for.`,
  CASE_REFERENCE_NOT_FOUND: (p) => `There is no case ${p.reference}. Check the reference, or search the queue.`,
  SAVED_VIEW_NOT_FOUND: () => 'There is no such saved view.',
  CASE_NOT_FOUND: (p) => `There is no case with id ${p.id}. It may have been removed from the list; reload the queue.`,
  WRONG_STATUS: (p) => `This cannot be done while the case is ${STATUS[p.status]}.`,
  IDENTITY_NOT_VERIFIED: () => 'Record a successful identity check before deciding.',
  FEE_UNPAID: (p) => `The disclosure fee is not fully paid (¥${p.short} short of ¥${p.fee}). Record the payment, or pause the case for the fee.`,
  FOUR_EYES: () => 'The person who decided a case cannot approve it: another supervisor must (four eyes).',
  NOTICE_NOT_RECORDED: () => 'A case is closed only after its notice is recorded as sent or printed.',
  NEEDS_APPROVAL: sendRefusal,
  CASE_CLOSED_NO_SEND: sendRefusal,
  DECISION_SUPERSEDED: sendRefusal,
  NOTICE_DOES_NOT_ANSWER: sendRefusal,
  OUTCOME_NOT_OF_TYPE: (p) => `Choose one of the outcomes of a ${p.type} request.`,
  GROUNDS_REQUIRED: () => 'A partial or refused disclosure must cite at least one ground of Article 6.',
  GROUNDS_DISCLOSURE_ONLY: () => 'Article 6 grounds apply to disclosures only.',
  ALTERNATIVE_MEASURE_REQUIRED: () => 'Describe the alternative measure taken.',
  REASONS_REQUIRED: () => 'Explain the reasons: the member is told why.',
  DEADLINE_RULE: (p) => `${CALENDAR[p.problem]}${p.date ? ` (${p.date})` : ''}`,
  REPLY_NOT_OFFERED: (p) => `Mail ${p.inboxId} is not the requester's reply to this case since it was paused: the case cannot resume on it.`,
  NO_ACTIVE_ACCOUNT: (p) => `There is no active account named ${p.username}.`,
  DOCUMENT_DATED_FUTURE: (p) => `Document ${p.index + 1} is dated in the future (${p.date}).`,
  NOT_FOR_CASE_TYPE: (p) => `A case of type ${p.type} has no "${p.action}" move.`,
  CONVERSION_BEFORE_ARRIVAL: (p) => `The request's arrival (${p.arrivedAt}) is before the inquiry arrived (${p.inquiryArrivedAt}): give the time of the mail that asked for it.`,
  DELIVERY_REQUIRED: () => 'Choose electronic delivery or a paper copy for the disclosure.',
  RELATED_CASE_NOT_FOUND: (p) => `There is no case with id ${p.id} to link to.`,
  FEE_DISCLOSURE_ONLY: () => 'Only a disclosure request has a fee (Article 6); correction and suspension are free.',
  DATE_IN_FUTURE: (p) => `The date ${p.date} is in the future.`,
  REFUND_TOO_LARGE: (p) => `A refund of ¥${p.amount} is more than the ¥${p.held} held for this case.`,
  ARRIVAL_IN_FUTURE: (p) => `The arrival time ${p.at} is in the future. Enter when the request actually arrived.`,
  DEMO_DESK_NOT_EMPTY: () => 'This desk already has cases: demo cases are only added to an empty desk.',
  NOTHING_OUTSTANDING: () => 'Nothing is outstanding on this case (identity verified, fee paid): there is nothing to ask the member for.',
  NO_DECISION_YET: () => 'This case has no decision yet: decide it before its decision notice is written.',
  NOT_WITHDRAWN: () => 'This case was not withdrawn.',
  NOT_REJECTED: () => 'This case was not rejected.',
  NOT_EXTENDED: () => 'The due date of this case has not been extended.',
  TEMPLATE_BRACES: (p) =>
    ({
      stray_close: `There is a "}}" without a "{{" before it (line ${p.line}). Write variables as {{name}}.`,
      unclosed: `A "{{" is not closed by "}}" (line ${p.line}). Write variables as {{name}}.`,
      nested: `A "{{" is not closed before the next "{{" (line ${p.line}). Write variables as {{name}}.`,
      not_a_name: `"{{${p.text ?? ''}}}" (line ${p.line}) is not a variable: a variable is a name in letters and digits, e.g. {{reference}}.`,
    })[p.problem],
  REQUEST_FORM_NOT_PDF: () => 'This file is not a PDF. Save the request form from the Letters screen as a PDF and choose that file.',
  REQUEST_FORM_TOO_LARGE: (p) => `The PDF is ${Math.ceil(p.bytes / 1024)} KB; the desk sends at most ${Math.floor(p.limit / 1024)} KB with a mail.`,
  TEMPLATE_UNKNOWN_VARIABLE: (p) => `Unknown variable {{${p.name}}}. This notice can use: ${p.allowed.map((n) => `{{${n}}}`).join(', ')}.`,
  REPRINT_WITHOUT_ORIGINAL: (p) => `No ${p.kind} notice has been recorded on ${p.reference} yet: record this letter as printed, not as a reprint.`,
  NOTICE_ALREADY_DELIVERED: (p) => `The ${p.kind} notice was already delivered (${p.channel}, ${p.at.slice(0, 10)}): deliver it again only as a copy.`,
  OWED_NOTICES_UNSENT: (p) => `Notices owed and not sent: ${p.kinds.join(', ')}. Confirm to close without sending them.`,
  ACKNOWLEDGEMENT_AFTER_DECISION: sendRefusal,
  ALREADY_RECORDED: (p) => `The ${p.kind} notice of ${p.reference} was already ${p.channel === 'letter' ? 'printed' : 'sent by email'} (${p.on}): record this one as a reprint.`,
  DESKTOP_ONLY: () => 'Printing and saving PDFs directly works in the Privacy Desk desktop app. In the browser, open the letter preview and use the browser’s Print (Ctrl+P or ⌘P), which can also save a PDF.',
  INBOX_MESSAGE_NOT_FOUND: (p) => `There is no incoming mail with id ${p.id}.`,
  INBOX_ATTACHMENT_NOT_FOUND: (p) => `Mail ${p.id} has no attachment ${p.attachmentId}.`,
  INBOX_ALREADY_ATTACHED: () => 'This mail is already part of a case.',
  OUTBOX_MESSAGE_NOT_FOUND: (p) => `There is no message ${p.id} in the outbox. Reload the outbox.`,
  MESSAGE_WRONG_STATE: (p) => `This message is ${MAIL_STATE[p.state]}: it cannot be ${MAIL_VERB[p.action]}.`,
  RECIPIENT_INVALID: (p) => `The recipient ${JSON.stringify(p.to.slice(0, 80))} is not a valid email address: correct it first.`,
  SMTP_AUTH: (p) => `The mail server refused the user name or password (${p.response || 'no reason given'}). Check them in the mail settings.`,
  SMTP_REJECTED: (p) => `The mail server refused the message: ${p.response || p.responseCode}.`,
  SMTP_LATER: (p) => `The mail server asked to try again later: ${p.response || p.responseCode}.`,
  SMTP_UNREACHABLE: (p) => `The mail server ${p.server} cannot be reached (${UNREACHABLE[p.cause]}).`,
  SMTP_TIMEOUT: (p) => `The mail server ${p.server} did not answer in time (${p.phase === 'greeting' ? 'it accepted the connection but never greeted' : 'it stopped answering'}).`,
  SMTP_TLS: (p) => `The secure connection (TLS) to the mail server ${p.server} failed: ${p.detail}.`,
  SMTP_CONNECTION: (p) => `The connection to the mail server ${p.server} failed: ${p.detail}.`,
  SMTP_HANDOVER: (p) => `The message could not be handed to the mail server (${p.system}).`,
  MAIL_NOT_CONFIGURED: () => 'No mail server is set up yet: enter its host name and port first.',
  MAIL_GAVE_UP: (p) => `${english[p.last.code](p.last as never).replace(/\.$/, '')} — gave up after ${p.after} tries.`,
  MAIL_RECIPIENT_INVALID: () => 'The recipient is not a valid email address, so the message was not sent. Correct it and retry.',
  MAIL_HEADER_LINE_BREAK: (p) => `The ${p.what} contains a line break, so the message was not sent. Edit it and retry.`,
  MAIL_SENDER_ADDRESS_INVALID: (p) => `The desk's sender address (${p.address.slice(0, 80)}) is not a valid email address: correct it in the desk details.`,
  MAIL_BOUNCED: (p) => `The member's mail server returned the notice as not delivered (${`${p.status} ${p.diagnostic}`.trim()}).`,
  MAIL_NO_MESSAGE_ID: () => 'The message has no valid Message-ID, so it was not sent.',
  MAIL_FAILED_EARLIER: () => 'The mail server did not take this message (recorded by an earlier version of the desk).',
  STATUS_UNCHANGED_EARLIER: () => 'The case had moved on when this email went out, so its status was left as it was (recorded by an earlier version of the desk).',
  NOT_A_DATE: (p) => `${p.date} is not a real date.`,
  BACKUP_FOLDER_NOT_SET: () => 'No backup folder is set yet. A supervisor chooses one in Settings (a USB drive or a network folder, not this PC’s own disk).',
  BACKUP_FOLDER_MISSING: (p) => `The backup folder ${p.folder} does not exist or is not a folder (is the drive connected?). ${UNCHANGED}`,
  BACKUP_FOLDER_VANISHED: (p) => `The backup folder ${p.folder} disappeared during the backup (was the drive removed or the network share lost?). ${UNCHANGED}`,
  DISK_FULL: (p) => `The disk is full: nothing was saved. Free space on the disk of ${p.folder} and try again.`,
  FOLDER_NOT_WRITABLE: (p) => `The backup folder ${p.folder} cannot be written (permission denied or read-only). ${UNCHANGED}`,
  FOLDER_CHANGED: (p) => `The backup folder ${p.folder} changed during the backup (a folder being written was removed). ${UNCHANGED}`,
  FOLDER_IO_ERROR: (p) => `Writing to the backup folder ${p.folder} failed with an input/output error (is the drive failing or was it removed?). ${UNCHANGED}`,
  BACKUP_SOURCE_DAMAGED: () => `The case database could not be read for the backup: a page of it is damaged. Run “desk db check”. ${UNCHANGED}`,
  TOO_MANY_BACKUPS_THIS_SECOND: (p) => `The backup folder ${p.folder} already holds too many backups of this second. ${UNCHANGED}`,
  ACCOUNTS_KEPT_CHANGING: () => `Staff accounts kept changing during the backup; it will be tried again. ${UNCHANGED}`,
  BACKUP_FAILED: (p) => `The backup could not be written to ${p.folder} (the system said ${p.system}). ${UNCHANGED}`,
  BACKUP_FAILED_EARLIER: () => 'The last backup failed; take one now to see why.',
  NO_BACKUP_AT: (p) => `There is no backup at ${p.path}.`,
  NOT_A_BACKUP_FOLDER: (p) => `${p.path} is not a backup folder: choose the folder whose name ends in .pdbackup.`,
  MANIFEST_MISSING: (p) => `${p.path} is not a complete Privacy Desk backup: its manifest.json is missing.`,
  MANIFEST_DAMAGED: () => `The backup's manifest.json is damaged or from an unknown version of Privacy Desk. ${NOTHING_RESTORED}`,
  BACKUP_FILE_MISSING: (p) => `The backup is incomplete: its ${p.file} is missing. ${NOTHING_RESTORED}`,
  BACKUP_FILE_TRUNCATED: (p) => `The backup's ${p.file} is truncated: it has ${p.bytes.toLocaleString('en-US')} of ${p.expected.toLocaleString('en-US')} bytes. ${NOTHING_RESTORED}`,
  BACKUP_FILE_ALTERED: (p) => `The backup's ${p.file} was altered: it has ${p.bytes.toLocaleString('en-US')} bytes, not the ${p.expected.toLocaleString('en-US')} its manifest records. ${NOTHING_RESTORED}`,
  BACKUP_FILE_CHECKSUM: (p) => `The backup's ${p.file} was altered or damaged: its SHA-256 does not match the manifest. ${NOTHING_RESTORED}`,
  BACKUP_TOO_NEW: (p) => `This backup was written by a newer version of Privacy Desk (it has ${p.unknown.length} change(s) this version does not know: ${p.unknown.join(', ')}). Install the newer version to restore it; nothing was restored.`,
  BACKUP_SLOTS_OTHER_DESK: () => `The backup's keyslots.json belongs to another desk than its manifest. ${NOTHING_RESTORED}`,
  BACKUP_NO_RECOVERY_SLOT: () => 'This backup has no recovery slot; restore it with a staff password.',
  BACKUP_PASSWORD_WRONG: () => 'The user name or password does not open this backup. Use the password that person had when the backup was made; nothing was restored.',
  BACKUP_RECOVERY_KEY_WRONG: () => 'That recovery key does not open this backup. Check each group of four; nothing was restored.',
  BACKUP_MANIFEST_ALTERED: (p) => `The backup's manifest was altered: its field "${p.manifestField}" is not what the desk wrote. ${NOTHING_RESTORED}`,
  PASSWORD_WEAK: (p) => `This password is too weak (${p.weakness}): use at least 12 characters that are hard to guess, e.g. four or more unrelated words.`,
  BACKUP_DOES_NOT_OPEN: () => `The backup's database does not open with its key-slot file (or is damaged). ${NOTHING_RESTORED}`,
  BACKUP_INTEGRITY: (p) => `The backup's database fails SQLite's integrity check (${p.details.join('; ')}). ${NOTHING_RESTORED}`,
  RESTORE_WOULD_OVERWRITE: (p) =>
    p.dataDir
      ? `The data folder ${p.dataDir} already holds a desk. Restoring never overwrites a desk: choose an empty folder.`
      : 'This data folder already holds a desk. Restoring never overwrites a desk: log in instead, or restore into another data folder.',
  STALE_CERTIFICATE: (p) => `Certificates must be issued within the last 6 months (after ${p.issuedAfter}): ${p.documents.join(', ')}.`,
  FEE_SHORT: (p) => `The disclosure fee is ¥${p.amount} short.`,
  FEE_EXCESS: (p) => `¥${p.amount} more than the fee was received: record a refund.`,
  KINDS_NOT_KNOWN: (p) => `What the member asks for (the ${p.type} request's sub-kind) is not known yet; the decision needs it.`,
  DUE_AFTER_LEGAL_MARK: (p) => `The due date ${p.due} is after the Article 39 two-week mark ${p.mark}.`,
  NO_CONTACT: () => 'No email or postal address: the reply cannot be sent until one is known.',
  DUPLICATE_OF_OPEN_CASE: (p) => `duplicates open case ${p.reference} (same member, same type)`,
  LEGAL_MARK_NEAR: (p) => `Two weeks since arrival on ${p.date} (APPI Art. 39): from then the member may sue for an answer.`,
  LEGAL_MARK_PASSED: (p) => `Two weeks since arrival passed on ${p.date} (APPI Art. 39) and the member has not been answered.`,
  PROVISIONAL_DUE: (p) => `The due date depends on an equinox holiday not yet announced; it may move by a day (check again after February ${p.checkAfterYear}).`,
  // The audit log's problems (contract/audit.ts): said after "row N:" by `audit verify` and `db check`.
  AUDIT_CHAIN_START: () => 'the first row does not start the chain (rows before it were removed)',
  AUDIT_CHAIN_LINK: () => 'it does not follow the row before it (a row was removed, inserted or moved)',
  AUDIT_SEQ_GAP: () => 'row numbers are not consecutive here (rows were removed or renumbered)',
  AUDIT_CONTENT_CHANGED: () => 'its content was changed after it was written',
  AUDIT_DETAIL_CHANGED: () => 'its detail was changed after it was written',
  AUDIT_REDACTION_UNRECORDED: () => 'its detail was blanked without a recorded redaction',
  AUDIT_BAD_SIGNATURE: () => 'its signature does not match (the row was forged or recomputed)',
  AUDIT_UNKNOWN_SIGNER: () => 'it is signed by a key the log never introduced (a forged row)',
  AUDIT_WRONG_SIGNER: () => 'it is not signed by the person it names (a forged row)',
  AUDIT_REVOKED_SIGNER: () => 'it is signed by a person after their account was disabled',
  AUDIT_UNSIGNED_ROW: () => 'it is unsigned but comes after signed rows (a forged row)',
  AUDIT_TAIL_REMOVED: (p: AuditProblem) => `rows ${p.seq} to ${p.expectedSeq ?? p.seq} at the end of the log were removed`,
  AUDIT_ANCHOR_BEYOND_END: (p: AuditProblem) => `the log ends at row ${p.seq} but the anchor is at row ${p.expectedSeq ?? '?'} (its end was cut off, or an older copy was put back)`,
  AUDIT_ANCHOR_MISMATCH: (p: AuditProblem) => `row ${p.expectedSeq ?? p.seq} is not the row the anchor recorded (the log was rewritten or the file replaced)`,
  WINDOW_OVERFLOW: (p) => `${p.reference}: the ${p.field} runs ${p.overflowMm} mm past the envelope window: shorten it, or print a separate address label.`,
  NO_POSTAL_ADDRESS: (p) => `${p.reference} has no full postal address (postal code and address): the window envelope would show no address.`,
  DRAFT_CANCELLED: (p) => {
    const why = {
      case_closed: 'The case was closed before this draft was sent.',
      superseded: 'Replaced by a newer notice.',
      decision_returned: 'The decision was returned for revision.',
      withdrawn: 'The request was withdrawn.',
      rejected: 'The request was rejected.',
      delivered_by_letter: 'The notice was delivered by letter.',
      by_staff: `Cancelled by ${p.by ?? 'staff'}.`,
    }[p.reason];
    // Who settled it is named whatever the reason: a person's action cancelled it (issue 10).
    const who = p.by && p.reason !== 'by_staff' ? ` Cancelled by ${p.by}.` : '';
    return p.note ? `${why}${who} ${p.note}` : `${why}${who}`;
  },
};

/** The English sentence for any code. */
export const inEnglish = (c: Coded): string => (english[c.code] as (p: Coded) => string)(c);

/** The contract's error for a reason: its category, the reason, and the English message for logs. */
export function errorOf(reason: Reason, extra: { field?: string | undefined; retryAfterSeconds?: number | undefined } = {}): DeskErrorData {
  const data: DeskErrorData = { code: codeCategory[reason.code], reason, message: inEnglish(reason) };
  if (extra.field !== undefined) data.field = extra.field;
  const retry = extra.retryAfterSeconds ?? (reason.code === 'AUTH_THROTTLED' ? reason.seconds : undefined);
  if (retry !== undefined) data.retryAfterSeconds = retry;
  return data;
}
