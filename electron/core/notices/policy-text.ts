// The passages of the CareerModel privacy policy a notice quotes (Articles 6, 7, 8 and 11).
//
// English: copied VERBATIM from the policy's English text (policy/privacy-policy.en.txt, including its
// wording as published); test/unit/notices/policy-text.test.ts checks each against that file.
//
// Japanese: the policy's Japanese text is the ORIGINAL and PREVAILS ("This policy is made in Japanese
// and translated into English … the Japanese text shall prevail"). The Japanese below are faithful
// renderings of the English made for this desk, NOT the original wording: before these notices go to
// members, each rendering MUST be checked against, and replaced by, the Japanese original of the policy.
import type { BilingualText } from './notice-content.ts';

export interface PolicyPassage {
  article: 6 | 7 | 8 | 11;
  /** Which paragraph (●) or item (○) of the article, for the citation line. */
  where: BilingualText;
  text: BilingualText;
}

const art = (n: number): BilingualText => ({ ja: `プライバシーポリシー第${n}条`, en: `Privacy Policy, Article ${n}` });

export const ARTICLE_TITLES: Record<6 | 7 | 8 | 11, BilingualText> = {
  6: { ja: '個人情報の開示', en: 'Disclosure of personal information' },
  7: { ja: '個人情報の訂正及び削除', en: 'Correction and deletion of personal information' },
  8: { ja: '個人情報の利用停止等', en: 'Suspension of use of personal information, etc.' },
  11: { ja: 'お問い合わせ窓口', en: 'Contact for Inquiries' },
};

export const POLICY = {
  art6Disclosure: {
    article: 6,
    where: { ja: '第1項', en: 'paragraph 1' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '本人から個人情報の開示を求められたときは、本人に対し、遅滞なくこれを開示します。ただし、開示することにより次のいずれかに該当する場合は、その全部または一部を開示しないこともあり、開示しない決定をした場合には、その旨を遅滞なく通知します。なお、個人情報の開示に際しては、1件あたり1,000円の手数料を申し受けます。',
      en: 'When requested by the person to disclose personal information, we will disclose it to the person without delay. However, if the disclosure falls under any of the following, we may not disclose all or part of it, and if we decide not to disclose it, we will notify you to that effect without delay. A fee of 1,000 yen will be charged for each disclosure of personal information:',
    },
  },
  art6Fee: {
    article: 6,
    where: { ja: '第1項', en: 'paragraph 1' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '個人情報の開示に際しては、1件あたり1,000円の手数料を申し受けます。',
      en: 'A fee of 1,000 yen will be charged for each disclosure of personal information',
    },
  },
  art6HarmToInterests: {
    article: 6,
    where: { ja: '第1項第1号', en: 'paragraph 1, item 1' },
    // Rendering — check against the Japanese original.
    text: { ja: '本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある場合', en: 'When there is a risk of harming the life, body, property or other rights and interests of the person or a third party' },
  },
  art6BusinessHindrance: {
    article: 6,
    where: { ja: '第1項第2号', en: 'paragraph 1, item 2' },
    // Rendering — check against the Japanese original.
    text: { ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある場合', en: 'When there is a risk of significant hindrance to the proper implementation of our business' },
  },
  art6ViolationOfLaw: {
    article: 6,
    where: { ja: '第1項第3号', en: 'paragraph 1, item 3' },
    // Rendering — check against the Japanese original.
    text: { ja: '他の法令に違反することとなる場合', en: 'When it violates other laws and regulations' },
  },
  art6NotPersonal: {
    article: 6,
    where: { ja: '第2項', en: 'paragraph 2' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '前項の定めにかかわらず、履歴情報および特性情報などの個人情報以外の情報については、原則として開示いたしません。',
      en: 'Notwithstanding the provisions of the preceding paragraph, in principle, the Company will not disclose information other than personal information such as history information and characteristic information.',
    },
  },
  art7Request: {
    article: 7,
    where: { ja: '第1項', en: 'paragraph 1' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '会員は、当社の保有する自己の個人情報が誤った情報である場合には、当社が定める手続きにより、当社に対して個人情報の訂正、追加または削除（以下「訂正等」といいます。）を請求することができます。',
      en: 'If a member\'s personal information held by the Company is incorrect, the member may request that the Company correct, add, or delete (hereinafter referred to as "correction, etc.") the member\'s personal information in accordance with the procedures specified by the Company.',
    },
  },
  art7Correct: {
    article: 7,
    where: { ja: '第2項', en: 'paragraph 2' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '当社は、会員から前項の請求を受けてその請求に応じる必要があると判断した場合には、遅滞なく、当該個人情報の訂正等を行うものとします。',
      en: 'If the Company receives a request from a member under the preceding paragraph and determines that it is necessary to respond to the request, the Company shall make corrections, etc. to the relevant personal information without delay.',
    },
  },
  art7Notify: {
    article: 7,
    where: { ja: '第3項', en: 'paragraph 3' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '当社は、前項の規定に基づき訂正等を行った場合、または訂正等を行わない旨の決定をしたときは、遅滞なく、これを会員に通知します。',
      en: 'If the Company makes a correction, etc. based on the preceding paragraph, or if it decides not to make a correction, etc., the Company will notify the member of this without delay.',
    },
  },
  art8Request: {
    article: 8,
    where: { ja: '第1項', en: 'paragraph 1' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '当社は、本人から、個人情報が、利用目的の範囲を超えて取り扱われているという理由、または不正の手段により取得されたものであるという理由により、その利用の停止または消去（以下「利用停止等」といいます。）を求められた場合には、遅滞なく必要な調査を行います。',
      en: 'When we receive a request from an individual to stop using or delete (hereinafter referred to as "stop using, etc.") their personal information on the grounds that it has been handled beyond the scope of the purpose of use or that it has been obtained through wrongful means, we will conduct the necessary investigation without delay.',
    },
  },
  art8Stop: {
    article: 8,
    where: { ja: '第2項', en: 'paragraph 2' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '前項の調査結果に基づき、その請求に応じる必要があると判断した場合には、遅滞なく、当該個人情報の利用停止等を行います。ただし、個人情報の利用停止等に多額の費用を要する場合その他の利用停止等を行うことが困難な場合であって、会員の権利利益を保護するために必要なこれに代わるべき措置をとれる場合は、この代替策を講じるものとします。',
      en: 'If, based on the results of the investigation described in the preceding paragraph, we deem it necessary to comply with the request, we will cease use of the relevant personal information without delay. However, if it is difficult to suspend the use of personal information due to the large amount of costs involved or other difficulties in doing so, and alternative measures can be taken to protect the rights and interests of members, this alternative measure shall be taken.',
    },
  },
  art8Notify: {
    article: 8,
    where: { ja: '第3項', en: 'paragraph 3' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '当社は、利用停止等を行わない旨の決定をしたとき、または前項に従い利用停止等を行ったときは、遅滞なく、これを会員に通知します。',
      en: 'If the Company decides not to suspend the use of the information or to suspend the use of the information in accordance with the preceding paragraph, the Company will notify the member without delay.',
    },
  },
  art11Hours: {
    article: 11,
    where: { ja: '', en: '' },
    text: {
      // Rendering — check against the Japanese original.
      ja: '土日祝日および12月29日から1月3日までは休業とさせていただきます。',
      en: 'Closed on weekends and holidays and from December 29th to January 3rd.',
    },
  },
  art11ByEmail: {
    article: 11,
    where: { ja: '', en: '' },
    text: {
      // Rendering — check against the Japanese original.
      ja: 'お問い合わせには、原則としてメールにて対応させていただきます。ご協力をお願いいたします。',
      en: 'In principle, we respond to inquiries by email. Thank you for your cooperation.',
    },
  },
} as const satisfies Record<string, PolicyPassage>;

export type PolicyPassageName = keyof typeof POLICY;

/**
 * The quoted English ends as a sentence: the policy's Art. 6 text ends its fee sentence with the colon
 * that introduced the grounds list (and the fee passage quoted alone has no full stop).
 */
export function sentenceEnd(en: string): string {
  const t = en.trimEnd();
  return t.endsWith(':') ? `${t.slice(0, -1)}.` : t;
}

/** A citation as a notice prints it: the article and paragraph, then the quoted text. */
export function citation(p: PolicyPassage): BilingualText {
  const head = art(p.article);
  const title = ARTICLE_TITLES[p.article];
  return {
    ja: `${head.ja}（${title.ja}）${p.where.ja}：「${p.text.ja}」`,
    en: `${head.en} (${title.en}), ${p.where.en}: “${sentenceEnd(p.text.en)}”`,
  };
}
