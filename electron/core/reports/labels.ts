// The report's figures in words, Japanese first with the English heading, for the printed pack, its CSV
// and the admin command line. The screen words the same keys from the renderer's catalogs.
import type { AgeBand, Report } from '../../contract/reports.ts';
import { entriesOf, type IntakeChannel, type RequesterKind } from '../../contract/index.ts';
import type { BilingualText } from '../notices/notice-content.ts';
import { GROUND_LABELS, OUTCOME_LABELS, REJECTION_LABELS, REQUEST_KIND_LABELS } from '../notices/labels.ts';

export const SECTION_LABELS = {
  title: { ja: '個人情報の開示等請求 対応状況報告書', en: 'Report on requests about personal information' },
  received: { ja: '受付件数', en: 'Requests received' },
  answered: { ja: '回答状況', en: 'Answered' },
  outcomes: { ja: '決定の内容', en: 'Outcomes' },
  openNow: { ja: '現在対応中の案件', en: 'Open now' },
  fees: { ja: '手数料', en: 'Fees' },
  staff: { ja: '担当者別の処理件数', en: 'Workload per staff member' },
  contacts: { ja: 'お問い合わせ・苦情（回答目標）', en: 'Inquiries and complaints (reply target)' },
  monthly: { ja: '月別の受付件数と期限内回答率', en: 'Received per month and on-time rate' },
  signature: { ja: '確認欄（個人情報保護管理者）', en: 'Checked by (personal information protection manager)' },
} satisfies Record<string, BilingualText>;

export const FIGURE_LABELS = {
  received: { ja: '受付件数', en: 'Received' },
  'contact.inquiry': { ja: 'お問い合わせ', en: 'Inquiries' },
  'contact.complaint': { ja: '苦情', en: 'Complaints' },
  'contact.answered': { ja: '回答件数', en: 'Answered' },
  'contact.onTarget': { ja: '目標日までに回答', en: 'By the reply target' },
  'contact.late': { ja: '目標日を超えて回答', en: 'After the reply target' },
  'contact.openNow': { ja: '現在対応中', en: 'Open now' },
  'contact.overTargetNow': { ja: 'うち目標日超過', en: 'of which past the reply target' },
  'type.disclosure': { ja: '開示', en: 'Disclosure' },
  'type.correction': { ja: '訂正等', en: 'Correction' },
  'type.suspension': { ja: '利用停止等', en: 'Suspension' },
  closed: { ja: 'うち完了', en: 'of which closed' },
  open: { ja: 'うち未完了', en: 'of which not closed' },
  answered: { ja: '回答件数', en: 'Answered' },
  onTime: { ja: '期限内回答', en: 'On time' },
  onTimeExtended: { ja: 'うち期限延長後', en: 'of which after an extension' },
  late: { ja: '期限超過', en: 'Late' },
  onTimeRate: { ja: '期限内回答率', en: 'On-time rate' },
  medianBusinessDays: { ja: '回答までの営業日数（中央値）', en: 'Business days to notice (median)' },
  p90BusinessDays: { ja: '回答までの営業日数（90パーセンタイル）', en: 'Business days to notice (90th percentile)' },
  pausedCases: { ja: '停止した案件', en: 'Cases paused' },
  medianPausedBusinessDays: { ja: '停止した営業日数（中央値）', en: 'Paused business days (median)' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  openNow: { ja: '対応中', en: 'Open' },
  overdueNow: { ja: '期限超過', en: 'Overdue' },
  pastLegalMarkNow: { ja: '法第39条の2週間経過', en: 'Past the Art. 39 two-week mark' },
  waitingNow: { ja: '請求者の対応待ち', en: 'Waiting for the requester' },
  'fees.received': { ja: '受領額（円）', en: 'Received (yen)' },
  'fees.refunded': { ja: '返金額（円）', en: 'Refunded (yen)' },
  'fees.outstanding': { ja: '未納額（円）', en: 'Outstanding (yen)' },
} satisfies Record<string, BilingualText>;

export const CHANNEL_LABELS: Record<IntakeChannel, BilingualText> = {
  email: { ja: 'メール', en: 'Email' },
  post: { ja: '郵送', en: 'Post' },
  phone: { ja: '電話', en: 'Phone' },
  web_form: { ja: 'ウェブフォーム', en: 'Web form' },
};

export const REQUESTER_LABELS: Record<RequesterKind, BilingualText> = {
  member: { ja: '本人', en: 'Member' },
  representative: { ja: '法定代理人', en: 'Legal representative' },
  agent: { ja: '任意代理人', en: 'Appointed agent' },
};

export const AGE_LABELS: Record<AgeBand, BilingualText> = {
  '0_5': { ja: '0〜5営業日', en: '0–5 business days' },
  '6_10': { ja: '6〜10営業日', en: '6–10 business days' },
  '11_20': { ja: '11〜20営業日', en: '11–20 business days' },
  '21_plus': { ja: '21営業日以上', en: '21+ business days' },
};

/** A table's entry for a key read from a figure's key (a string: a stored kind may be one this version does not know). */
const lookup = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export const kindLabel = (key: string): BilingualText => {
  const [type = '', kind = ''] = key.split('.');
  const t = lookup<BilingualText>(FIGURE_LABELS, `type.${type}`) ?? { ja: type, en: type };
  const k = REQUEST_KIND_LABELS[kind] ?? { ja: kind, en: kind };
  return { ja: `${t.ja}：${k.ja}`, en: `${t.en}: ${k.en}` };
};

export const outcomeLabel = (key: string): BilingualText => {
  const [, outcome = ''] = key.split('.');
  return lookup(OUTCOME_LABELS, outcome) ?? { ja: outcome, en: outcome };
};

export { GROUND_LABELS, REJECTION_LABELS };

/** One row per figure: what the CSV holds and the pack prints. */
export interface FigureRow {
  section: keyof typeof SECTION_LABELS;
  key: string;
  label: BilingualText;
  value: number | null;
}

export function figureRows(r: Report): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (section: FigureRow['section'], key: string, label: BilingualText, value: number | null) => rows.push({ section, key, label, value });
  add('received', 'received', FIGURE_LABELS.received, r.received);
  for (const [t, n] of entriesOf(r.byType)) add('received', `received.type.${t}`, FIGURE_LABELS[`type.${t}` as const], n);
  for (const k of r.byKind) add('received', `received.kind.${k.key}`, kindLabel(k.key), k.count);
  for (const [c, n] of entriesOf(r.byChannel)) add('received', `received.channel.${c}`, CHANNEL_LABELS[c], n);
  for (const [q, n] of entriesOf(r.byRequester)) add('received', `received.requester.${q}`, REQUESTER_LABELS[q], n);
  add('received', 'received.closed', FIGURE_LABELS.closed, r.closed);
  add('received', 'received.open', FIGURE_LABELS.open, r.open);
  add('answered', 'answered', FIGURE_LABELS.answered, r.answered);
  add('answered', 'answered.onTime', FIGURE_LABELS.onTime, r.onTime);
  add('answered', 'answered.onTimeExtended', FIGURE_LABELS.onTimeExtended, r.onTimeExtended);
  add('answered', 'answered.late', FIGURE_LABELS.late, r.late);
  add('answered', 'onTimeRate', FIGURE_LABELS.onTimeRate, r.onTimeRate);
  add('answered', 'medianBusinessDays', FIGURE_LABELS.medianBusinessDays, r.medianBusinessDays);
  add('answered', 'p90BusinessDays', FIGURE_LABELS.p90BusinessDays, r.p90BusinessDays);
  add('answered', 'answered.paused', FIGURE_LABELS.pausedCases, r.pausedCases);
  add('answered', 'medianPausedBusinessDays', FIGURE_LABELS.medianPausedBusinessDays, r.medianPausedBusinessDays);
  for (const o of r.outcomes) {
    const type = o.key.split('.')[0] ?? '';
    const t = lookup<BilingualText>(FIGURE_LABELS, `type.${type}`) ?? { ja: type, en: type };
    add('outcomes', `outcome.${o.key}`, { ja: `${t.ja}：${outcomeLabel(o.key).ja}`, en: `${t.en}: ${outcomeLabel(o.key).en}` }, o.count);
  }
  for (const [g, n] of entriesOf(r.groundsCited)) add('outcomes', `ground.${g}`, GROUND_LABELS[g], n);
  for (const [g, n] of entriesOf(r.rejections)) add('outcomes', `rejection.${g}`, REJECTION_LABELS[g], n);
  add('outcomes', 'withdrawn', FIGURE_LABELS.withdrawn, r.withdrawn);
  add('openNow', 'open', FIGURE_LABELS.openNow, r.openNow);
  for (const [a, n] of entriesOf(r.openByAge)) add('openNow', `open.age.${a}`, AGE_LABELS[a], n);
  add('openNow', 'open.overdue', FIGURE_LABELS.overdueNow, r.overdueNow);
  add('openNow', 'open.pastLegalMark', FIGURE_LABELS.pastLegalMarkNow, r.pastLegalMarkNow);
  add('openNow', 'open.waiting', FIGURE_LABELS.waitingNow, r.waitingNow);
  add('fees', 'fees.received', FIGURE_LABELS['fees.received'], r.fees.received);
  add('fees', 'fees.refunded', FIGURE_LABELS['fees.refunded'], r.fees.refunded);
  add('fees', 'fees.outstanding', FIGURE_LABELS['fees.outstanding'], r.fees.outstanding);
  const c = r.contacts;
  for (const [t, n] of entriesOf(c.received)) add('contacts', `contact.received.${t}`, FIGURE_LABELS[`contact.${t}` as const], n);
  for (const k of c.byKind) {
    const [t = '', kind = ''] = k.key.split('.');
    const kl = REQUEST_KIND_LABELS[kind] ?? { ja: '未確認', en: 'not recorded' };
    const tl = lookup<BilingualText>(FIGURE_LABELS, `contact.${t}`) ?? { ja: t, en: t };
    add('contacts', `contact.kind.${k.key}`, { ja: `${tl.ja}：${kl.ja}`, en: `${tl.en}: ${kl.en}` }, k.count);
  }
  add('contacts', 'contact.answered', FIGURE_LABELS['contact.answered'], c.answered);
  add('contacts', 'contact.answered.onTarget', FIGURE_LABELS['contact.onTarget'], c.onTarget);
  add('contacts', 'contact.answered.late', FIGURE_LABELS['contact.late'], c.late);
  add('contacts', 'contact.open', FIGURE_LABELS['contact.openNow'], c.openNow);
  add('contacts', 'contact.open.overTarget', FIGURE_LABELS['contact.overTargetNow'], c.overTargetNow);
  for (const s of r.staff) {
    add('staff', `staff.handled.${s.username}`, { ja: `${s.displayName}：回答`, en: `${s.username}: answered` }, s.handled);
    add('staff', `staff.decisions.${s.username}`, { ja: `${s.displayName}：決定`, en: `${s.username}: decisions` }, s.decisions);
    add('staff', `staff.approvals.${s.username}`, { ja: `${s.displayName}：承認`, en: `${s.username}: approvals` }, s.approvals);
  }
  return rows;
}
