// The report's figures as CSV for Excel: UTF-8 with a BOM, CRLF, one row per figure (section, figure
// key, Japanese and English label, value). The key is the same one the screen and the queue filter use.
import type { Report, ReportCsv } from '../../contract/reports.ts';
import { figureRows } from './labels.ts';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function reportCsv(r: Report): ReportCsv {
  const lines = [['section', 'figure', 'label_ja', 'label_en', 'value'].join(',')];
  lines.push(['period', 'from', '期間（開始）', 'Period from', r.period.from].map(cell).join(','));
  lines.push(['period', 'to', '期間（終了）', 'Period to', r.period.to].map(cell).join(','));
  for (const f of figureRows(r)) lines.push([f.section, f.key, f.label.ja, f.label.en, f.value].map(cell).join(','));
  for (const m of r.monthly) {
    for (const [t, n] of Object.entries(m.received)) lines.push(['monthly', `${m.month}.received.${t}`, `${m.month} 受付（${t}）`, `${m.month} received (${t})`, n].map(cell).join(','));
    lines.push(['monthly', `${m.month}.onTimeRate`, `${m.month} 期限内回答率`, `${m.month} on-time rate`, m.onTimeRate].map(cell).join(','));
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, fileName: `report-${r.period.from}-${r.period.to}.csv` };
}
