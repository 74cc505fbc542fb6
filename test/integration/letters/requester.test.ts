// Notices go to the requester (issue 10): a legal representative's and an agent's own 〒, address and
// name in the envelope window (pdftotext -bbox-layout), the email draft to the requester's own address,
// the member named in the body; and intake refuses what a letter or an email could not carry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { WINDOW } from '../../../electron/core/letters/layout.ts';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import { letterPrinter, pagesText, words, type Word } from '../../support/letters.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
const printer = letterPrinter();
const now = Date.parse('2026-11-24T01:00:00Z');

const base = {
  type: 'disclosure',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  memberName: '山田 一郎',
  memberEmail: 'ichiro@example.com',
  memberPostalCode: '150-0001',
  memberAddress: '東京都渋谷区神宮前1-2-3',
  requestText: '本人の登録情報の開示を求めます。',
  delivery: 'electronic',
} satisfies Partial<Input<'cases.create'>>;

const inWindow = (w: Word) => w.xMin >= WINDOW.left && w.xMax <= WINDOW.left + WINDOW.width && w.yMin >= WINDOW.top && w.yMax <= WINDOW.top + WINDOW.height;
const squash = (s: string) => s.replace(/\s+/g, '');

beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('a representative’s and an agent’s case', () => {
  it('the representative (on paper): the window shows their 〒, address and name; the member is named in the body', async () => {
    const { id } = value(
      await rt.call('cases.create', {
        ...base,
        channel: 'post',
        requesterKind: 'representative',
        requesterName: '山田 花子',
        requesterPostalCode: '２６０－０００１',
        requesterAddress: '千葉県千葉市中央区都町1-1-1\nコーポ都201',
        requesterPhone: '０４３－１２３－４５６７',
      }),
    );
    const file = value(await rt.call('cases.get', { id }));
    expect(file.case).toMatchObject({ requesterPostalCode: '260-0001', requesterAddress: '千葉県千葉市中央区都町1-1-1\nコーポ都201', requesterEmail: '', requesterPhone: '043-123-4567' });
    // No email for the representative: no email draft (the member's own address is not used), a letter is owed.
    expect(value(await rt.call('outbox.list', { caseId: id })).rows).toEqual([]);
    expect(file.owedNotices).toMatchObject([{ kind: 'acknowledgement', channel: 'letter', state: 'to_prepare', next: 'print_letter' }]);
    const ready = value(await rt.call('letters.ready', {})).filter((r) => r.caseId === id);
    expect(ready).toMatchObject([{ kind: 'acknowledgement', recipientName: '山田 花子', memberName: '山田 一郎', reason: 'no_email', hasPostalAddress: true }]);

    const doc = value(await rt.call('letters.preview', { caseId: id, kind: 'acknowledgement' }));
    const bytes = await printer.pdf(doc.html);
    const first = (await words(bytes)).filter((w) => w.page === 1 && w.yMax < 60 && w.xMax < 115);
    const block = first.map((w) => w.text).join('');
    // The requester's postal code, address (two lines as typed) and name, with whom they act for.
    expect(block).toBe('〒260-0001千葉県千葉市中央区都町1-1-1コーポ都201山田一郎様の法定代理人山田花子様');
    for (const w of first) expect([w.text, inWindow(w)]).toEqual([w.text, true]);
    const lines = [...new Set(first.filter((w) => /都町|コーポ/.test(w.text)).map((w) => Math.round(w.yMin)))];
    expect(lines).toHaveLength(2);
    // Nothing of the member's own address on the letter.
    const text = squash((await pagesText(bytes)).join(''));
    expect(text).not.toContain('神宮前');
    // The member is named in the body (salutation and facts).
    expect(text).toContain('山田花子様（山田一郎様の法定代理人）');
    expect(text).toContain('会員山田一郎');
    // A requester without email gets no "we reply by email in principle".
    expect(text).not.toContain('原則としてメールで対応');
    expect(text).not.toContain('Inprinciple,werespondtoinquiriesbyemail');
  });

  it('the agent (by email): the draft goes to the agent’s address, names the member, and the letter window shows the agent', async () => {
    const { id } = value(
      await rt.call('cases.create', {
        ...base,
        channel: 'email',
        requesterKind: 'agent',
        requesterName: '弁護士 佐藤 健',
        requesterPostalCode: '1000005',
        requesterAddress: '東京都千代田区丸の内2-4-1 丸の内ビル5F',
        requesterEmail: 'ｓａｔｏ＠ｌａｗ．ｅｘａｍｐｌｅ．ｊｐ',
      }),
    );
    const rows = value(await rt.call('outbox.list', { caseId: id })).rows;
    expect(rows.map((r) => [r.noticeKind, r.to])).toEqual([['acknowledgement', 'sato@law.example.jp']]);
    const mail = value(await rt.call('outbox.get', { id: rows[0]!.id }));
    expect(mail.body).toContain('弁護士 佐藤 健 様（山田 一郎 様の任意代理人）');
    expect(mail.body).toContain('山田 一郎');
    expect(mail.body).not.toContain('ichiro@example.com');
    // By email: nothing is ready to print; a letter printed from the case file still goes to the agent.
    expect(value(await rt.call('letters.ready', {})).filter((r) => r.caseId === id)).toEqual([]);
    const doc = value(await rt.call('letters.preview', { caseId: id, kind: 'acknowledgement' }));
    const first = (await words(await printer.pdf(doc.html))).filter((w) => w.page === 1 && w.yMax < 60 && w.xMax < 115);
    expect(first.map((w) => w.text).join('')).toBe('〒100-0005東京都千代田区丸の内2-4-1丸の内ビル5F山田一郎様の代理人弁護士佐藤健様');
    for (const w of first) expect([w.text, inWindow(w)]).toEqual([w.text, true]);
  });
});

describe('the window, through the desk', () => {
  it('a name that runs past the window is listed as not ready, naming the field and the mm; shortened, it is ready', async () => {
    const long = '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処やぶら小路の藪柑子パイポパイポパイポのシューリンガンシューリンガンのグーリンダイグーリンダイのポンポコピーのポンポコナーの長久命の長助';
    const { id } = value(await rt.call('cases.create', { ...base, channel: 'post', requesterKind: 'member', memberEmail: '', memberName: long }));
    const ready = value(await rt.call('letters.ready', {})).find((r) => r.caseId === id)!;
    expect(ready.notReady).toMatchObject({ code: 'WINDOW_OVERFLOW', field: 'name' });
    expect(ready.notReady!.overflowMm).toBeGreaterThan(5);
    const doc = value(await rt.call('letters.preview', { caseId: id, kind: 'acknowledgement' }));
    expect(doc.warnings).toMatchObject([{ code: 'WINDOW_OVERFLOW', field: 'name', overflowMm: ready.notReady!.overflowMm }]);
    // Chromium agrees: the name's last line prints below the window's bottom edge.
    const block = (await words(await printer.pdf(doc.html))).filter((w) => w.page === 1 && w.xMin >= 27 && w.xMax < 115 && long.includes(w.text));
    expect(Math.max(...block.map((w) => w.yMax))).toBeGreaterThan(WINDOW.top + WINDOW.height);
    const short = value(await rt.call('cases.create', { ...base, channel: 'post', requesterKind: 'member', memberEmail: '', memberName: '寿限無 長助' }));
    expect(value(await rt.call('letters.ready', {})).find((r) => r.caseId === short.id)!.notReady).toBeNull();
  });
});

describe('bad input at intake', () => {
  const refusal = async (input: Record<string, unknown>) => {
    const r = await rt.call('cases.create', { ...base, channel: 'post', requesterKind: 'member', ...input });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('accepted');
    return r.error;
  };

  it('a requester with no contact at all is refused, naming the field; nothing is stored', async () => {
    expect(await refusal({ memberEmail: '', memberAddress: '' })).toMatchObject({ code: 'INVALID_INPUT', field: 'memberEmail' });
    expect(await refusal({ requesterKind: 'agent', requesterName: '代理 人' })).toMatchObject({ code: 'INVALID_INPUT', field: 'requesterEmail' });
    expect(value(await rt.call('cases.list', {})).total).toBe(0);
  });

  it('an address of 12 lines is refused with the line count; 4 lines are kept as typed', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `${i + 1}丁目`).join('\n');
    expect(await refusal({ memberAddress: twelve })).toMatchObject({ code: 'INVALID_INPUT', field: 'memberAddress', message: expect.stringMatching(/at most 4 lines \(this one has 12\)/) });
    const four = '東京都渋谷区\r\n神宮前1-2-3\r\n\r\nメゾン神宮前\n101号室';
    const { id } = value(await rt.call('cases.create', { ...base, channel: 'post', requesterKind: 'member', memberAddress: four }));
    expect(value(await rt.call('cases.get', { id })).case.memberAddress).toBe('東京都渋谷区\n神宮前1-2-3\nメゾン神宮前\n101号室');
  });

  it('an emoji in a name is refused (the letter font cannot print it); so is a name with a line break', async () => {
    expect(await refusal({ memberName: '山田 太郎😀' })).toMatchObject({ code: 'INVALID_INPUT', field: 'memberName', message: expect.stringMatching(/cannot print/) });
    expect(await refusal({ requesterKind: 'agent', requesterName: '佐藤 🇯🇵', requesterEmail: 'a@example.jp' })).toMatchObject({ field: 'requesterName' });
    expect(await refusal({ memberName: '山田\n太郎' })).toMatchObject({ code: 'INVALID_INPUT', field: 'memberName', message: expect.stringMatching(/one line/) });
    // What the fonts do print passes: ©, ®, kanji variants, Latin with accents.
    value(await rt.call('cases.create', { ...base, channel: 'post', requesterKind: 'member', memberName: 'Nguyễn Văn An 髙橋©' }));
  });

  it('a bank account setting typed with full-width digits is normalised; a wrong one is refused', async () => {
    const settings = value(await rt.call('settings.get', {}));
    const feePayment = { bankName: 'みずほ銀行', branchName: '新宿支店', accountType: 'ordinary' as const, accountNumber: '１２３－４５６７', accountHolder: 'カ）ジュオ', deadlineDays: 10 };
    const saved = value(await rt.call('settings.update', { notices: { ...settings.notices!, feePayment } }));
    expect(saved.notices!.feePayment.accountNumber).toBe('1234567');
    expect(await rt.call('settings.update', { notices: { ...settings.notices!, feePayment: { ...feePayment, accountNumber: '12345' } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
