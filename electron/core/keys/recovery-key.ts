// The recovery key is printed at set-up and typed back in by hand years later, so it uses Base32
// (no 0/1/8/9 to confuse with O/I/B/g) in groups of four: 256 random bits, 52 characters.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function decodeBase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base32');
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function newRecoveryKey(): { secret: Buffer; display: string } {
  const secret = randomBytes(32);
  const display = encodeBase32(secret).match(/.{1,4}/g)!.join('-');
  return { secret, display };
}

/** Input is already normalised by the contract (upper case, no separators). */
export function recoverySecret(normalised: string): Buffer {
  return decodeBase32(normalised).subarray(0, 32);
}
