// A rough strength score for the hint under new-password fields. It only guides: the desk's rule
// (12 characters and a zxcvbn-ts estimate, core/auth/password-strength.ts) decides, and length matters more than symbols for a typed passphrase.
export type Strength = 0 | 1 | 2 | 3 | 4;

const weakParts = ['password', 'passw0rd', 'qwerty', 'asdf', '1234', 'abcd', 'admin', 'privacy', 'desk', 'career'];

export function passwordStrength(password: string): Strength {
  const s = password.normalize('NFKC');
  if (s.length < 6) return 0;
  if (s.length < 10) return 1;
  const lower = s.toLowerCase();
  if (new Set(s).size < 5 || weakParts.some((w) => lower.includes(w) && s.length < w.length + 8)) return 1;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(s)).length;
  let score = 2;
  if (s.length >= 14 || classes >= 3) score += 1;
  if (s.length >= 20 || (s.length >= 14 && classes >= 3)) score += 1;
  return score as Strength;
}
