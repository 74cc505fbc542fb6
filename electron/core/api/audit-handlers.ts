// The audit log's anchors for Settings → security (core/audit/anchor-checks.ts).
import type { MethodsOf } from '../../contract/index.ts';
import { anchorChecks } from '../audit/anchor-checks.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

export function auditHandlers(ctx: DeskContext, deskId: () => string): HandlerMap<MethodsOf<'audit'>> {
  return {
    'audit.anchors': async () => anchorChecks(ctx.db(), { backupFolder: (await ctx.settings()).backup.folder, deskId: deskId() }),
  };
}
