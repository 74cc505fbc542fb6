// The desk's request form 開示等請求書 (issue 19): an A4 bilingual form a member prints, fills in and posts
// with a copy of an identity document. Drawn here like a letter (same fonts, CSP, page size, print path);
// attached as a PDF to the "how to make a request" answer and printable blank from the Letters screen.
// Its contents are the desk's own rules (DOMAIN.md): who may ask, the three requests with their choices,
// the identity documents accepted, the ¥1,000 disclosure fee and how to pay it, and where to send it —
// the address from the desk's settings.
import type { DeskSettings } from '../../contract/index.ts';
import { DISCLOSURE_FEE_YEN } from '../../contract/index.ts';
import type { BilingualText } from '../notices/notice-content.ts';
import { FONT_ROUTE, SANS_FAMILY, SERIF_FAMILY, fontFaceCss } from './fonts.ts';
import { PAGE_MARGIN } from './layout.ts';
import { documentHtml } from './render.ts';
import { cleanText, escapeHtml } from './text.ts';

export const REQUEST_FORM_TITLE: BilingualText = { ja: '開示等請求書', en: 'Request Form: Disclosure, Correction or Suspension of Personal Information' };

/** Every tick box of the form, in the order printed (the PDF test finds each label). */
export const REQUEST_FORM_BOXES = {
  requester: [
    { ja: '本人', en: 'The member' },
    { ja: '法定代理人', en: 'Legal representative' },
    { ja: '任意代理人', en: 'Appointed agent' },
  ],
  disclosure: [
    { ja: '開示（第6条）', en: 'Disclosure (Art. 6)' },
    { ja: '保有個人データ', en: 'Personal information held' },
    { ja: '第三者提供記録', en: 'Records of provision to third parties' },
    { ja: '電子データで受け取る', en: 'Electronic delivery' },
    { ja: '書面で受け取る', en: 'Paper copy' },
  ],
  correction: [
    { ja: '訂正等（第7条）', en: 'Correction (Art. 7)' },
    { ja: '訂正', en: 'Correct' },
    { ja: '追加', en: 'Add' },
    { ja: '削除', en: 'Delete' },
  ],
  suspension: [
    { ja: '利用停止等（第8条）', en: 'Suspension (Art. 8)' },
    { ja: '利用停止', en: 'Stop using' },
    { ja: '消去', en: 'Erase' },
    { ja: '第三者提供の停止', en: 'Stop providing to third parties' },
  ],
  fee: [
    { ja: '定額小為替を同封', en: 'Postal money order enclosed' },
    { ja: '銀行振込', en: 'Bank transfer' },
  ],
} as const satisfies Record<string, readonly BilingualText[]>;

export const IDENTITY_DOCUMENTS_ACCEPTED: readonly BilingualText[] = [
  { ja: '運転免許証', en: "Driver's license" },
  { ja: 'マイナンバーカード（表面のみ）', en: 'My Number card (front only)' },
  { ja: 'パスポート', en: 'Passport' },
  { ja: '在留カード', en: 'Residence card' },
  { ja: '健康保険証', en: 'Health insurance card' },
  { ja: '住民票の写し', en: 'Certificate of residence' },
];

function css(): string {
  const M = PAGE_MARGIN;
  return `
@page{size:210mm 297mm;margin:${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm;
@bottom-center{font-family:'${SANS_FAMILY}',sans-serif;font-size:8pt;color:#222;vertical-align:top;padding-top:4mm;content:counter(page) " / " counter(pages)}}
html{font-family:'${SANS_FAMILY}',sans-serif;font-size:8.5pt;line-height:1.35;color:#000;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact;text-size-adjust:none}
body{margin:0}
p{margin:0}
h1{font-family:'${SERIF_FAMILY}',serif;font-size:16pt;text-align:center;letter-spacing:0.3em;margin:0 0 0.5mm}
.sub{text-align:center;font-size:8pt;margin-bottom:2.5mm}
.to{margin-bottom:2mm}
h2{font-size:9pt;font-weight:700;margin:2.5mm 0 1mm;padding:0.6mm 2mm;background:#e8e8e8;border-left:2pt solid #555;break-after:avoid}
h2 .en{font-weight:400;font-size:8pt}
table{width:100%;border-collapse:collapse;break-inside:avoid}
th,td{border:0.5pt solid #666;padding:1mm 1.5mm;vertical-align:top;text-align:left}
th{width:42mm;background:#f4f4f4;font-weight:400}
td.write{height:7mm}
td.tall{height:22mm}
.en{font-size:7.5pt;color:#333}
.box{display:inline-block;width:3mm;height:3mm;border:0.6pt solid #000;margin-right:1.2mm;vertical-align:-0.4mm}
.choice{display:inline-block;margin:0 4mm 0.6mm 0}
ul{margin:0;padding-left:4mm}
.note{font-size:7.5pt;margin-top:1mm}
.send{border:0.8pt solid #000;padding:1.5mm 2.5mm;margin-top:2mm;break-inside:avoid}
`;
}

/** The form as a complete printable HTML document (blank: nothing about any member is on it). */
export function renderRequestForm(settings: Pick<DeskSettings, 'desk' | 'notices'>): string {
  const texts: string[] = [];
  const t = (s: string) => {
    const c = cleanText(s);
    texts.push(c);
    return escapeHtml(c);
  };
  const both = (b: BilingualText) => `${t(b.ja)} <span class="en">${t(b.en)}</span>`;
  const box = (b: BilingualText) => `<span class="choice"><span class="box"></span>${both(b)}</span>`;
  const boxes = (list: readonly BilingualText[]) => list.map(box).join('');
  const d = settings.desk;
  const fee = settings.notices?.feePayment;
  const bank = fee && fee.bankName && fee.accountNumber ? `${fee.bankName} ${fee.branchName} ${fee.accountType === 'current' ? '当座' : '普通'} ${fee.accountNumber} ${fee.accountHolder}` : '';
  const yen = DISCLOSURE_FEE_YEN.toLocaleString('en-US');
  const row = (label: BilingualText, cls = 'write') => `<tr><th>${both(label)}</th><td class="${cls}"></td></tr>`;
  const [discHead, ...discRest] = REQUEST_FORM_BOXES.disclosure;
  const [corrHead, ...corrRest] = REQUEST_FORM_BOXES.correction;
  const [suspHead, ...suspRest] = REQUEST_FORM_BOXES.suspension;
  const body = `<article class="form">
<h1>${t(REQUEST_FORM_TITLE.ja)}</h1>
<p class="sub">${t(REQUEST_FORM_TITLE.en)}</p>
<p class="to">${t(`${d.companyJa} ${d.deskNameJa} 御中`)} <span class="en">${t(`To: ${d.companyEn}, ${d.deskNameEn}`)}</span></p>
<p>${t('記入日')} <span class="en">${t('Date')}</span>\u3000${t('年　　月　　日')}</p>
<h2>${t('1. 請求者')} <span class="en">${t('Requester')}</span></h2>
<table><tbody>
<tr><th>${both({ ja: '請求者の区分', en: 'You are' })}</th><td>${boxes(REQUEST_FORM_BOXES.requester)}</td></tr>
${row({ ja: '氏名', en: 'Name' })}
${row({ ja: 'フリガナ', en: 'Name in kana' })}
${row({ ja: '住所（〒）', en: 'Address (postal code)' })}
${row({ ja: '電話番号', en: 'Phone' })}
${row({ ja: 'メールアドレス', en: 'Email' })}
</tbody></table>
<h2>${t('2. 会員（代理人が請求する場合）')} <span class="en">${t('The member (when a representative or agent asks)')}</span></h2>
<table><tbody>
${row({ ja: '会員の氏名', en: "Member's name" })}
${row({ ja: '会員ID・登録メールアドレス', en: 'Member ID or registered email' })}
</tbody></table>
<h2>${t('3. ご請求の内容（該当するものにチェック）')} <span class="en">${t('What you request (tick)')}</span></h2>
<table><tbody>
<tr><th>${box(discHead)}</th><td>${boxes(discRest.slice(0, 2))}<br>${t('開示の方法')} <span class="en">${t('Delivery')}</span>: ${boxes(discRest.slice(2))}</td></tr>
<tr><th>${box(corrHead)}</th><td>${boxes(corrRest)}</td></tr>
<tr><th>${box(suspHead)}</th><td>${boxes(suspRest)}</td></tr>
<tr><th>${both({ ja: '対象となる情報・理由', en: 'Which information, and why' })}</th><td class="tall"></td></tr>
</tbody></table>
<h2>${t('4. 本人確認書類')} <span class="en">${t('Identity documents accepted')}</span></h2>
<p>${t('次のいずれか1点の写しを同封してください。')} <span class="en">${t('Enclose a copy of one of the following:')}</span></p>
<ul>${IDENTITY_DOCUMENTS_ACCEPTED.map((x) => `<li>${both(x)}</li>`).join('')}</ul>
<p class="note">${t('代理人の場合は、代理権を確認できる書類（法定代理人：戸籍謄本・後見登記事項証明書等、任意代理人：委任状および会員の印鑑登録証明書）を添えてください。証明書は発行から6か月以内のものに限ります。')}<br><span class="en">${t("A representative or agent also encloses proof of the right to act (legal representative: family register or guardianship certificate; appointed agent: a power of attorney with the member's seal certificate), issued within the last 6 months.")}</span></p>
<h2>${t('5. 手数料（開示の場合のみ）')} <span class="en">${t('Fee (disclosure only)')}</span></h2>
<p>${t(`開示のご請求1件につき${yen}円（第6条）。訂正等・利用停止等は無料です。`)} <span class="en">${t(`¥${yen} per disclosure request (Art. 6); correction and suspension are free.`)}</span></p>
<p>${boxes(REQUEST_FORM_BOXES.fee)}</p>
${bank ? `<p class="note">${t('振込先')} <span class="en">${t('Bank account')}</span>: ${t(bank)}</p>` : ''}
<div class="send">
<p><b>${t('送付先')}</b> <span class="en">${t('Send to')}</span></p>
<p>${t(`〒${d.postalCode} ${d.addressJa}`)}</p>
<p>${t(`${d.companyJa} ${d.deskNameJa}`)}</p>
<p class="en">${t(`${d.companyEn}, ${d.deskNameEn}, ${d.addressEn} ${d.postalCode}, Japan`)}</p>
<p>${t(`メール Email: ${d.email}`)}</p>
</div>
</article>`;
  const style = `${fontFaceCss([...texts, '0123456789 /'], FONT_ROUTE)}\n${css()}`;
  return documentHtml(t(REQUEST_FORM_TITLE.ja), 'ja', style, body);
}
