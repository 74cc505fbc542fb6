// A notice as a plain-text email (text/plain; UTF-8): the Japanese notice in full, then the English
// reference translation. The subject is one line, both languages, with no CR or LF whatever a case holds.
import { MAX_MAIL_SUBJECT } from '../../contract/index.ts';
import type { BilingualText, NoticeContent } from './notice-content.ts';
import { cleanText } from '../letters/text.ts';

const RULE = '━'.repeat(30);

/** One header line: CR, LF, other line breaks and controls become spaces. */
export function headerSafe(s: string): string {
  return s
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : by + l))
    .join('\n');
}

function half(c: NoticeContent, lang: keyof BilingualText): string {
  const out: string[] = [];
  out.push(c.title[lang], c.issuedOn[lang], '', c.salutation[lang], '');
  for (const p of c.paragraphs) if (p[lang] !== '') out.push(p[lang], '');
  if (c.facts.length > 0) {
    out.push(lang === 'ja' ? '【記】' : '[Details]');
    for (const f of c.facts) {
      const value = f.value[lang];
      if (value.includes('\n') || value.length > 60) out.push(`■ ${f.label[lang]}`, indent(value, '  '));
      else out.push(`■ ${f.label[lang]}${lang === 'ja' ? '：' : ': '}${value}`);
    }
    out.push('');
  }
  if (c.citations.length > 0) {
    out.push(lang === 'ja' ? '【根拠となる規定】' : '[The policy provisions this rests on]');
    for (const x of c.citations) out.push(indent(x[lang], '  '));
    out.push('');
  }
  for (const x of c.closing) out.push(x[lang], '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
}

export function noticeEmail(c: NoticeContent): { subject: string; body: string } {
  const subject = headerSafe(`${c.subject.ja} / ${c.subject.en}`).slice(0, MAX_MAIL_SUBJECT);
  // The same cleaning as a letter: controls and bidi embedding/override/isolate controls removed, so a
  // value cannot reorder what the requester reads around it.
  const body = cleanText([
    half(c, 'ja'),
    '',
    RULE,
    'English translation (for reference; the Japanese text above prevails)',
    RULE,
    '',
    half(c, 'en'),
    '',
  ].join('\n'));
  return { subject: cleanText(subject), body };
}
