// Article 11 of the privacy policy: where members send their requests. The one owner of these
// defaults: the core seeds a new desk's settings with them, the set-up screen prefills them.
import type { DeskDetails, NoticeSettings } from './types.ts';

export const ARTICLE_11_DESK: Readonly<DeskDetails> = Object.freeze({
  companyJa: '株式会社JUO',
  companyEn: 'JUO Inc.',
  deskNameJa: 'CareerModel サポートデスク',
  deskNameEn: 'CareerModel Support Desk',
  postalCode: '160-0023',
  addressJa: '東京都新宿区西新宿3-3-13 西新宿水間ビル6F',
  addressEn: '6F Nishishinjuku Mizuma Building, 3-3-13 Nishishinjuku, Shinjuku-ku, Tokyo',
  email: 'info@career-model.com',
  phone: '',
});

/** Notices: staff review acknowledgements; no responsible person and no bank account until a supervisor sets them. */
export const DEFAULT_NOTICE_SETTINGS: Readonly<NoticeSettings> = Object.freeze({
  autoSendAcknowledgements: false,
  responsiblePerson: '',
  feePayment: Object.freeze({ bankName: '', branchName: '', accountType: 'ordinary', accountNumber: '', accountHolder: '', deadlineDays: 10 }),
});
