// Field schemas shared by several methods. Text typed on Japanese PCs arrives with full-width
// letters and digits, so identifiers and addresses are NFKC-normalised before they are checked.
import { z } from 'zod';

export const nfkc = (s: string) => s.normalize('NFKC').trim();

export const username = z
  .string()
  .transform((s) => nfkc(s).toLowerCase())
  .pipe(
    z
      .string()
      .min(2, 'User name must be at least 2 characters.')
      .max(32, 'User name must be at most 32 characters.')
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use letters a–z, digits, dot, hyphen or underscore.'),
  );

// Passwords are normalised too: the same password typed with the IME on or off must unlock.
export const newPassword = z
  .string()
  .transform((s) => s.normalize('NFKC'))
  .pipe(
    z
      .string()
      .min(10, 'Password must be at least 10 characters.')
      .max(256, 'Password must be at most 256 characters.'),
  );

export const password = z
  .string()
  .max(256, 'Password must be at most 256 characters.')
  .transform((s) => s.normalize('NFKC'));

export const displayName = z
  .string()
  .transform(nfkc)
  .pipe(z.string().min(1, 'Enter a name.').max(100, 'Name must be at most 100 characters.'));

export const email = z
  .string()
  .transform(nfkc)
  .pipe(z.email('Enter a valid email address, e.g. desk@example.co.jp.').max(254));

export const shortText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `At most ${max} characters.`));

export const requiredText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Required.').max(max, `At most ${max} characters.`));

export const role = z.enum(['agent', 'supervisor']);
export type Role = z.infer<typeof role>;

export const locale = z.enum(['ja', 'en']);
export type Locale = z.infer<typeof locale>;

// Recovery keys are shown in groups of four; accept them typed with spaces, hyphens or full-width.
export const recoveryKey = z
  .string()
  .transform((s) => nfkc(s).toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-7]{52}$/, 'A recovery key is 52 letters and digits (13 groups of 4).'));

// ——— Who a notice goes to (issue 10): names and addresses printed on a letter and written in an email ———
// A refusal here carries a code in the issue's params (`params.code`), worded by the renderer's catalog
// (`validation.code.<code>`); the English message is for the CLI and logs only.

/** Codes of the refusals of a name or address that a letter or an email could not carry as typed. */
export const contactIssueCodes = ['NAME_LINE_BREAK', 'NAME_UNPRINTABLE', 'ADDRESS_TOO_MANY_LINES', 'ADDRESS_UNPRINTABLE'] as const;
export type ContactIssueCode = (typeof contactIssueCodes)[number];

/** The most lines an address may have: what the 長形3号 window holds under the postal code and above the name. */
export const MAX_ADDRESS_LINES = 4;

/**
 * Characters the letter fonts (Noto Serif/Sans JP) cannot print: pictographs (emoji), regional indicators
 * (flags), emoji joiners and presentation selectors. ©, ® and ™ are in the fonts, so they pass.
 */
const UNPRINTABLE = /(?![\u00a9\u00ae\u2122])(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f)/u;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085\v\f]/;

/** True when every character of `s` can be printed by the letter fonts. */
export const printable = (s: string) => !UNPRINTABLE.test(s);

/** A person's name as a letter's window and an email's salutation show it: one line, printable. */
export const contactName = (max: number) =>
  z
    .string()
    .transform(nfkc)
    .pipe(z.string().max(max, `A name is at most ${max} characters.`))
    .superRefine((s, ctx) => {
      if (LINE_BREAK.test(s)) ctx.addIssue({ code: 'custom', params: { code: 'NAME_LINE_BREAK' }, message: 'A name is one line: remove the line break.' });
      else if (!printable(s)) ctx.addIssue({ code: 'custom', params: { code: 'NAME_UNPRINTABLE' }, message: 'The name contains a character the letter font cannot print (e.g. an emoji): remove it.' });
    });

/** A postal address: the line breaks staff typed are kept (CRLF → LF, blank lines dropped), at most MAX_ADDRESS_LINES. */
export const postalAddress = z
  .string()
  .max(500, 'At most 500 characters.')
  .transform((s) =>
    s
      .normalize('NFKC')
      .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n'),
  )
  .superRefine((s, ctx) => {
    const lines = s === '' ? 0 : s.split('\n').length;
    if (lines > MAX_ADDRESS_LINES) ctx.addIssue({ code: 'custom', params: { code: 'ADDRESS_TOO_MANY_LINES', lines, max: MAX_ADDRESS_LINES }, message: `An address has at most ${MAX_ADDRESS_LINES} lines (this one has ${lines}).` });
    else if (!printable(s)) ctx.addIssue({ code: 'custom', params: { code: 'ADDRESS_UNPRINTABLE' }, message: 'The address contains a character the letter font cannot print (e.g. an emoji): remove it.' });
  });


// Inputs as Japanese staff type them (issue 11, item 6): the IME gives full-width digits and hyphens
// (１６０－００２３, ０３－１２３４－５６７８); every numeric field is NFKC-normalised before it is checked.

const postalText = (s: string) => nfkc(s).replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? '' : '-'));
const postalFormat = (s: string) => (s === '' ? '' : `${s.replace('-', '').slice(0, 3)}-${s.replace('-', '').slice(3)}`);

/** A postal code, stored and shown as 123-4567 (typed with or without the hyphen, full-width or not). */
export const postalCode = z
  .string()
  .transform(postalText)
  .pipe(z.string().regex(/^\d{3}-?\d{4}$/, 'Postal code is 7 digits, e.g. 160-0023.'))
  .transform(postalFormat);

/** The same, or empty (one pipeline, not a union: a union's failure would hide the object's other checks). */
export const optionalPostalCode = z
  .string()
  .transform(postalText)
  .pipe(z.string().regex(/^(\d{3}-?\d{4})?$/, 'Postal code is 7 digits, e.g. 160-0023.'))
  .transform(postalFormat);

/** A phone number: digits, hyphens and a leading +, as typed (full-width accepted); empty allowed. */
export const phone = z
  .string()
  .transform((s) => nfkc(s).replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ''))
  .pipe(z.string().max(30, 'At most 30 characters.').regex(/^(\+?[\d-]*\d[\d-]*)?$/, 'A phone number has digits, hyphens and a leading + only, e.g. 03-1234-5678.'));

/** A reading (furigana): kana only (hiragana, katakana, the long mark, ・ and spaces); empty allowed. */
export const kana = (max: number) =>
  z
    .string()
    .transform(nfkc)
    .pipe(z.string().max(max, `At most ${max} characters.`).regex(/^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u30fb\s]*$/u, 'Use kana only (hiragana or katakana).'));

/** An identifier typed by staff (a member ID): NFKC, so full-width digits and letters are the same ID. */
export const identifier = (max: number) => z.string().transform(nfkc).pipe(z.string().max(max, `At most ${max} characters.`));

export const FEE_MIN_YEN = 1;
export const FEE_MAX_YEN = 100_000;

/** A yen amount: a number, or text as typed ("１,０００", "¥1000"); ¥1 – ¥100,000. */
export const yenAmount = z
  .union([z.number(), z.string().transform((s) => {
    const t = nfkc(s).replace(/[,¥\\円\s]/g, '');
    return /^\d+$/.test(t) ? Number(t) : Number.NaN;
  })])
  .pipe(z.number({ error: 'Enter the amount in yen, e.g. 1000.' }).int('Enter a whole number of yen.').min(FEE_MIN_YEN, `The amount must be at least ¥${FEE_MIN_YEN}.`).max(FEE_MAX_YEN, `The amount must be at most ¥${FEE_MAX_YEN.toLocaleString('en')}.`));
