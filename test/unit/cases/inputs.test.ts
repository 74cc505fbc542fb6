// Issue 11, item 6: inputs as Japanese staff type them. Full-width digits in every numeric field, a fee
// from ¥1 to ¥100,000, phone numbers of digits/hyphens/+, kana-only furigana, postal codes as 123-4567.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseInputs, deskDetails, intakeInput } from '../../../electron/contract/index.ts';
import { ARTICLE_11_DESK } from '../../../electron/contract/desk-defaults.ts';

const intake = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: '山田 太郎',
  memberAddress: '東京都新宿区西新宿1-1-1',
  requestText: '開示を求めます。',
  delivery: 'paper',
};
const parseIntake = (over: Record<string, unknown>) => intakeInput.safeParse({ ...intake, ...over });
const fee = (amount: unknown) => caseInputs.recordFee.safeParse({ id: 1, kind: 'payment', method: 'cash', amount, receivedOn: '2026-11-24' });
const toFullWidth = (s: string) => s.replace(/[0-9-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

describe('numeric fields take full-width digits', () => {
  it('the postal code is stored as 123-4567 however it was typed', () => {
    for (const typed of ['1600023', '160-0023', '１６０００２３', '１６０－００２３', '１６０\u2212００２３']) {
      expect(parseIntake({ memberPostalCode: typed })).toMatchObject({ success: true, data: { memberPostalCode: '160-0023' } });
    }
    expect(parseIntake({ memberPostalCode: '' })).toMatchObject({ success: true, data: { memberPostalCode: '' } });
    expect(parseIntake({ memberPostalCode: '160-002' }).success).toBe(false);
    expect(parseIntake({ memberPostalCode: '１６０ー００２３' }).success).toBe(false); // ー is a long vowel mark, not a hyphen
    expect(deskDetails.parse({ ...ARTICLE_11_DESK, postalCode: '１６００１２３' }).postalCode).toBe('160-0123');
  });

  it('the member ID is the same ID typed full-width', () => {
    expect(parseIntake({ memberId: 'ＭＢ－１２３' })).toMatchObject({ success: true, data: { memberId: 'MB-123' } });
  });

  it('the fee: full-width digits, commas and ¥ read; ¥1 – ¥100,000 with a clear error beyond', () => {
    expect(fee('１０００')).toMatchObject({ success: true, data: { amount: 1000 } });
    expect(fee('¥１，０００')).toMatchObject({ success: true, data: { amount: 1000 } });
    expect(fee(1000)).toMatchObject({ success: true, data: { amount: 1000 } });
    const tooBig = fee('１０００００１');
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 100_000, path: ['amount'], message: 'The amount must be at most ¥100,000.' });
    expect(fee(0).error?.issues[0]).toMatchObject({ code: 'too_small', minimum: 1 });
    expect(fee('千円').success).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expect(fee(toFullWidth(String(n)))).toMatchObject({ success: true, data: { amount: n } });
      }),
    );
  });
});

describe('phone numbers and furigana', () => {
  it('a phone number has digits, hyphens and a leading + (full-width accepted)', () => {
    const phone = (p: string) => deskDetails.safeParse({ ...ARTICLE_11_DESK, phone: p });
    expect(phone('０３－１２３４－５６７８')).toMatchObject({ success: true, data: { phone: '03-1234-5678' } });
    expect(phone('+81-3-1234-5678')).toMatchObject({ success: true, data: { phone: '+81-3-1234-5678' } });
    expect(phone('')).toMatchObject({ success: true, data: { phone: '' } });
    for (const bad of ['03-1234-567x', 'call me', '03(1234)5678', '--']) expect(phone(bad).success, bad).toBe(false);
  });

  it('furigana accepts kana only', () => {
    for (const ok of ['やまだ たろう', 'ヤマダ タロウ', 'ｸﾞｴﾝ ｳﾞｧﾝ', 'マリア・サントス', '']) expect(parseIntake({ memberKana: ok }).success, ok).toBe(true);
    for (const bad of ['山田', 'yamada', 'やまだ1']) {
      const r = parseIntake({ memberKana: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['memberKana']);
    }
  });
});
