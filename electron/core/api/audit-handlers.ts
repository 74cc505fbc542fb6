// The audit log's anchors for Settings → security (core/audit/anchor-checks.ts).
import type { ParsedInput } from '../../contract/index.ts';
import { anchorChecks } from '../audit/anchor-checks.ts';
import type { DeskContext } from './desk-context.ts';

export function auditHandlers(ctx: DeskContext, deskId: () => string) {
  return {
    'audit.anchors': async (_input: ParsedInput<'audit.anchors'>) => anchorChecks(ctx.db(), { backupFolder: (await ctx.settings()).backup.folder, deskId: deskId() }),
  };
}
