// Anchors: the chain's head kept where a key holder on this PC cannot quietly rewrite it (a backup's
// manifest, a printed report's hash line). Printed as "<seq>:<first 16 hex of the hash>".
import type { AuditHead } from '../../contract/index.ts';
import type { AuditAnchor } from './verify-audit.ts';

export const formatAnchor = (head: Pick<AuditHead, 'seq' | 'hash'>): string => `${head.seq}:${head.hash.slice(0, 16)}`;

/** "<seq>:<hex>" (16 to 64 hex digits), or null when the text is not one. */
export function parseAnchor(text: string): AuditAnchor | null {
  const m = /^\s*(\d{1,12}):([0-9a-fA-F]{16,64})\s*$/.exec(text);
  return m ? { seq: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}
