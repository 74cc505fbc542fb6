// buildNotice: every notice kind and every decision outcome builds, bilingual, with the right title,
// the facts from the case, the policy article quoted, the desk's details and hours; nothing unfilled,
// and a subject that stays one line whatever the case holds.
import { describe, expect, it } from 'vitest';
import { outcomes, type CaseFile, type DeskSettings, type Outcome, type RequestType } from '../../../electron/contract/index.ts';
import { buildNotice } from '../../../electron/core/notices/build-notice.ts';
import { noticeEmail } from '../../../electron/core/notices/email-text.ts';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings.ts';

function file(over: Partial<CaseFile['case']> = {}, extra: Partial<CaseFile> = {}): CaseFile {
  return {
    case: {
      id: 1,
      reference: 'PD-2026-00042',
      type: 'disclosure',
      convertedFrom: null,
      replyTemplate: null,
      replyJa: '',
      replyEn: '',
      kinds: ['records'],
      status: 'approved',
      channel: 'email',
      requesterKind: 'member',
      requesterName: '',
      requesterPostalCode: '',
      requesterAddress: '',
      requesterEmail: '',
      requesterPhone: '',
      memberName: 'Nguyen Van An',
      memberKana: 'グエン ヴァン アン',
      memberEmail: 'nguyen.an@example.com',
      memberPostalCode: '160-0023',
      memberAddress: '東京都新宿区西新宿1-1-1',
      memberId: 'M-1',
      requestText: '登録情報の開示を求めます。',
      delivery: 'paper',
      assignee: 'tanaka',
      outcome: 'disclosed_full',
      grounds: [],
      reasoning: '',
      alternativeMeasure: '',
      decidedBy: 'tanaka',
      decidedAt: '2026-12-01T01:00:00.000Z',
      approvedBy: 'suzuki',
      approvedAt: '2026-12-01T02:00:00.000Z',
      closureGround: null,
      closureReason: '',
      createdBy: 'tanaka',
      createdAt: '2026-11-24T01:00:00.000Z',
      closedAt: null,
      ...over,
    },
    deadline: {
      target: false,
      arrivedAt: '2026-11-24T00:30:00.000Z',
      days: 10,
      dayZero: '2026-11-24',
      due: '2026-12-08',
      dueAt: '2026-12-08T18:00:00+09:00',
      provisional: false,
      paused: null,
      extended: false,
      businessDaysLeft: 5,
      urgency: 'normal',
      legalMark: '2026-12-08',
      legalMarkDaysLeft: 14,
      legalMarkState: 'ok',
      history: [],
    },
    identityChecks: [{ id: 1, verified: true, documents: [{ type: 'passport', issuedOn: null, note: '' }], note: '', checkedBy: 'tanaka', checkedAt: '2026-11-24T02:00:00.000Z', staleCertificates: [] }],
    fees: { required: 1000, paid: 1000, refunded: 0, balance: 0, entries: [{ id: 1, kind: 'payment', method: 'postal_money_order', amount: 1000, receivedOn: '2026-11-30', note: '', recordedBy: 'tanaka', recordedAt: '2026-11-30T01:00:00.000Z' }] },
    notes: [],
    notices: [],
    owedNotices: [],
    timeline: [],
    allowedActions: [],
    warnings: [],
    flags: [],
    version: 1,
    legalHold: null,
    relatedCase: null,
    linkedFrom: [],
    ...extra,
  };
}

const settings: DeskSettings = { ...DEFAULT_SETTINGS, desk: { ...DEFAULT_SETTINGS.desk, phone: '03-0000-0000' } };
const issuedAt = new Date('2026-12-01T03:00:00Z');

/** Every text of a notice, joined. */
const all = (c: unknown): string => (typeof c === 'string' ? c : Array.isArray(c) ? c.map(all).join('\n') : c && typeof c === 'object' ? Object.values(c).map(all).join('\n') : '');

describe('buildNotice', () => {
  it('every decision outcome: its title, its article quoted, nothing left unfilled', () => {
    const titles: Record<RequestType, string[]> = { disclosure: ['開示決定通知書', '開示決定通知書', '不開示決定通知書', '不開示決定通知書'], correction: Array(4).fill('訂正等決定通知書'), suspension: Array(5).fill('利用停止等決定通知書') };
    const article: Record<RequestType, string> = { disclosure: '第6条', correction: '第7条', suspension: '第8条' };
    for (const type of ['disclosure', 'correction', 'suspension'] as const) {
      (outcomes[type] as readonly Outcome[]).forEach((outcome, i) => {
        const refusing = ['disclosed_partial', 'not_disclosed'].includes(outcome);
        const n = buildNotice({
          kind: 'decision',
          file: file({ type, outcome, grounds: refusing ? ['harm_to_interests', 'violation_of_law'] : [], reasoning: outcome === 'disclosed_full' || outcome === 'no_information' ? '' : '理由の記載', alternativeMeasure: outcome === 'alternative_measure' ? '配信停止リストに登録' : '', kinds: type === 'disclosure' ? ['records'] : type === 'correction' ? ['correct'] : ['stop_use'] }),
          settings,
          issuedAt,
        });
        expect([type, outcome, n.title.ja]).toEqual([type, outcome, titles[type][i]]);
        expect(n.citations.length).toBeGreaterThan(0);
        expect(n.citations.every((c) => c.ja.includes(article[type]) && c.en.includes(`Article ${article[type].slice(1, 2)}`))).toBe(true);
        expect(all(n)).not.toMatch(/\{\{|\}\}/);
        expect(n.paragraphs.length).toBeGreaterThan(0);
        expect(n.issuedOn).toEqual({ ja: '令和8年12月1日', en: '1 December 2026' });
        if (refusing) {
          expect(n.citations.map((c) => c.en).join('\n')).toContain('When there is a risk of harming the life, body, property');
          expect(n.citations.map((c) => c.en).join('\n')).toContain('When it violates other laws and regulations');
          expect(n.facts.find((f) => f.label.en === 'Grounds for not disclosing')!.value.ja).toContain('第6条第1項第1号');
        }
      });
    }
  });

  it('facts: reference, arrival in both date forms, the request as received, the fee paid', () => {
    const n = buildNotice({ kind: 'decision', file: file(), settings, issuedAt });
    const fact = (en: string) => n.facts.find((f) => f.label.en === en)!.value;
    expect(fact('Reference')).toEqual({ ja: 'PD-2026-00042', en: 'PD-2026-00042' });
    expect(fact('Date received')).toEqual({ ja: '令和8年11月24日', en: '24 November 2026' });
    expect(fact('The request as received').ja).toBe('登録情報の開示を求めます。');
    expect(fact('Fee')).toEqual({ ja: '1,000円　令和8年11月30日受領（定額小為替）', en: '¥1,000, received on 30 November 2026 (postal money order)' });
    expect(fact('Delivery')).toEqual({ ja: '書面の交付', en: 'A paper copy' });
    expect(n.salutation).toEqual({ ja: 'Nguyen Van An 様', en: 'Dear Nguyen Van An,' });
    expect(n.subject).toEqual({ ja: '【PD-2026-00042】開示決定通知書', en: 'Notice of Decision on Disclosure (PD-2026-00042)' });
  });

  it('the desk’s details from the settings, and its hours (closed weekends, holidays and 29 Dec – 3 Jan)', () => {
    const n = buildNotice({ kind: 'acknowledgement', file: file({ status: 'received', outcome: null }), settings: { ...settings, businessHours: { open: '09:30', close: '17:00' } }, issuedAt });
    const closing = n.closing.map((c) => c.ja).join('\n');
    expect(closing).toContain('株式会社JUO　CareerModel サポートデスク');
    expect(closing).toContain('〒160-0023 東京都新宿区西新宿3-3-13 西新宿水間ビル6F');
    expect(closing).toContain('info@career-model.com');
    expect(closing).toContain('電話：03-0000-0000');
    expect(closing).toContain('受付時間：09:30～17:00（土日祝日および12月29日～1月3日は休業）');
    expect(n.closing.map((c) => c.en).join('\n')).toContain('closed on weekends, public holidays and from 29 December to 3 January');
    expect(n.facts.find((f) => f.label.en === 'We will reply by')!.value).toEqual({ ja: '令和8年12月8日', en: '8 December 2026' });
  });

  it('a representative is addressed, and the member named', () => {
    const n = buildNotice({ kind: 'acknowledgement', file: file({ requesterKind: 'representative', requesterName: '山田 花子', memberName: '山田 一郎' }), settings, issuedAt });
    expect(n.salutation.ja).toBe('山田 花子 様（山田 一郎 様の法定代理人）');
    expect(n.facts.find((f) => f.label.en === 'Requester')!.value.ja).toBe('山田 花子（法定代理人）');
    expect(n.facts.find((f) => f.label.en === 'Member')!.value.ja).toBe('山田 一郎');
  });

  it('extension: the previous and the new date for the reply, from the extension', () => {
    const n = buildNotice({
      kind: 'extension',
      file: file({ status: 'in_review', outcome: null }, { timeline: [{ id: 9, at: '2026-12-01T01:00:00.000Z', actor: 'suzuki', kind: 'extend', data: { reason: '調査に時間を要するため', due: '2026-12-22', dueBefore: '2026-12-08' } }] }),
      settings,
      issuedAt,
    });
    expect(n.title.ja).toBe('期限延長のお知らせ');
    expect(n.paragraphs[0]!.ja).toContain('令和8年12月8日までに回答する予定としておりましたが');
    expect(n.paragraphs[0]!.ja).toContain('令和8年12月22日まで延長');
    expect(n.paragraphs[0]!.en).toContain('extend the date for our reply to 22 December 2026');
  });

  it('documents/fee request: what is missing, and the fee article when the fee is due', () => {
    const n = buildNotice({
      kind: 'documents_request',
      file: file({ status: 'awaiting_requester', outcome: null }, { identityChecks: [], fees: { required: 1000, paid: 0, refunded: 0, balance: -1000, entries: [] }, timeline: [{ id: 3, at: '2026-11-25T01:00:00.000Z', actor: 'tanaka', kind: 'pause', data: { reasonKind: 'identity_documents', reason: 'x' } }] }),
      settings,
      issuedAt,
    });
    expect(n.title).toEqual({ ja: '書類・手数料のお願い', en: 'Request for Documents or Fee' });
    const needed = n.facts.find((f) => f.label.en === 'What we need from you')!.value;
    expect(needed.ja).toMatch(/^・本人確認書類の写し.*\n・手数料 1,000円/);
    expect(n.citations.map((c) => c.en)).toEqual([expect.stringContaining('A fee of 1,000 yen will be charged for each disclosure')]);
  });

  it('the fee request names how to pay from the settings (bank, account, holder, deadline); without an account it names none', () => {
    const awaiting = file({ status: 'awaiting_requester', outcome: null }, { fees: { required: 1000, paid: 0, refunded: 0, balance: -1000, entries: [] }, timeline: [{ id: 3, at: '2026-11-25T01:00:00.000Z', actor: 'tanaka', kind: 'pause', data: { reasonKind: 'fee', reason: 'x' } }] });
    const feePayment = { bankName: 'みずほ銀行', branchName: '新宿支店', accountType: 'ordinary' as const, accountNumber: '1234567', accountHolder: 'カ）ジュオ', deadlineDays: 10 };
    const withAccount = buildNotice({ kind: 'documents_request', file: awaiting, settings: { ...settings, notices: { autoSendAcknowledgements: false, responsiblePerson: '', feePayment } }, issuedAt });
    const how = withAccount.facts.find((f) => f.label.en === 'How to pay (bank transfer)')!.value;
    expect(how.ja).toContain('みずほ銀行\u3000新宿支店');
    expect(how.ja).toContain('普通預金\u30001234567');
    expect(how.ja).toContain('口座名義：カ）ジュオ');
    expect(how.ja).toContain('本通知の日から10営業日以内');
    expect(how.en).toContain('within 10 business days');
    const without = buildNotice({ kind: 'documents_request', file: awaiting, settings, issuedAt });
    expect(without.facts.find((f) => f.label.en === 'How to pay (bank transfer)')).toBeUndefined();
  });

  it('grounds in article order whatever order they were ticked; staff reasons are labelled "(original Japanese)" in English', () => {
    const n = buildNotice({
      kind: 'decision',
      file: file({ outcome: 'not_disclosed', grounds: ['violation_of_law', 'harm_to_interests', 'business_hindrance'], reasoning: '第三者の権利を害するおそれ' }),
      settings,
      issuedAt,
    });
    const grounds = n.facts.find((f) => f.label.en === 'Grounds for not disclosing')!.value;
    expect(grounds.en.split('\n')).toEqual([
      expect.stringContaining('(Article 6, paragraph 1, item 1)'),
      expect.stringContaining('(Article 6, paragraph 1, item 2)'),
      expect.stringContaining('(Article 6, paragraph 1, item 3)'),
    ]);
    expect(n.citations.map((c) => /paragraph 1, item (\d)/.exec(c.en)?.[1] ?? '-')).toEqual(['-', '1', '2', '3']);
    // The Art. 6 quotation ends as a sentence, not with the colon that introduced the grounds list.
    expect(n.citations[0]!.en).toMatch(/personal information\.”$/);
    const reasons = n.facts.find((f) => f.label.en === 'Reasons')!;
    expect(reasons).toMatchObject({ staffWritten: true, value: { ja: '第三者の権利を害するおそれ' } });
    expect(n.paragraphs.map((p) => p.en).join('\n')).toContain('(original Japanese) 第三者の権利を害するおそれ');
    expect(n.paragraphs.map((p) => p.ja).join('\n')).not.toContain('original Japanese');
  });

  it('a suspension request reads right in English; "we reply by email" only to a requester with email', () => {
    const n = buildNotice({ kind: 'acknowledgement', file: file({ type: 'suspension', kinds: ['stop_use'], status: 'received', outcome: null }), settings, issuedAt });
    expect(n.facts.find((f) => f.label.en === 'Request')!.value.en).toMatch(/^Request to stop using, delete, or stop providing personal information to third parties/);
    expect(n.closing.map((c) => c.ja).join('')).toContain('原則としてメールで対応');
    const paper = buildNotice({ kind: 'acknowledgement', file: file({ status: 'received', outcome: null, memberEmail: '' }), settings, issuedAt });
    expect(paper.closing.map((c) => c.ja).join('')).not.toContain('原則としてメール');
    expect(paper.closing.map((c) => c.en).join('')).not.toContain('we respond to inquiries by email');
  });

  it('withdrawal and rejection need a withdrawn or rejected case; a decision needs an outcome', () => {
    expect(() => buildNotice({ kind: 'decision', file: file({ outcome: null }), settings, issuedAt })).toThrow(/no decision yet/);
    expect(() => buildNotice({ kind: 'withdrawal', file: file(), settings, issuedAt })).toThrow(/not withdrawn/);
    expect(() => buildNotice({ kind: 'extension', file: file(), settings, issuedAt })).toThrow(/not been extended/);
    const r = buildNotice({ kind: 'rejection', file: file({ status: 'rejected', outcome: null, closureGround: 'identity_not_verified', closureReason: '書類の氏名が一致しません' }), settings, issuedAt });
    expect(r.paragraphs.map((p) => p.ja).join('\n')).toContain('ご本人であることの確認ができなかったため\n書類の氏名が一致しません');
    const w = buildNotice({ kind: 'withdrawal', file: file({ status: 'withdrawn', outcome: null, closureGround: 'withdrawn', closureReason: '電話で取下げの申出' }), settings, issuedAt });
    expect(w.title.ja).toBe('取下げ受付のお知らせ');
    // The desk's internal note is not printed by default.
    expect(all(w)).not.toContain('電話で取下げの申出');
  });

  it('the email: one-line subject in both languages; Japanese first, then the English reference translation', () => {
    const n = buildNotice({ kind: 'decision', file: file({ reference: 'PD-2026-00042\r\nBcc: evil@example.com' }), settings, issuedAt });
    const email = noticeEmail(n);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe('【PD-2026-00042 Bcc: evil@example.com】開示決定通知書 / Notice of Decision on Disclosure (PD-2026-00042 Bcc: evil@example.com)');
    const ja = email.body.indexOf('開示決定通知書');
    const en = email.body.indexOf('English translation (for reference; the Japanese text above prevails)');
    expect(ja).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(ja);
    expect(email.body.indexOf('Notice of Decision on Disclosure')).toBeGreaterThan(en);
  });
});
