// The answers an inquiry or complaint gets (issue 19): bilingual reply templates drawn from the policy,
// which a supervisor may edit like the notice texts. Placeholders are a FIXED list filled from the desk's
// settings, the case and the policy's own lists (Article 3's purposes of use, Article 5's cases of
// provision to third parties and its promotional-mail paragraph); anything else in braces is refused on
// save, naming it. The filled text is what staff edit before answering; the reply notice carries it.
import type { CaseDetail, DeskSettings, Reason, ReplyTemplate, ReplyTemplateView } from '../../contract/index.ts';
import { replyTemplates } from '../../contract/index.ts';
import type { BilingualText } from './notice-content.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { DeskError } from '../errors.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';
import { fillTemplate, isVarToken, tokenize, type TemplateText, type VariableSpec } from './templates.ts';

const v = (name: string, ja: string, en: string): VariableSpec => ({ name, description: { ja, en } });

export const REPLY_VARIABLES: readonly VariableSpec[] = [
  v('reference', '受付番号', 'the case reference'),
  v('recipientName', '宛名', 'the person the reply is addressed to'),
  v('companyName', '会社名', 'the company name'),
  v('deskName', '窓口名', 'the desk name'),
  v('deskEmail', '窓口のメールアドレス', "the desk's email address"),
  v('deskAddress', '窓口の住所（郵便番号つき）', "the desk's postal address with its postal code"),
  v('purposesOfUse', '利用目的の一覧（第3条）', 'the purposes of use (Article 3, a list)'),
  v('thirdPartyCases', '第三者に提供する場合の一覧（第5条）', 'the cases of provision to third parties (Article 5, a list)'),
  v('promotionalMail', '広告メールについての定め（第5条）', 'the paragraph on promotional mail (Article 5)'),
  v('requestForm', '開示等請求書の案内', 'where the request form is (enclosed with a letter; sent by post on request)'),
];
const NAMES = REPLY_VARIABLES.map((x) => x.name);

// Article 3 and Article 5 of the policy. English: verbatim from docs/policy/privacy-policy.en.txt (checked by
// test/unit/inquiries/reply-templates.test.ts). Japanese: renderings made for this desk — the Japanese original
// of the policy prevails and must replace them before use (as for core/notices/policy-text.ts).
const ARTICLE_3: BilingualText[] = [
  { ja: '当社および第三者の商品・サービスの広告・宣伝（メールの送信を含みます）のため', en: 'For advertising or promotion (including email transmission) of our company and third party products and services' },
  { ja: '代金の決済、請求、料金計算のため', en: 'For payment, billing, billing calculation' },
  { ja: '本人確認・認証サービスのため', en: 'For identity verification and authentication services' },
  { ja: 'アフターサービス、お問い合わせ、苦情への対応のため', en: 'For after-sales service, inquiries, and complaint handling' },
  { ja: 'アンケート・キャンペーンの実施のため', en: 'For conducting questionnaires and campaigns' },
  { ja: 'マーケティングデータの調査・統計・分析のため', en: 'For research, statistics and analysis of marketing data' },
  { ja: '決済サービス・物流サービスの提供のため', en: 'To provide payment services and logistics services' },
  { ja: '新サービス・新機能の開発、システムの保守、不具合対応のため', en: 'For new services, new function development, system maintenance, and troubleshooting' },
  { ja: '会員紹介情報の掲載のため', en: 'For posting member description information' },
  { ja: 'サービスに関する重要なお知らせなど、必要に応じたご連絡のため', en: 'To contact you as necessary, such as important notices regarding our services' },
  { ja: '上記の利用目的に付随する目的のため', en: 'For other purposes incidental to the above purpose of use' },
];

const ARTICLE_5: BilingualText[] = [
  { ja: '会員の同意がある場合', en: 'With the consent of the member' },
  { ja: '裁判所、検察庁、警察、税務署、弁護士会またはこれらに準じた権限を持つ機関から開示を求められた場合', en: "When disclosure is requested by a court, public prosecutor's office, police, tax office, bar association, or an organization with similar authority." },
  { ja: '当社に支払うべき料金その他の金銭を決済するために、金融機関、クレジットカード会社、回収代行業者その他の決済代行業者または決済を行う事業者に開示する場合', en: 'When the member discloses to a financial institution, a credit card company, a collection agency or other settlement agent or a business operator who performs the settlement in order to settle the fee or other money to be paid to the Company.' },
  { ja: '当社が行う業務の全部または一部を第三者に委託する場合', en: 'When entrusting all or part of the business performed by our company to a third party' },
  { ja: '人の生命、身体または財産の保護のために必要があり、本人の同意を得ることが困難である場合', en: 'When it is necessary to protect the life, body or property of a person and it is difficult to obtain the consent of the person.' },
  { ja: '公衆衛生の向上または児童の健全な育成の推進のために特に必要があり、本人の同意を得ることが困難である場合', en: 'When it is particularly necessary to improve public health or promote the sound development of children, and it is difficult to obtain the consent of the person.' },
  { ja: '国の機関もしくは地方公共団体またはその委託を受けた者が法令の定める事務を遂行することに協力する必要があり、本人の同意を得ることによりその遂行に支障を及ぼすおそれがある場合', en: 'When it is necessary to cooperate with a national agency, a local government, or an individual or entity entrusted by either a national agency or local government to execute affairs prescribed by law, and obtaining the consent of the individual is likely to impede the execution of such affairs.' },
  { ja: '当社に対して秘密保持義務を負う者に開示する場合', en: 'When disclosing information to a person who is obligated to maintain confidentiality to the Company' },
  { ja: '当社の権利行使に必要な場合', en: 'When necessary for the Company to exercise its rights' },
  { ja: 'その他、当社の各サービスにおいて個別に定める場合', en: 'In addition, when it is determined individually for each service of the Company' },
  { ja: '合併、事業譲渡その他の事由による事業の承継の際に、事業を承継する者に開示する場合', en: 'When disclosing to the person who succeeds the business at the time of business succession due to merger, business transfer or other reasons' },
  { ja: '個人情報保護法その他の法令により認められる場合', en: 'When permitted by the Personal Information Protection Law and other laws and regulations' },
  { ja: '所定の事項をあらかじめ公表し、個人情報保護委員会に届け出た場合', en: 'When the following matters have been announced or announced in advance, and the Company has notified the Personal Information Protection Commission.' },
];

const PROMOTIONAL: BilingualText = {
  ja: '当社は、会員に対し、広告または第三者の広告のためのメールその他の宣伝物を送付することができ、会員はあらかじめこれに同意するものとします。',
  en: 'The Company shall be able to send emails and other promotional materials to members for advertisements or advertisements of third parties, and the members shall consent in advance.',
};

export const POLICY_LISTS = { article3: ARTICLE_3, article5: ARTICLE_5, promotional: PROMOTIONAL } as const;

const GREETING: TemplateText = {
  // The salutation and the desk's contact block are added around the reply by buildNotice.
  ja: 'このたびは{{companyName}} {{deskName}}にお問い合わせいただき、ありがとうございます（受付番号 {{reference}}）。',
  en: 'Thank you for contacting the {{deskName}} of {{companyName}} (reference {{reference}}).',
};
const SIGN_OFF: TemplateText = {
  ja: 'ご不明な点がございましたら、受付番号を添えて{{deskEmail}}までご連絡ください。',
  en: 'If anything is unclear, please write to {{deskEmail}}, quoting your reference number.',
};
const around = (ja: string, en: string): TemplateText => ({ ja: `${GREETING.ja}\n\n${ja}\n\n${SIGN_OFF.ja}`, en: `${GREETING.en}\n\n${en}\n\n${SIGN_OFF.en}` });

const DEFAULTS: Record<ReplyTemplate, TemplateText> = {
  purpose_of_use: around(
    'プライバシーポリシー第3条のとおり、当社は会員の個人情報を次の目的のために利用しております。\n\n{{purposesOfUse}}\n\nこれらの目的の範囲を超えて利用することはありません。',
    'As Article 3 of our Privacy Policy sets out, we use members’ personal information for the following purposes:\n\n{{purposesOfUse}}\n\nWe do not use it beyond these purposes.',
  ),
  third_party_provision: around(
    'プライバシーポリシー第5条のとおり、当社が会員の個人情報を第三者（日本国外を含みます）に提供するのは、次の場合に限られます。\n\n{{thirdPartyCases}}\n\n第三者への提供の停止をご希望の場合は、利用停止等のご請求としてお受けいたします。',
    'As Article 5 of our Privacy Policy sets out, we provide members’ personal information to third parties (including those outside Japan) only in the following cases:\n\n{{thirdPartyCases}}\n\nIf you wish us to stop providing it to third parties, we accept this as a request for suspension.',
  ),
  promotional_mail: around(
    'プライバシーポリシー第5条には、次の定めがあります。\n\n{{promotionalMail}}\n\n広告メールの配信停止をご希望の場合は、このメールにご返信ください。配信を停止いたします。',
    'Article 5 of our Privacy Policy provides:\n\n{{promotionalMail}}\n\nIf you wish to stop receiving promotional mail, reply to this email and we will stop sending it.',
  ),
  how_to_request: around(
    '保有個人データの開示、訂正・追加・削除、利用停止等のご請求は、所定の開示等請求書にご記入のうえ、本人確認書類の写しを添えて、下記までお送りください。開示のご請求には1件あたり1,000円の手数料がかかります（定額小為替または銀行振込）。\n\n{{requestForm}}\n\n送付先：{{deskAddress}} {{companyName}} {{deskName}}',
    'To ask us to disclose, correct, add to, delete or stop using your personal information, fill in our request form and send it with a copy of an identity document to the address below. A disclosure costs ¥1,000 per request (postal money order or bank transfer).\n\n{{requestForm}}\n\nSend it to: {{companyName}}, {{deskName}}, {{deskAddress}}',
  ),
  blank: around('', ''),
};

export function defaultReplyTemplate(t: ReplyTemplate): TemplateText {
  return DEFAULTS[t];
}

/** The settings key a supervisor's text is kept under (inside settings.noticeTemplates). */
export const replySettingsKey = (t: ReplyTemplate) => `reply.${t}`;

/** Null when the text is a valid reply template; otherwise the problem, naming an unknown placeholder. */
export function replyTemplateProblem(text: string): Reason | null {
  const t = tokenize(text);
  if ('problem' in t) return t.problem;
  const unknown = t.tokens.filter(isVarToken).find((x) => !NAMES.includes(x.name));
  if (unknown) return { code: 'TEMPLATE_UNKNOWN_VARIABLE', name: unknown.name, allowed: [...NAMES] };
  return null;
}

/** The text in force: the supervisor's (language by language, if it still checks out) or the default. */
export function replyTemplateFor(t: ReplyTemplate, settings: Pick<DeskSettings, 'noticeTemplates'>): TemplateText {
  const fallback = DEFAULTS[t];
  const saved = settings.noticeTemplates?.[replySettingsKey(t)];
  if (!saved) return fallback;
  return {
    ja: typeof saved.ja === 'string' && replyTemplateProblem(saved.ja) === null ? saved.ja : fallback.ja,
    en: typeof saved.en === 'string' && replyTemplateProblem(saved.en) === null ? saved.en : fallback.en,
  };
}


export function listReplyTemplates(settings: Pick<DeskSettings, 'noticeTemplates'>): ReplyTemplateView[] {
  return replyTemplates.map((t) => {
    const cur = replyTemplateFor(t, settings);
    return { template: t, ja: cur.ja, en: cur.en, defaultJa: DEFAULTS[t].ja, defaultEn: DEFAULTS[t].en, variables: REPLY_VARIABLES, customised: cur.ja !== DEFAULTS[t].ja || cur.en !== DEFAULTS[t].en };
  });
}

const bullets = (items: readonly BilingualText[]): BilingualText => ({ ja: items.map((i) => `・${i.ja}`).join('\n'), en: items.map((i) => `- ${i.en}`).join('\n') });

/** Fills a reply template for a case: what staff see, edit and answer with. */
export function fillReply(t: ReplyTemplate, c: Pick<CaseDetail, 'reference' | 'memberName' | 'requesterKind' | 'requesterName'>, settings: DeskSettings, channel: 'mail' | 'letter', formAttached = false): TemplateText {
  const desk = settings.desk;
  const values: Record<string, BilingualText> = {
    reference: { ja: c.reference, en: c.reference },
    recipientName: { ja: c.requesterKind === 'member' ? c.memberName : c.requesterName, en: c.requesterKind === 'member' ? c.memberName : c.requesterName },
    companyName: { ja: desk.companyJa, en: desk.companyEn },
    deskName: { ja: desk.deskNameJa, en: desk.deskNameEn },
    deskEmail: { ja: desk.email, en: desk.email },
    deskAddress: { ja: `〒${desk.postalCode} ${desk.addressJa}`, en: `${desk.addressEn} ${desk.postalCode}` },
    purposesOfUse: bullets(ARTICLE_3),
    thirdPartyCases: bullets(ARTICLE_5),
    promotionalMail: PROMOTIONAL,
    requestForm:
      channel === 'letter'
        ? { ja: '開示等請求書を同封いたしましたので、ご利用ください。', en: 'Our request form is enclosed.' }
        : formAttached
          ? // The reply's draft carries the desk's stored PDF of the form (core/mail/attachments.ts).
            { ja: '開示等請求書（PDF）をこのメールに添付いたしましたので、印刷してご利用ください。', en: 'Our request form is attached to this email as a PDF: please print it and fill it in.' }
          : // No PDF stored at the desk: the form goes by post on request.
            { ja: '開示等請求書をお送りいたしますので、このメールへのご返信でご住所をお知らせください。', en: 'We will post you our request form: please reply to this email with your postal address.' },
  };
  const text = replyTemplateFor(t, settings);
  const fill = (lang: 'ja' | 'en') => fillTemplate(text[lang], Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x[lang]])));
  return { ja: fill('ja'), en: fill('en') };
}

/** Checks both languages (refusing with field 'ja' or 'en', naming an unknown placeholder), then saves. */
export async function saveReplyTemplate(db: Kysely<DB> | Transaction<DB>, input: { template: ReplyTemplate; ja: string; en: string }, actor: string, now: Date): Promise<ReplyTemplateView> {
  for (const lang of ['ja', 'en'] as const) {
    const problem = replyTemplateProblem(input[lang]);
    if (problem) throw new DeskError(problem, { field: lang });
  }
  const settings = await readSettings(db);
  const all = { ...(settings.noticeTemplates ?? {}) };
  const key = replySettingsKey(input.template);
  const d = DEFAULTS[input.template];
  if (input.ja === d.ja && input.en === d.en) delete all[key];
  else all[key] = { ja: input.ja, en: input.en };
  await writeSettings(db, { noticeTemplates: all }, actor, now);
  return listReplyTemplates({ noticeTemplates: all }).find((v) => v.template === input.template)!;
}
