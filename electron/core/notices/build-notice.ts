// Builds the bilingual content of one notice for one case from the notice texts (editable templates)
// and the case file. Letters (core/letters) and email (core/mail) both call this, so the same words go
// out both ways. Pure: no database, no clock (the date of issue is given).
import type { CaseFile, DeskSettings, NoticeKind, Outcome, PauseReason } from '../../contract/index.ts';
import { DISCLOSURE_FEE_YEN, disclosureGrounds, isOneOf, isRequestType, pauseReasons, rejectionGrounds } from '../../contract/index.ts';
import type { FeePaymentDetails } from '../../contract/index.ts';
import { recipientOf } from './recipient.ts';
import { DeskError } from '../errors.ts';
import type { BilingualText, NoticeContent, NoticeFact } from './notice-content.ts';
import { bilingualDate, yen } from './dates.ts';
import { COMPLAINT_REPLY_TITLE, DELIVERY_LABELS, FEE_METHOD_LABELS, GROUND_LABELS, NOTICE_TITLES, OUTCOME_LABELS, REJECTION_LABELS, REQUEST_KIND_LABELS, REQUEST_TYPE_LABELS, decisionTitle } from './labels.ts';
import { POLICY, citation, type PolicyPassage } from './policy-text.ts';
import { fillTemplate, paragraphsOf, templateKey } from './templates.ts';
import { templateFor } from './template-store.ts';

export interface NoticeInput {
  kind: NoticeKind;
  file: CaseFile;
  settings: DeskSettings;
  issuedAt: Date;
}

const same = (s: string): BilingualText => ({ ja: s, en: s });
/** Words staff wrote in Japanese: the English half says so instead of passing them off as a translation. */
const ORIGINAL_JAPANESE = '(original Japanese)';
const staffWords = (s: string): BilingualText => ({ ja: s, en: s ? `${ORIGINAL_JAPANESE} ${s}` : '' });
const staffFact = (label: BilingualText, s: string): NoticeFact => ({ label, value: same(s), staffWritten: true });

/** How to pay the fee by bank transfer (the desk's settings); null until a supervisor has set an account. */
function paymentDetails(p: FeePaymentDetails | undefined): BilingualText | null {
  if (!p || !p.accountNumber || !p.bankName) return null;
  const type = p.accountType === 'current' ? { ja: '当座', en: 'current' } : { ja: '普通', en: 'ordinary' };
  return {
    ja: [`${p.bankName}\u3000${p.branchName}`, `${type.ja}預金\u3000${p.accountNumber}`, `口座名義：${p.accountHolder}`, `お支払い期限：本通知の日から${p.deadlineDays}営業日以内`, '振込手数料はご負担ください。定額小為替（郵便局）でもお支払いいただけます。'].join('\n'),
    en: [`${p.bankName}, ${p.branchName} branch`, `${type.en} account ${p.accountNumber}`, `Account holder: ${p.accountHolder}`, `Please pay within ${p.deadlineDays} business days of the date of this notice.`, 'Transfer charges are borne by the payer. A postal money order (定額小為替) is also accepted.'].join('\n'),
  };
}
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: BilingualText[]): BilingualText => ({ ja: items.map((i) => `・${i.ja}`).join('\n'), en: items.map((i) => `- ${i.en}`).join('\n') });

const REQUESTER_KIND: Record<string, BilingualText> = {
  representative: { ja: '法定代理人', en: 'legal representative' },
  agent: { ja: '任意代理人', en: 'appointed agent' },
};

interface LatestEvent {
  data: Record<string, unknown>;
}
const latest = (file: CaseFile, kind: string): LatestEvent | undefined => [...file.timeline].reverse().find((e) => e.kind === kind);

/** What the member must send for a documents/fee request: from the last pause, the identity checks and the fee ledger. */
function neededItems(file: CaseFile): BilingualText[] {
  const pause = latest(file, 'pause');
  const stored = pause?.data.reasonKind;
  const reasonKind: PauseReason | undefined = isOneOf(pauseReasons, stored) ? stored : undefined;
  const verified = file.identityChecks.at(-1)?.verified === true;
  const items: BilingualText[] = [];
  if (reasonKind === 'identity_documents' || (!verified && reasonKind !== 'fee' && reasonKind !== 'clarification')) {
    items.push({
      ja: '本人確認書類の写し（運転免許証、マイナンバーカード（表面のみ）、在留カード、パスポート等のいずれか1点）',
      en: "A copy of one identity document (driver's license, My Number card (front only), residence card, passport, or similar)",
    });
    if (file.case.requesterKind !== 'member') {
      items.push({
        ja: '代理権を確認できる書類（戸籍謄本、後見登記事項証明書、委任状および本人の印鑑登録証明書等。証明書は発行から6か月以内のもの）',
        en: "A document proving the right to act for the member (family register, guardianship certificate, or a power of attorney with the member's seal certificate; certificates issued within the last 6 months)",
      });
    }
  }
  const owed = file.fees ? Math.max(0, -file.fees.balance) : 0;
  if (file.case.type === 'disclosure' && (owed > 0 || reasonKind === 'fee')) {
    const amount = yen(owed > 0 ? owed : DISCLOSURE_FEE_YEN);
    items.push({ ja: `手数料 ${amount.ja}（定額小為替または銀行振込）`, en: `The fee: ${amount.en} (postal money order or bank transfer)` });
  }
  if (reasonKind === 'clarification') items.push({ ja: 'ご請求内容の確認（対象となる情報や期間を具体的にお知らせください）', en: 'Clarification of your request (please tell us which information and which period it concerns)' });
  if (items.length === 0) throw new DeskError({ code: 'NOTHING_OUTSTANDING' });
  return items;
}

function requestLabel(file: CaseFile): BilingualText {
  const type = REQUEST_TYPE_LABELS[file.case.type];
  const kinds = file.case.kinds.map((k) => REQUEST_KIND_LABELS[k]).filter((k): k is BilingualText => k !== undefined);
  if (kinds.length === 0) return type;
  return { ja: `${type.ja}（${kinds.map((k) => k.ja).join('、')}）`, en: `${type.en} (${kinds.map((k) => k.en).join(', ')})` };
}

function feePaidText(file: CaseFile): BilingualText {
  const payments = file.fees?.entries.filter((e) => e.kind === 'payment') ?? [];
  const last = payments.at(-1);
  if (!file.fees || file.fees.balance < 0 || !last) return { ja: '未納', en: 'not yet received' };
  const on = bilingualDate(last.receivedOn);
  const how = FEE_METHOD_LABELS[last.method];
  return { ja: `${on.ja}受領（${how.ja}）`, en: `received on ${on.en} (${how.en})` };
}

function decisionCitations(type: CaseFile['case']['type'], outcome: Outcome, grounds: readonly string[]): PolicyPassage[] {
  if (type === 'disclosure') {
    const out: PolicyPassage[] = [POLICY.art6Disclosure];
    if (outcome === 'disclosed_partial' || outcome === 'not_disclosed') {
      if (grounds.includes('harm_to_interests')) out.push(POLICY.art6HarmToInterests);
      if (grounds.includes('business_hindrance')) out.push(POLICY.art6BusinessHindrance);
      if (grounds.includes('violation_of_law')) out.push(POLICY.art6ViolationOfLaw);
      if (grounds.includes('not_personal_information')) out.push(POLICY.art6NotPersonal);
    }
    return out;
  }
  if (type === 'correction') return [POLICY.art7Correct, POLICY.art7Notify];
  return [POLICY.art8Stop, POLICY.art8Notify];
}

export function buildNotice(input: NoticeInput): NoticeContent {
  const { kind, file, settings, issuedAt } = input;
  const c = file.case;
  const desk = settings.desk;
  const outcome = c.outcome;
  if (kind === 'decision' && !outcome) throw new DeskError({ code: 'NO_DECISION_YET' });
  if (kind === 'withdrawal' && c.closureGround !== 'withdrawn') throw new DeskError({ code: 'NOT_WITHDRAWN' });
  if (kind === 'rejection' && (c.closureGround === null || c.closureGround === 'withdrawn')) throw new DeskError({ code: 'NOT_REJECTED' });
  const extendEvent = latest(file, 'extend');
  if (kind === 'extension' && !extendEvent) throw new DeskError({ code: 'NOT_EXTENDED' });

  const arrival = bilingualDate(file.deadline.arrivedAt);
  const issued = bilingualDate(issuedAt);
  const due = bilingualDate(file.deadline.due);
  const request = requestLabel(file);
  const to = recipientOf(c);
  const recipient = to.name || c.memberName;
  if (kind === 'decision' && !isRequestType(c.type)) throw new DeskError({ code: 'NO_DECISION_YET' });
  if (kind === 'reply' && c.replyJa === '') throw new DeskError({ code: 'NO_DECISION_YET' });
  const title = kind === 'decision' && isRequestType(c.type) ? decisionTitle(c.type, outcome!) : kind === 'reply' && c.type === 'complaint' ? COMPLAINT_REPLY_TITLE : NOTICE_TITLES[kind as Exclude<NoticeKind, 'decision'>];

  // ——— values for the template variables, per language ———
  const values: Record<string, BilingualText> = {
    reference: same(c.reference),
    memberName: same(c.memberName),
    recipientName: same(recipient),
    arrivalDate: arrival,
    issueDate: issued,
    requestType: REQUEST_TYPE_LABELS[c.type],
    requestText: same(c.requestText),
    dueDate: due,
    companyName: { ja: desk.companyJa, en: desk.companyEn },
    deskName: { ja: desk.deskNameJa, en: desk.deskNameEn },
    deskEmail: same(desk.email),
  };
  const facts: NoticeFact[] = [{ label: { ja: '受付番号', en: 'Reference' }, value: same(c.reference) }];
  facts.push({ label: { ja: '受付日', en: 'Date received' }, value: arrival });
  if (c.requesterKind !== 'member') {
    const how = REQUESTER_KIND[c.requesterKind]!;
    facts.push({ label: { ja: '請求者', en: 'Requester' }, value: { ja: `${c.requesterName}（${how.ja}）`, en: `${c.requesterName} (${how.en})` } });
    facts.push({ label: { ja: '会員', en: 'Member' }, value: same(c.memberName) });
  }
  const contact = !isRequestType(c.type);
  facts.push({ label: contact ? { ja: '種類', en: 'Type' } : { ja: '請求の種類', en: 'Request' }, value: { ja: request.ja, en: capitalise(request.en) } });
  facts.push({ label: contact ? { ja: 'お問い合わせの内容（受付時のまま）', en: 'Your message as received' } : { ja: 'ご請求の内容（受付時のまま）', en: 'The request as received' }, value: same(c.requestText) });
  let citations: PolicyPassage[] = [];

  switch (kind) {
    case 'acknowledgement':
      facts.push({ label: { ja: '回答期限', en: 'We will reply by' }, value: due });
      break;
    case 'documents_request': {
      const items = neededItems(file);
      const owed = file.fees ? Math.max(0, -file.fees.balance) : 0;
      values.neededItems = list(items);
      values.feeAmount = yen(DISCLOSURE_FEE_YEN);
      values.feeOutstanding = yen(owed);
      facts.push({ label: { ja: 'お送りいただくもの', en: 'What we need from you' }, value: list(items) });
      if (c.type === 'disclosure' && owed > 0) {
        facts.push({ label: { ja: '手数料', en: 'Fee' }, value: { ja: `${yen(DISCLOSURE_FEE_YEN).ja}（未納 ${yen(owed).ja}）`, en: `${yen(DISCLOSURE_FEE_YEN).en} (${yen(owed).en} not yet received)` } });
        citations = [POLICY.art6Fee];
      }
      const pay = c.type === 'disclosure' && owed > 0 ? paymentDetails(settings.notices?.feePayment) : null;
      if (pay) facts.push({ label: { ja: 'お支払い方法（銀行振込）', en: 'How to pay (bank transfer)' }, value: pay });
      break;
    }
    case 'decision': {
      const o = outcome!;
      // In article order (第6条第1項第1号, 第2号, 第3号, 第2項), whatever order staff ticked them.
      const grounds = [...c.grounds].sort((a, b) => disclosureGrounds.indexOf(a) - disclosureGrounds.indexOf(b)).map((g) => GROUND_LABELS[g]);
      values.outcome = OUTCOME_LABELS[o];
      values.grounds = grounds.length > 0 ? list(grounds) : same('');
      values.reasoning = staffWords(c.reasoning);
      values.alternativeMeasure = staffWords(c.alternativeMeasure);
      values.delivery = c.delivery ? DELIVERY_LABELS[c.delivery] : same('');
      values.feeAmount = yen(DISCLOSURE_FEE_YEN);
      values.feePaid = feePaidText(file);
      facts.push({ label: { ja: '決定の内容', en: 'Decision' }, value: OUTCOME_LABELS[o] });
      if (grounds.length > 0) facts.push({ label: { ja: '開示しない根拠', en: 'Grounds for not disclosing' }, value: list(grounds) });
      if (c.reasoning) facts.push(staffFact({ ja: '理由', en: 'Reasons' }, c.reasoning));
      if (o === 'alternative_measure') facts.push(staffFact({ ja: '講じた代替措置', en: 'Alternative measure taken' }, c.alternativeMeasure));
      if (c.type === 'disclosure' && (o === 'disclosed_full' || o === 'disclosed_partial') && c.delivery) facts.push({ label: { ja: '開示の方法', en: 'Delivery' }, value: { ja: DELIVERY_LABELS[c.delivery].ja, en: capitalise(DELIVERY_LABELS[c.delivery].en) } });
      if (c.type === 'disclosure') {
        const paid = feePaidText(file);
        facts.push({ label: { ja: '手数料', en: 'Fee' }, value: { ja: `${yen(DISCLOSURE_FEE_YEN).ja}\u3000${paid.ja}`, en: `${yen(DISCLOSURE_FEE_YEN).en}, ${paid.en}` } });
      }
      citations = decisionCitations(c.type, o, c.grounds);
      break;
    }
    case 'extension': {
      const d = extendEvent!.data;
      const before = bilingualDate(String(d.dueBefore ?? file.deadline.due));
      const after = bilingualDate(String(d.due ?? file.deadline.due));
      values.previousDueDate = before;
      values.newDueDate = after;
      values.extensionReason = staffWords(String(d.reason ?? ''));
      facts.push({ label: { ja: '延長前の回答期限', en: 'Previous date for our reply' }, value: before });
      facts.push({ label: { ja: '延長後の回答期限', en: 'New date for our reply' }, value: after });
      facts.push(staffFact({ ja: '延長の理由', en: 'Reason for the extension' }, String(d.reason ?? '')));
      break;
    }
    case 'withdrawal':
      values.withdrawalReason = staffWords(c.closureReason);
      break;
    case 'reply':
      // The answer staff wrote (from a reply template, issue 19); an English half left empty says so.
      values.replyText = { ja: c.replyJa, en: c.replyEn || `${ORIGINAL_JAPANESE}\n${c.replyJa}` };
      break;
    case 'rejection': {
      const ground = REJECTION_LABELS[isOneOf(rejectionGrounds, c.closureGround) ? c.closureGround : 'other'];
      values.rejectionGround = ground;
      values.rejectionReason = staffWords(c.closureReason);
      facts.push({ label: { ja: 'お受けできない理由', en: 'Why the request cannot be accepted' }, value: c.closureReason ? { ja: `${ground.ja}\n${c.closureReason}`, en: `${ground.en}\n${ORIGINAL_JAPANESE} ${c.closureReason}` } : ground });
      break;
    }
  }

  const text = templateFor(templateKey(kind, outcome), settings);
  const ja = paragraphsOf(fillTemplate(text.ja, Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.ja]))));
  const en = paragraphsOf(fillTemplate(text.en, Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.en]))));
  const paragraphs: BilingualText[] = Array.from({ length: Math.max(ja.length, en.length) }, (_, i) => ({ ja: ja[i] ?? '', en: en[i] ?? '' }));

  const hours = settings.businessHours;
  const postal = `〒${desk.postalCode}`;
  const closing: BilingualText[] = [
    { ja: '本通知についてのお問い合わせは、受付番号を添えて下記の窓口までご連絡ください。', en: 'If you have any questions about this notice, please contact the desk below, quoting your reference number.' },
    {
      ja: [`${desk.companyJa}\u3000${desk.deskNameJa}`, `${postal} ${desk.addressJa}`, `メール：${desk.email}`, ...(desk.phone ? [`電話：${desk.phone}`] : [])].join('\n'),
      en: [`${desk.companyEn}, ${desk.deskNameEn}`, `${desk.addressEn} ${desk.postalCode}`, `Email: ${desk.email}`, ...(desk.phone ? [`Phone: ${desk.phone}`] : [])].join('\n'),
    },
    {
      // "By email in principle" (Art. 11) only to a requester the desk can write to by email.
      ja: `受付時間：${hours.open}～${hours.close}（土日祝日および12月29日～1月3日は休業）。${to.email ? 'お問い合わせには原則としてメールで対応いたします。' : ''}`,
      en: `Desk hours: ${hours.open}–${hours.close}, Japan time (closed on weekends, public holidays and from 29 December to 3 January).${to.email ? ' In principle, we respond to inquiries by email.' : ''}`,
    },
  ];

  return {
    kind,
    title,
    // The subject is one line: nothing a case holds can add a header line to an email.
    subject: { ja: oneLine(`【${c.reference}】${title.ja}`), en: oneLine(`${title.en} (${c.reference})`) },
    salutation: to.onBehalfOf
      ? { ja: `${recipient} 様（${to.onBehalfOf} 様の${REQUESTER_KIND[to.kind]!.ja}）`, en: `Dear ${recipient} (${REQUESTER_KIND[to.kind]!.en} of ${to.onBehalfOf}),` }
      : { ja: `${recipient} 様`, en: `Dear ${recipient},` },
    paragraphs,
    facts,
    citations: citations.map(citation),
    closing,
    issuedOn: issued,
  };
}
