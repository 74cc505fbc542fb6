// The report methods of the contract (core/reports). A supervisor sees the desk; an agent sees the
// cases assigned to them only (their own workload). Making a report reads no personal data (only codes,
// dates and counts), so it is not a case view; the pack and the CSV are recorded in the audit log as
// documents leaving the desk.
import type { MethodsOf } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { buildReport, type ReportContext } from '../reports/report.ts';
import { scopeOf } from '../reports/facts.ts';
import { reportCsv } from '../reports/csv.ts';
import { reportPack } from '../reports/pack.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type ReportMethod = MethodsOf<'reports'>;

export async function reportContext(ctx: DeskContext): Promise<ReportContext> {
  return { db: ctx.db(), calendar: await ctx.calendar(), now: ctx.now(), warnDays: (await ctx.settings()).legalMarkWarnDays };
}

export function reportHandlers(ctx: DeskContext): HandlerMap<ReportMethod> {
  return {
    'reports.get': async (period, user) => buildReport(await reportContext(ctx), period, scopeOf(user)),
    'reports.pack': async (period, user) => {
      const rc = await reportContext(ctx);
      const report = await buildReport(rc, period, scopeOf(user));
      const pack = await reportPack(rc.db, report, { username: user.username, displayName: user.displayName }, await ctx.settings());
      await appendAudit(rc.db, { actor: user.username, action: 'report.pack', entity: 'report', detail: { from: period.from, to: period.to, auditHead: pack.auditHead, auditAnchor: pack.auditAnchor } }, rc.now);
      return pack;
    },
    'reports.csv': async (period, user) => {
      const rc = await reportContext(ctx);
      const report = await buildReport(rc, period, scopeOf(user));
      await appendAudit(rc.db, { actor: user.username, action: 'report.csv', entity: 'report', detail: { from: period.from, to: period.to } }, rc.now);
      return reportCsv(report);
    },
  } satisfies HandlerMap<ReportMethod>;
}
