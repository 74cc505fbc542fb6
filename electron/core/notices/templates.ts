// The notice texts: one template per notice (per outcome for decisions), Japanese first with the English
// reference translation. A supervisor may edit them (Settings → notice texts); what they can write is
// plain text and {{variable}} from a FIXED list per notice. Anything else in braces is refused on save,
// so a typo never reaches a member as "{{memberNmae}}". Values are substituted as plain text in one
// pass: a value that itself contains "{{…}}" (a member's name, a request) is never expanded again.
import { outcomes, type CodeOf, type NoticeKind, type Outcome, type Reason, type RequestType, isOneOf } from '../../contract/index.ts';
import type { BilingualText } from './notice-content.ts';

export type TemplateKey = Exclude<NoticeKind, 'decision'> | `decision.${Outcome}`;

export interface TemplateText {
  ja: string;
  en: string;
}

export interface VariableSpec {
  name: string;
  description: BilingualText;
}

const v = (name: string, ja: string, en: string): VariableSpec => ({ name, description: { ja, en } });

const COMMON: VariableSpec[] = [
  v('reference', '受付番号', 'the case reference, e.g. PD-2026-00001'),
  v('memberName', '会員の氏名', "the member's name"),
  v('recipientName', '宛名（本人、または代理人の氏名）', 'the person the notice is addressed to (the member, or their representative or agent)'),
  v('arrivalDate', '受付日（日本語は和暦、英語は西暦）', 'the date the request was received (era date in Japanese, Western date in English)'),
  v('issueDate', 'この通知の日付', 'the date of this notice'),
  v('requestType', '請求の種類', 'the type of request'),
  v('requestText', 'ご請求の内容（受付時のまま）', 'the request as received'),
  v('dueDate', '回答期限', 'the date the desk must answer by'),
  v('companyName', '会社名', 'the company name'),
  v('deskName', '窓口名', 'the desk name'),
  v('deskEmail', '窓口のメールアドレス', "the desk's email address"),
];

const EXTRA: Record<NoticeKind, VariableSpec[]> = {
  acknowledgement: [],
  documents_request: [
    v('neededItems', 'お送りいただきたい書類・手数料（箇条書き）', 'what the member must send: documents, the fee (a list)'),
    v('feeAmount', '手数料の額（1,000円）', 'the fee (¥1,000)'),
    v('feeOutstanding', '未納の手数料の額', 'the part of the fee not yet received'),
  ],
  decision: [
    v('outcome', '決定の内容', 'the decision'),
    v('grounds', '開示しない根拠（第6条、箇条書き）', 'the Article 6 grounds for not disclosing (a list)'),
    v('reasoning', '理由（担当者の記載）', 'the reasons, as written by the desk'),
    v('alternativeMeasure', '代替措置の内容', 'the alternative measure taken'),
    v('delivery', '開示の方法', 'how the information is provided (electronic or paper)'),
    v('feeAmount', '手数料の額（1,000円）', 'the fee (¥1,000)'),
    v('feePaid', '手数料の受領状況', 'the fee received: date and method'),
  ],
  extension: [
    v('previousDueDate', '延長前の回答期限', 'the date for the reply before the extension'),
    v('newDueDate', '延長後の回答期限', 'the new date for the reply'),
    v('extensionReason', '延長の理由', 'the reason for the extension'),
  ],
  withdrawal: [v('withdrawalReason', '取下げについての記録（担当者の記載）', 'the note recorded with the withdrawal, as written by the desk')],
  // Issue 19: an inquiry's or complaint's reply is the answer staff wrote from a reply template
  // (core/notices/reply-templates.ts); the notice text around it only places it.
  reply: [v('replyText', '回答（担当者が作成した本文）', 'the answer, as written by the desk')],
  rejection: [
    v('rejectionGround', 'お受けできない理由（区分）', 'why the request cannot be accepted'),
    v('rejectionReason', 'お受けできない理由（担当者の記載）', 'the reasons, as written by the desk'),
  ],
};

export function variablesFor(kind: NoticeKind): VariableSpec[] {
  return [...COMMON, ...EXTRA[kind]];
}

export function variableNamesFor(kind: NoticeKind): string[] {
  return variablesFor(kind).map((x) => x.name);
}

export const ALL_OUTCOMES: readonly Outcome[] = [...outcomes.disclosure, ...outcomes.correction, ...outcomes.suspension];

export function requestTypeOfOutcome(outcome: Outcome): RequestType {
  for (const t of ['disclosure', 'correction', 'suspension'] as const) if (isOneOf(outcomes[t], outcome)) return t;
  throw new Error(`unknown outcome ${outcome}`);
}

export function templateKey(kind: NoticeKind, outcome: Outcome | null): TemplateKey {
  if (kind !== 'decision') return kind;
  if (!outcome) throw new Error('a decision template needs an outcome');
  return `decision.${outcome}`;
}

/** A decision's key (one per outcome): every other TemplateKey is a notice kind of its own. */
const isDecisionKey = (key: TemplateKey): key is `decision.${Outcome}` => key.startsWith('decision.');

export function kindOfKey(key: TemplateKey): { kind: NoticeKind; outcome: Outcome | null } {
  if (!isDecisionKey(key)) return { kind: key, outcome: null };
  const outcome = ALL_OUTCOMES.find((o) => key === `decision.${o}`);
  if (!outcome) throw new Error(`unknown template key ${key}`);
  return { kind: 'decision', outcome };
}

// ——— The default texts ———
// Body paragraphs only (a blank line separates paragraphs). The title, the salutation, the facts table
// (reference, dates, the request as received, outcome, grounds, fee …), the quoted policy articles and the
// desk's contact block and hours are added around them by buildNotice.

const RECEIVED_JA = '{{arrivalDate}}に受け付けました{{requestType}}（受付番号 {{reference}}）について、';
const RECEIVED_EN = 'your {{requestType}} received on {{arrivalDate}} (reference {{reference}})';

const DECISIONS: Record<Outcome, TemplateText> = {
  disclosed_full: {
    ja: `${RECEIVED_JA}検討の結果、ご請求の個人情報の全部を開示することと決定しましたので、プライバシーポリシー第6条に基づき通知いたします。\n\n開示する内容は、ご希望の方法（{{delivery}}）によりお届けいたします。手数料{{feeAmount}}は受領いたしました。`,
    en: `Regarding ${RECEIVED_EN}, we have decided to disclose in full the personal information you asked for, and notify you of this under Article 6 of our Privacy Policy.\n\nThe information will be provided by the method you chose ({{delivery}}). We have received the fee of {{feeAmount}}.`,
  },
  disclosed_partial: {
    ja: `${RECEIVED_JA}検討の結果、ご請求の個人情報の一部を開示し、その他の部分は開示しないことと決定しましたので、プライバシーポリシー第6条に基づき通知いたします。\n\n開示しない部分とその理由は次のとおりです。\n{{reasoning}}\n\n開示しない根拠：\n{{grounds}}\n\n開示する部分は、ご希望の方法（{{delivery}}）によりお届けいたします。`,
    en: `Regarding ${RECEIVED_EN}, we have decided to disclose part of the personal information you asked for and not to disclose the rest, and notify you of this under Article 6 of our Privacy Policy.\n\nThe part not disclosed, and why:\n{{reasoning}}\n\nGrounds for not disclosing:\n{{grounds}}\n\nThe part disclosed will be provided by the method you chose ({{delivery}}).`,
  },
  not_disclosed: {
    ja: `${RECEIVED_JA}検討の結果、ご請求の個人情報を開示しないことと決定しましたので、プライバシーポリシー第6条に基づき通知いたします。\n\n理由は次のとおりです。\n{{reasoning}}\n\n開示しない根拠：\n{{grounds}}`,
    en: `Regarding ${RECEIVED_EN}, we have decided not to disclose the personal information you asked for, and notify you of this under Article 6 of our Privacy Policy.\n\nThe reasons:\n{{reasoning}}\n\nGrounds for not disclosing:\n{{grounds}}`,
  },
  no_information: {
    ja: `${RECEIVED_JA}調査の結果、ご請求に係る個人情報を当社は保有しておりませんでしたので、プライバシーポリシー第6条に基づき、開示しない旨を通知いたします。`,
    en: `Regarding ${RECEIVED_EN}, we have searched for the personal information you asked for and we hold no such information. Under Article 6 of our Privacy Policy we notify you that there is nothing to disclose.`,
  },
  done: {
    ja: `${RECEIVED_JA}調査の結果、ご請求のとおり個人情報の訂正等を行いましたので、プライバシーポリシー第7条に基づき通知いたします。`,
    en: `Regarding ${RECEIVED_EN}, we have made the correction, addition or deletion you asked for, and notify you of this under Article 7 of our Privacy Policy.`,
  },
  done_partial: {
    ja: `${RECEIVED_JA}調査の結果、ご請求の一部について訂正等を行い、その他の部分については訂正等を行わないことと決定しましたので、プライバシーポリシー第7条に基づき通知いたします。\n\n訂正等を行わない部分とその理由は次のとおりです。\n{{reasoning}}`,
    en: `Regarding ${RECEIVED_EN}, we have made part of the correction, addition or deletion you asked for and decided not to make the rest, and notify you of this under Article 7 of our Privacy Policy.\n\nThe part not made, and why:\n{{reasoning}}`,
  },
  not_done_accurate: {
    ja: `${RECEIVED_JA}調査の結果、当社が保有する当該個人情報は正確であると判断し、訂正等を行わないことと決定しましたので、プライバシーポリシー第7条に基づき通知いたします。\n\n理由は次のとおりです。\n{{reasoning}}`,
    en: `Regarding ${RECEIVED_EN}, we found that the personal information we hold is accurate and decided not to correct it, and notify you of this under Article 7 of our Privacy Policy.\n\nThe reasons:\n{{reasoning}}`,
  },
  not_done_not_personal: {
    ja: `${RECEIVED_JA}ご請求の情報は個人情報に該当しないため、訂正等を行わないことと決定しましたので、プライバシーポリシー第7条に基づき通知いたします。\n\n理由は次のとおりです。\n{{reasoning}}`,
    en: `Regarding ${RECEIVED_EN}, the information concerned is not personal information, so we decided not to correct it, and notify you of this under Article 7 of our Privacy Policy.\n\nThe reasons:\n{{reasoning}}`,
  },
  use_stopped: {
    ja: `${RECEIVED_JA}調査の結果、ご請求に応じる必要があると判断し、当該個人情報の利用を停止しましたので、プライバシーポリシー第8条に基づき通知いたします。`,
    en: `Regarding ${RECEIVED_EN}, our investigation found that we should comply, and we have stopped using the personal information concerned. We notify you of this under Article 8 of our Privacy Policy.`,
  },
  deleted: {
    ja: `${RECEIVED_JA}調査の結果、ご請求に応じる必要があると判断し、当該個人情報を消去しましたので、プライバシーポリシー第8条に基づき通知いたします。`,
    en: `Regarding ${RECEIVED_EN}, our investigation found that we should comply, and we have deleted the personal information concerned. We notify you of this under Article 8 of our Privacy Policy.`,
  },
  provision_stopped: {
    ja: `${RECEIVED_JA}調査の結果、ご請求に応じる必要があると判断し、当該個人情報の第三者への提供を停止しましたので、プライバシーポリシー第8条に基づき通知いたします。`,
    en: `Regarding ${RECEIVED_EN}, our investigation found that we should comply, and we have stopped providing the personal information concerned to third parties. We notify you of this under Article 8 of our Privacy Policy.`,
  },
  alternative_measure: {
    ja: `${RECEIVED_JA}調査の結果、利用停止等を行うことには多額の費用を要するなど困難な事情があるため、プライバシーポリシー第8条に基づき、これに代わる次の措置を講じましたので、通知いたします。\n\n講じた措置：\n{{alternativeMeasure}}\n\n理由：\n{{reasoning}}`,
    en: `Regarding ${RECEIVED_EN}, stopping the use would involve large costs or other difficulties, so under Article 8 of our Privacy Policy we have taken the following alternative measure to protect your rights and interests, and notify you of it.\n\nThe measure taken:\n{{alternativeMeasure}}\n\nThe reasons:\n{{reasoning}}`,
  },
  declined: {
    ja: `${RECEIVED_JA}調査の結果、利用停止等を行わないことと決定しましたので、プライバシーポリシー第8条に基づき通知いたします。\n\n理由は次のとおりです。\n{{reasoning}}`,
    en: `Regarding ${RECEIVED_EN}, after investigation we have decided not to stop using or delete the personal information concerned, and notify you of this under Article 8 of our Privacy Policy.\n\nThe reasons:\n{{reasoning}}`,
  },
};

const OTHERS: Record<Exclude<NoticeKind, 'decision'>, TemplateText> = {
  reply: { ja: '{{replyText}}', en: '{{replyText}}' },
  acknowledgement: {
    ja: 'このたびは{{requestType}}をお送りいただき、ありがとうございます。{{arrivalDate}}に受け付けましたので、お知らせいたします。\n\n受付番号は{{reference}}です。お問い合わせの際は、この番号をお知らせください。\n\nご請求の内容を確認のうえ、{{dueDate}}までに回答いたします。本人確認書類や手数料など、お送りいただくものがある場合は、別途ご連絡いたします。',
    en: 'Thank you for your {{requestType}}. We received it on {{arrivalDate}}.\n\nYour reference number is {{reference}}. Please quote it whenever you contact us.\n\nWe will review your request and reply by {{dueDate}}. If we need identity documents, the fee or anything else from you, we will let you know separately.',
  },
  documents_request: {
    ja: `${RECEIVED_JA}手続きを進めるため、次のものをお送りくださいますようお願いいたします。\n\n{{neededItems}}\n\nお送りいただいたものが届くまでの間、回答期限の計算を停止しております。到着を確認しましたら、直ちに手続きを再開いたします。`,
    en: `To proceed with ${RECEIVED_EN}, we kindly ask you to send us the following:\n\n{{neededItems}}\n\nThe time limit for our reply is paused until they reach us. We will resume as soon as we receive them.`,
  },
  extension: {
    ja: `${RECEIVED_JA}{{previousDueDate}}までに回答する予定としておりましたが、次の理由により、回答期限を{{newDueDate}}まで延長させていただきます。お待たせして申し訳ございません。\n\n延長の理由：\n{{extensionReason}}`,
    en: `We had planned to reply to ${RECEIVED_EN} by {{previousDueDate}}. For the reason below, we must extend the date for our reply to {{newDueDate}}. We apologise for the wait.\n\nThe reason for the extension:\n{{extensionReason}}`,
  },
  withdrawal: {
    ja: `${RECEIVED_JA}取下げのお申し出を承りましたので、お知らせいたします。本件の手続きは、これをもって終了いたします。`,
    en: `We have received the withdrawal of ${RECEIVED_EN}. This closes the procedure for your request.`,
  },
  rejection: {
    ja: `${RECEIVED_JA}次の理由により、ご請求をお受けすることができませんので、お知らせいたします。\n\n{{rejectionGround}}\n{{rejectionReason}}\n\n必要な書類等をおそろえのうえ、改めてご請求いただくことができます。`,
    en: `We are sorry that we cannot accept ${RECEIVED_EN}, for the following reason:\n\n{{rejectionGround}}\n{{rejectionReason}}\n\nYou may make the request again with the documents and information needed.`,
  },
};

export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  'acknowledgement',
  'documents_request',
  ...ALL_OUTCOMES.map((o) => `decision.${o}` as const),
  'extension',
  'withdrawal',
  'rejection',
];

export function defaultTemplate(key: TemplateKey): TemplateText {
  const { kind, outcome } = kindOfKey(key);
  return kind === 'decision' ? DECISIONS[outcome!] : OTHERS[kind];
}

// ——— Checking and filling a template ———

type Token = { type: 'text'; text: string } | VarToken;
type VarToken = { type: 'var'; name: string };
/** A {{variable}} of the template (the other tokens are its text). */
export const isVarToken = (t: Token): t is VarToken => t.type === 'var';

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

type BraceProblem = CodeOf<'TEMPLATE_BRACES'>;

/** Splits a template into text and {{variable}} tokens; the first problem, as a code, if it is malformed. */
export function tokenize(text: string): { tokens: Token[] } | { problem: BraceProblem } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      return { problem: { code: 'TEMPLATE_BRACES', problem: 'stray_close', line: lineAt(text, close) } };
    }
    if (open === -1) {
      tokens.push({ type: 'text', text: text.slice(i) });
      break;
    }
    if (open > i) tokens.push({ type: 'text', text: text.slice(i, open) });
    const end = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (end === -1) return { problem: { code: 'TEMPLATE_BRACES', problem: 'unclosed', line: lineAt(text, open) } };
    if (nextOpen !== -1 && nextOpen < end) return { problem: { code: 'TEMPLATE_BRACES', problem: 'nested', line: lineAt(text, open) } };
    const inner = text.slice(open + 2, end);
    const name = inner.trim();
    if (!NAME.test(name)) {
      const shown = inner.length > 40 ? `${inner.slice(0, 40)}…` : inner;
      return { problem: { code: 'TEMPLATE_BRACES', problem: 'not_a_name', line: lineAt(text, open), text: shown } };
    }
    tokens.push({ type: 'var', name });
    i = end + 2;
  }
  return { tokens };
}

/** Null when the text is a valid template for this notice; otherwise what is wrong, naming the variable. */
export function templateProblem(text: string, kind: NoticeKind): Reason | null {
  const t = tokenize(text);
  if ('problem' in t) return t.problem;
  const allowed = variableNamesFor(kind);
  const unknown = t.tokens.filter(isVarToken).find((x) => !allowed.includes(x.name));
  if (unknown) return { code: 'TEMPLATE_UNKNOWN_VARIABLE', name: unknown.name, allowed: [...allowed] };
  return null;
}

/** Fills a (valid) template with plain-text values, in one pass. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  const t = tokenize(text);
  if ('problem' in t) throw new Error(`invalid template: ${t.problem.problem} at line ${t.problem.line}`);
  return t.tokens.map((x) => (x.type === 'text' ? x.text : (values[x.name] ?? ''))).join('');
}

/** Paragraphs of a filled text: split at blank lines, trailing spaces trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/[ \t\u3000]+$/gm, '').replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}
