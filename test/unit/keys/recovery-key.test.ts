// "The recovery key printed at set-up, typed back in years later — in any case, with spaces or
// full-width characters — gives back exactly the 256-bit secret it was made from."
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase32, encodeBase32, newRecoveryKey, recoverySecret } from '../../../electron/core/keys/recovery-key.ts';
import { recoveryKey as recoveryKeySchema } from '../../../electron/contract/index.ts';

const DISPLAY = /^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/;
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

/** What the desk does with typed text: the contract normalises it, the core decodes it. */
const typedBack = (text: string) => recoverySecret(recoveryKeySchema.parse(text));

describe('recovery key', () => {
  it('Base32 round trip: any 32 bytes encode to 52 characters of A–Z2–7 and decode back to the same bytes', () => {
    fc.assert(
      fc.property(bytes32, (b) => {
        const text = encodeBase32(b);
        expect(text).toMatch(/^[A-Z2-7]{52}$/);
        expect(recoverySecret(text).equals(Buffer.from(b))).toBe(true);
      }),
    );
  });

  it('Base32 round trip for any length, and matches RFC 4648 test vectors (without padding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(decodeBase32(encodeBase32(b)).equals(Buffer.from(b))).toBe(true);
      }),
    );
    const vectors: Array<[string, string]> = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) expect(encodeBase32(Buffer.from(plain))).toBe(encoded);
  });

  it('a new key is shown as 13 groups of 4, holds 256 random bits, and the shown text gives back its secret', () => {
    const a = newRecoveryKey();
    const b = newRecoveryKey();
    expect(a.display).toMatch(DISPLAY);
    expect(a.secret).toHaveLength(32);
    expect(a.secret.equals(b.secret)).toBe(false);
    expect(typedBack(a.display).equals(a.secret)).toBe(true);
  });

  it('typed back in lower case, with spaces instead of hyphens, or in full-width characters, it is the same key', () => {
    fc.assert(
      fc.property(bytes32, fc.constantFrom(' ', '-', '', '　', ' - '), fc.boolean(), fc.boolean(), (b, sep, lower, fullWidth) => {
        let text = encodeBase32(b).match(/.{4}/g)!.join(sep);
        if (lower) text = text.toLowerCase();
        if (fullWidth) text = [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
        expect(typedBack(text).equals(Buffer.from(b))).toBe(true);
      }),
    );
  });

  it('a mistyped key is refused by the contract, never decoded to some other secret', () => {
    const key = newRecoveryKey().display;
    for (const wrong of [key.slice(0, -1), `${key}A`, key.replace(/[A-Z2-7]$/, '0'), key.replace(/[A-Z2-7]$/, '1'), key.replace(/[A-Z2-7]$/, '8'), '']) {
      expect(recoveryKeySchema.safeParse(wrong).success, wrong).toBe(false);
    }
    expect(() => decodeBase32('ABC0')).toThrow(/not base32/);
    expect(() => decodeBase32('abc')).toThrow(/not base32/);
  });
});
