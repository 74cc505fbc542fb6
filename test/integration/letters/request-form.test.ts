// The request form 開示等請求書 (issue 19) printed by Chromium and read back with poppler: one or two A4
// pages, Japanese and English headings, every tick box's label, the ¥1,000 fee, and the desk's own address
// from its settings (not a fixed text).
import { describe, expect, it } from 'vitest';
import { renderRequestForm, REQUEST_FORM_BOXES, IDENTITY_DOCUMENTS_ACCEPTED } from '../../../electron/core/letters/request-form.ts';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings.ts';
import { letterPrinter, pageCount, pdfinfo, pdftotext } from '../../support/letters.ts';

const printer = letterPrinter();

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the request form', () => {
  it('is one or two A4 pages with both languages, every tick box, the fee and the desk’s address from the settings', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      desk: { ...DEFAULT_SETTINGS.desk, postalCode: '530-0001', addressJa: '大阪府大阪市北区梅田1-2-3 梅田ビル9F', addressEn: '9F Umeda Building, 1-2-3 Umeda, Kita-ku, Osaka', email: 'privacy@example.co.jp' },
    };
    const html = renderRequestForm(settings);
    const pdf = await printer.pdf(html);
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(await pdfinfo(pdf)).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const text = squash(await pdftotext(pdf));
    for (const heading of ['開示等請求書', 'RequestForm:Disclosure,CorrectionorSuspensionofPersonalInformation', '請求者', 'Requester', 'ご請求の内容', 'Whatyourequest', '本人確認書類', 'Identitydocumentsaccepted', '手数料', 'Fee(disclosureonly)', '送付先', 'Sendto']) {
      expect(text).toContain(heading);
    }
    for (const label of Object.values(REQUEST_FORM_BOXES).flat()) {
      expect(text).toContain(squash(label.ja));
      expect(text).toContain(squash(label.en));
    }
    for (const doc of IDENTITY_DOCUMENTS_ACCEPTED) expect(text).toContain(squash(doc.ja));
    expect(text).toContain('1,000円');
    expect(text).toContain('〒530-0001大阪府大阪市北区梅田1-2-3梅田ビル9F');
    expect(text).toContain(squash('9F Umeda Building, 1-2-3 Umeda, Kita-ku, Osaka 530-0001'));
    expect(text).toContain('privacy@example.co.jp');
    expect(text).not.toContain('西新宿');
    // Blank: no font or network request was refused (the form is self-contained like a letter).
    expect(printer.server.refused).toEqual([]);
  });
});
