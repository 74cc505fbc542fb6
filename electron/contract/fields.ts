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
