// Codes kept in the database (an outbox row's last failure and cancel reason): stored as JSON, read back
// checked. A value that is not a known code (a hand-edited row) reads as the given fallback rather than
// reaching a screen as raw text. Migration 0010 converted the English sentences older versions stored.
import { isJsonObject } from '../../../db/json.ts';
import { codeCategory, type Coded, type DraftCancelled, type MailFailure } from '../../contract/index.ts';

// A code this version can word: a thrown reason's or a cancellation's (its parameters are the writer's).
const known = (v: unknown): v is Coded => isJsonObject(v) && typeof v.code === 'string' && (Object.hasOwn(codeCategory, v.code) || v.code === 'DRAFT_CANCELLED');

export const storeCode = (c: Coded): string => JSON.stringify(c);

function read<T extends Coded>(text: string | null, fits: (c: Coded) => c is T, fallback: T): T | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return known(v) && fits(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

const mailCodes = new Set<string>(['SMTP_AUTH', 'SMTP_REJECTED', 'SMTP_LATER', 'SMTP_UNREACHABLE', 'SMTP_TIMEOUT', 'SMTP_TLS', 'SMTP_CONNECTION', 'SMTP_HANDOVER', 'MAIL_NOT_CONFIGURED', 'MAIL_GAVE_UP', 'MAIL_RECIPIENT_INVALID', 'MAIL_HEADER_LINE_BREAK', 'MAIL_SENDER_ADDRESS_INVALID', 'MAIL_NO_MESSAGE_ID', 'MAIL_BOUNCED', 'MAIL_FAILED_EARLIER'] satisfies MailFailure['code'][]);

export const readMailFailure = (text: string | null): MailFailure | null =>
  read(text, (c): c is MailFailure => mailCodes.has(c.code), { code: 'MAIL_FAILED_EARLIER' });

export const readDraftCancelled = (text: string | null): DraftCancelled | null =>
  read(text, (c): c is DraftCancelled => c.code === 'DRAFT_CANCELLED', { code: 'DRAFT_CANCELLED', reason: 'by_staff' });
