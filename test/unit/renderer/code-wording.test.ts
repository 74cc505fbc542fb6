// Every code the desk can say has Japanese and English words on screen and an English line for the CLI.
// (tsc already refuses a table that lacks one; this says so where a person reading the tests looks, and
// checks that the Japanese words of the common refusals are Japanese.)
import { describe, expect, it } from 'vitest';
import { auditProblemCodes, codeCategory, english, inEnglish, warningCodes, type Coded } from '../../../electron/contract/index.ts';
import { jaCodes } from '../../../renderer/src/i18n/ja-codes.ts';
import { enCodes } from '../../../renderer/src/i18n/en-codes.ts';
import { ja } from '../../../renderer/src/i18n/ja.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { say, wordsFor } from '../../../renderer/src/i18n/codes.ts';
import { interpolate, type MessageKey } from '../../../renderer/src/i18n/catalog.ts';

// english.ts's table must hold exactly every code (tsc refuses a missing or unknown key), so its keys are the
// contract's whole list; the named lists are checked to be in it.
const everyCode = Object.keys(english);
for (const c of [...Object.keys(codeCategory), ...warningCodes, ...auditProblemCodes, 'DRAFT_CANCELLED', 'NO_POSTAL_ADDRESS', 'KINDS_NOT_KNOWN', 'DUE_AFTER_LEGAL_MARK', 'NO_CONTACT', 'DUPLICATE_OF_OPEN_CASE']) {
  if (!everyCode.includes(c)) throw new Error(`english.ts lacks ${c}`);
}
const jaWords = wordsFor((k: MessageKey, v) => interpolate(ja[k], v), 'ja', ja);
const enWords = wordsFor((k: MessageKey, v) => interpolate(en[k], v), 'en', en);

/** Four or more English words in a row: what a Japanese screen must never show. */
const englishRun = /\b[A-Za-z]+(?:[ ,’'-]+[A-Za-z]+){3,}\b/;

describe('the wording of codes', () => {
  it('has a ja, an en and a CLI wording for every code of the contract', () => {
    for (const code of everyCode) {
      expect(typeof (jaCodes as Record<string, unknown>)[code], `ja ${code}`).toBe('function');
      expect(typeof (enCodes as Record<string, unknown>)[code], `en ${code}`).toBe('function');
      expect(typeof (english as Record<string, unknown>)[code], `cli ${code}`).toBe('function');
    }
  });

  const samples: Coded[] = [
    { code: 'WRONG_STATUS', status: 'received', action: 'close' },
    { code: 'ACCOUNT_EXISTS', username: 'tanaka' },
    { code: 'NO_ACTIVE_ACCOUNT', username: 'yamda' },
    { code: 'NEEDS_APPROVAL' },
    { code: 'SUPERVISOR_ONLY' },
    { code: 'DRAFT_CANCELLED', reason: 'case_closed' },
    { code: 'DRAFT_CANCELLED', reason: 'by_staff', by: 'sato' },
    { code: 'FEE_UNPAID', short: 1000, fee: 1000 },
    { code: 'DISK_FULL', folder: '/media/usb/backups' },
    { code: 'SMTP_REJECTED', response: '550 5.1.1 User unknown', responseCode: 550 },
    { code: 'MAIL_GAVE_UP', after: 8, last: { code: 'SMTP_TIMEOUT', server: '127.0.0.1:2525', phase: 'response' } },
    { code: 'DEADLINE_RULE', problem: 'EXTENSION_NOT_LATER', date: '2026-12-08' },
    { code: 'STALE_CERTIFICATE', issuedAfter: '2026-05-24', documents: ['seal_certificate'] },
    { code: 'FEE_SHORT', amount: 1000 },
    { code: 'AUDIT_WRONG_SIGNER', seq: 12 },
    { code: 'KINDS_REQUIRED', type: 'correction' },
    { code: 'KINDS_NOT_KNOWN', type: 'suspension' },
    { code: 'DUE_AFTER_LEGAL_MARK', due: '2026-12-09', mark: '2026-12-08' },
    { code: 'NO_CONTACT' },
    { code: 'DUPLICATE_OF_OPEN_CASE', reference: 'PD-2026-0001' },
  ];

  it('words the common refusals in Japanese with no English sentence, and in English on the English screen', () => {
    for (const c of samples) {
      const jaText = say(jaCodes, jaWords, c);
      expect(jaText, c.code).toMatch(/[぀-ヿ一-鿿]/);
      // The mail server's own reply is quoted as it came; everything else must be Japanese.
      const withoutServerWords = jaText.replace('550 5.1.1 User unknown', '');
      expect(withoutServerWords, c.code).not.toMatch(englishRun);
      const enText = say(enCodes, enWords, c);
      expect(enText, c.code).not.toMatch(/[぀-ヿ一-鿿]/);
      expect(enText.length, c.code).toBeGreaterThan(3);
    }
  });

  it('names who settled a cancelled draft and why, whatever the reason (issue 10: a person sees who cancelled it)', () => {
    for (const reason of ['delivered_by_letter', 'case_closed', 'superseded', 'withdrawn', 'rejected', 'decision_returned', 'by_staff'] as const) {
      const c: Coded = { code: 'DRAFT_CANCELLED', reason, by: 'suzuki' };
      expect(say(jaCodes, jaWords, c), reason).toContain('suzuki');
      expect(say(enCodes, enWords, c), reason).toContain('suzuki');
    }
    expect(say(jaCodes, jaWords, { code: 'DRAFT_CANCELLED', reason: 'delivered_by_letter', by: 'suzuki' })).toBe('書面で通知しました。（取り消し：suzuki）');
    expect(say(enCodes, enWords, { code: 'DRAFT_CANCELLED', reason: 'delivered_by_letter', by: 'suzuki' })).toBe('The notice was delivered by letter. Cancelled by suzuki.');
  });

  it('counts in English with the right plural ("1 try", "2 tries"; "1 second")', () => {
    const gaveUp = (after: number) => say(enCodes, enWords, { code: 'MAIL_GAVE_UP', after, last: { code: 'MAIL_NO_MESSAGE_ID' } });
    expect(gaveUp(1)).toMatch(/gave up after 1 try\.$/);
    expect(gaveUp(2)).toMatch(/gave up after 2 tries\.$/);
    expect(say(enCodes, enWords, { code: 'AUTH_THROTTLED', seconds: 1 })).toMatch(/in 1 second\.$/);
  });

  it('gives the CLI the same facts in English', () => {
    expect(inEnglish({ code: 'ACCOUNT_EXISTS', username: 'tanaka' })).toBe('An account named tanaka already exists. Choose another user name, or reset that account.');
    expect(inEnglish({ code: 'WRONG_STATUS', status: 'received', action: 'close' })).toBe('This cannot be done while the case is received.');
  });
});
