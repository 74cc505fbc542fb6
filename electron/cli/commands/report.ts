// `desk report`: one period's report, as the Reports screen counts it (core/reports), for IT staff and
// for scripts: a readable summary, --json (one object), --csv (the figures, as the pack's CSV) or
// --pdf FILE (the compliance pack). Periods are Japan dates whatever this PC's time zone.
import { parseArgs } from 'node:util';
import { reportPeriod, type Report } from '../../contract/index.ts';
import { loadDeskCalendar } from '../../core/desk-calendar/store.ts';
import { readSettings } from '../../core/settings/settings.ts';
import { buildReport } from '../../core/reports/report.ts';
import { reportCsv } from '../../core/reports/csv.ts';
import { reportPack } from '../../core/reports/pack.ts';
import { figureRows } from '../../core/reports/labels.ts';
import { appendAudit } from '../../core/audit/audit-log.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { printHtmlToPdf } from '../pdf.ts';
import { writePrivateFile } from '../../core/storage/private-file.ts';
import { codeOf } from '../../core/thrown.ts';

export const REPORT_HELP = `Usage: npm run desk -- report --from YYYY-MM-DD --to YYYY-MM-DD [--json | --csv | --pdf FILE] --data-dir DIR --user NAME

The desk's report for the period (Japan dates, both ends included; a request that arrived
2026-01-17 00:30 +09:00 counts on January 17 whatever this PC's time zone). Training cases never count.
  received, byType, closed, open   requests that arrived in the period; of them, closed now / not closed now
  onTime, late, onTimeRate         decisions and rejections whose notice was recorded in the period, before or
                                   after closing time on the due date (extensions included; onTimeExtended apart)
  medianBusinessDays               business days from day 0 to the notice (null when none)
  overdueNow, pastLegalMarkNow     open cases now: past their due date / past the Art. 39 two-week mark
  --json        one JSON object (every figure of the Reports screen)
  --csv         the figures as CSV (UTF-8 with BOM, CRLF)
  --pdf FILE    the compliance pack (A4, with the audit log's head hash and a signature box); needs Chromium
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

function summary(r: Report): string {
  const rows = figureRows(r).map((f) => `  ${f.label.en.padEnd(48)} ${f.value === null ? '—' : f.key === 'onTimeRate' ? `${(f.value * 100).toFixed(1)}%` : f.value}`);
  return `Report ${r.period.from} – ${r.period.to} (Japan dates)\n${rows.join('\n')}\n`;
}

export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, pdf: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP + '\n');
    return 0;
  }
  if ([values.json, values.csv, values.pdf !== undefined].filter(Boolean).length > 1) throw usageError(REPORT_HELP, 'Choose one of --json, --csv and --pdf.');
  const parsed = reportPeriod.safeParse({ from: values.from, to: values.to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === 'to' ? '--to' : '--from';
    throw usageError(REPORT_HELP, values.from === undefined || values.to === undefined ? '--from and --to are required (YYYY-MM-DD).' : `${field}: ${issue.message}`);
  }
  const period = parsed.data;
  const out = await withUnlockedDesk(io, values, values.user, async (desk, _paths, user) => {
    const db = desk.store.db;
    const settings = await readSettings(db);
    const now = new Date();
    const report = await buildReport({ db, calendar: await loadDeskCalendar(db), now, warnDays: settings.legalMarkWarnDays }, period, { kind: 'desk' });
    if (values.pdf !== undefined) {
      const account = await db.selectFrom('accounts').select(['display_name']).where('username', '=', user).executeTakeFirstOrThrow();
      const pack = await reportPack(db, report, { username: user, displayName: account.display_name }, settings);
      await appendAudit(db, { actor: user, action: 'report.pack', entity: 'report', detail: { from: period.from, to: period.to, auditHead: pack.auditHead, auditAnchor: pack.auditAnchor, via: 'cli' } }, now);
      return { report, pack };
    }
    return { report, pack: null };
  });
  if (values.pdf !== undefined && out.pack) {
    const pdf = await printHtmlToPdf(out.pack.html, io.env);
    try {
      writePrivateFile(values.pdf, pdf); // 0600: readable by this PC user only
    } catch (e) {
      throw new CliError(`Could not write ${values.pdf}: ${codeOf(e) ?? 'error'}.`);
    }
    io.stderr.write(`Compliance pack written to ${values.pdf} (audit head ${out.pack.auditHead}).\n`);
  } else if (values.json) io.stdout.write(JSON.stringify(out.report, null, 2) + '\n');
  else if (values.csv) io.stdout.write(reportCsv(out.report).csv);
  else io.stdout.write(summary(out.report));
  return 0;
}
