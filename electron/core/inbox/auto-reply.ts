// Automatic replies (vacation notices, "I received your mail" responders) never become cases: RFC 3834's
// Auto-Submitted, the de-facto X-Autoreply / X-Autorespond / Precedence headers, and the subjects
// Japanese and English responders use.
import type { Headers } from 'mailparser';

const SUBJECT = /自動返信|自動応答|自動送信|不在(?:通知|のお知らせ|連絡)?|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|abwesenheit/i;

function header(headers: Headers, name: string): string {
  const v = headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in v) return String(v.value);
  return String(v);
}

export function detectAutoReply(headers: Headers, subject: string): boolean {
  const auto = header(headers, 'auto-submitted').trim().toLowerCase();
  if (auto && auto !== 'no') return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  if (/^(auto_reply|auto-reply)$/i.test(header(headers, 'precedence').trim())) return true;
  return SUBJECT.test(subject);
}
