// A typed password as bytes for scrypt, zeroed as soon as the work is done. The password's JS string
// itself cannot be wiped (README, "Secrets in memory"); the copies the desk makes can.
export async function withSecretBytes<T>(secret: string, use: (bytes: Buffer) => Promise<T>): Promise<T> {
  const bytes = Buffer.from(secret, 'utf8');
  try {
    return await use(bytes);
  } finally {
    bytes.fill(0);
  }
}
