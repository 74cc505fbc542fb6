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
