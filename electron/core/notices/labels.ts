// The desk's vocabulary in the words a notice uses, Japanese and English. The renderer has its own
// catalogs for screens; these are the words printed in letters and emails.
import type { CaseType, DeliveryPreference, DisclosureGround, FeeMethod, NoticeKind, Outcome, RejectionGround, RequestType } from '../../contract/index.ts';
import type { BilingualText } from './notice-content.ts';

export const REQUEST_TYPE_LABELS: Record<CaseType, BilingualText> = {
  inquiry: { ja: 'お問い合わせ', en: 'inquiry' },
  complaint: { ja: '苦情のお申し出', en: 'complaint' },
  disclosure: { ja: '個人情報の開示請求', en: 'request for disclosure of personal information' },
  correction: { ja: '個人情報の訂正等請求（訂正・追加・削除）', en: 'request for correction, addition or deletion of personal information' },
  suspension: { ja: '個人情報の利用停止等請求（利用停止・消去・第三者提供の停止）', en: 'request to stop using, delete, or stop providing personal information to third parties' },
};

export const REQUEST_KIND_LABELS: Record<string, BilingualText> = {
  records: { ja: '保有する個人情報', en: 'the personal information held' },
  third_party_records: { ja: '第三者提供記録', en: 'the records of provision to third parties' },
  correct: { ja: '訂正', en: 'correction' },
  add: { ja: '追加', en: 'addition' },
  delete: { ja: '削除', en: 'deletion' },
  stop_use: { ja: '利用停止', en: 'stopping use' },
  stop_third_party: { ja: '第三者提供の停止', en: 'stopping provision to third parties' },
  // Inquiries and complaints (issue 19).
  purpose_of_use: { ja: '利用目的', en: 'purpose of use' },
  third_party_provision: { ja: '第三者提供', en: 'provision to third parties' },
  promotional_mail: { ja: '広告メール', en: 'promotional mail' },
  how_to_request: { ja: '請求の方法', en: 'how to make a request' },
  account_login: { ja: 'アカウント・ログイン', en: 'account and login' },
  handling: { ja: '個人情報の取扱い', en: 'handling of personal information' },
  decision: { ja: '請求への決定', en: 'a decision on a request' },
  other: { ja: 'その他', en: 'other' },
};

export const OUTCOME_LABELS: Record<Outcome, BilingualText> = {
  disclosed_full: { ja: '全部を開示します', en: 'Disclosed in full' },
  disclosed_partial: { ja: '一部を開示します（一部不開示）', en: 'Disclosed in part (part not disclosed)' },
  not_disclosed: { ja: '開示しません（不開示）', en: 'Not disclosed' },
  no_information: { ja: 'ご請求の個人情報は保有していません', en: 'No such personal information is held' },
  done: { ja: 'ご請求のとおり訂正等を行いました', en: 'Corrected, added or deleted as requested' },
  done_partial: { ja: 'ご請求の一部について訂正等を行いました', en: 'Corrected, added or deleted in part' },
  not_done_accurate: { ja: '訂正等を行いません（当該情報は正確であるため）', en: 'Not corrected (the information is accurate)' },
  not_done_not_personal: { ja: '訂正等を行いません（個人情報に該当しないため）', en: 'Not corrected (the information is not personal information)' },
  use_stopped: { ja: '利用を停止しました', en: 'Use stopped' },
  deleted: { ja: '消去しました', en: 'Deleted' },
  provision_stopped: { ja: '第三者への提供を停止しました', en: 'Provision to third parties stopped' },
  alternative_measure: { ja: '代替措置を講じました', en: 'An alternative measure was taken' },
  declined: { ja: '利用停止等を行いません', en: 'Declined' },
};

export const GROUND_LABELS: Record<DisclosureGround, BilingualText> = {
  harm_to_interests: { ja: '本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあるため（第6条第1項第1号）', en: 'A risk of harming the life, body, property or other rights and interests of the person or a third party (Article 6, paragraph 1, item 1)' },
  business_hindrance: { ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため（第6条第1項第2号）', en: 'A risk of significant hindrance to the proper implementation of our business (Article 6, paragraph 1, item 2)' },
  violation_of_law: { ja: '他の法令に違反することとなるため（第6条第1項第3号）', en: 'It would violate other laws and regulations (Article 6, paragraph 1, item 3)' },
  not_personal_information: { ja: '個人情報以外の情報（履歴情報・特性情報等）であるため（第6条第2項）', en: 'Information other than personal information, such as history and characteristic information (Article 6, paragraph 2)' },
};

export const REJECTION_LABELS: Record<RejectionGround, BilingualText> = {
  identity_not_verified: { ja: 'ご本人であることの確認ができなかったため', en: 'Your identity could not be verified' },
  not_a_member: { ja: '当サービスの会員であることが確認できなかったため', en: 'We could not confirm that you are a member of the Service' },
  requester_not_entitled: { ja: '請求者に請求の権限があることが確認できなかったため', en: 'We could not confirm that the requester is entitled to make this request' },
  incomplete_request: { ja: 'ご請求に必要な事項が不足していたため', en: 'The request lacked information needed to handle it' },
  other: { ja: 'その他の理由による', en: 'Other reasons' },
};

export const FEE_METHOD_LABELS: Record<FeeMethod, BilingualText> = {
  postal_money_order: { ja: '定額小為替', en: 'postal money order' },
  bank_transfer: { ja: '銀行振込', en: 'bank transfer' },
  cash: { ja: '現金', en: 'cash' },
  other: { ja: 'その他', en: 'other' },
};

export const DELIVERY_LABELS: Record<DeliveryPreference, BilingualText> = {
  electronic: { ja: '電子データでの提供', en: 'electronic delivery' },
  paper: { ja: '書面の交付', en: 'a paper copy' },
};

export const NOTICE_TITLES: Record<Exclude<NoticeKind, 'decision'>, BilingualText> = {
  acknowledgement: { ja: '受付のお知らせ', en: 'Acknowledgement of Receipt' },
  documents_request: { ja: '書類・手数料のお願い', en: 'Request for Documents or Fee' },
  extension: { ja: '期限延長のお知らせ', en: 'Notice of Extension of the Response Date' },
  withdrawal: { ja: '取下げ受付のお知らせ', en: 'Notice of Withdrawal of Your Request' },
  rejection: { ja: '請求をお受けできない旨のお知らせ', en: 'Notice That Your Request Cannot Be Accepted' },
  reply: { ja: 'お問い合わせへのご回答', en: 'Reply to Your Inquiry' },
};

/** The reply to a complaint (issue 19) is titled as one; an inquiry's uses NOTICE_TITLES.reply. */
export const COMPLAINT_REPLY_TITLE: BilingualText = { ja: '苦情へのご回答', en: 'Reply to Your Complaint' };

/** Decision notices: 開示決定通知書, 不開示決定通知書, 訂正等決定通知書, 利用停止等決定通知書. */
export function decisionTitle(type: RequestType, outcome: Outcome): BilingualText {
  if (type === 'disclosure') {
    if (outcome === 'not_disclosed' || outcome === 'no_information') return { ja: '不開示決定通知書', en: 'Notice of Decision Not to Disclose' };
    return { ja: '開示決定通知書', en: 'Notice of Decision on Disclosure' };
  }
  if (type === 'correction') return { ja: '訂正等決定通知書', en: 'Notice of Decision on Correction, etc.' };
  return { ja: '利用停止等決定通知書', en: 'Notice of Decision on Suspension of Use, etc.' };
}
