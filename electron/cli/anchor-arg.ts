// --anchor: a backup folder (or its manifest.json) whose manifest records the audit head, or "SEQ:HASH".
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { auditHeadSchema } from '../contract/index.ts';
import { parseAnchor } from '../core/audit/anchors.ts';
import type { AuditAnchor } from '../core/audit/verify-audit.ts';

export function readAnchorArg(arg: string): AuditAnchor | null {
  const direct = parseAnchor(arg);
  if (direct) return direct;
  if (!existsSync(arg)) return null;
  const manifestPath = statSync(arg).isDirectory() ? join(arg, 'manifest.json') : arg;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { audit?: unknown };
    const head = auditHeadSchema.safeParse(manifest.audit);
    return head.success ? { seq: head.data.seq, hash: head.data.hash } : null;
  } catch {
    return null;
  }
}
