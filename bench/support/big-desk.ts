// A big desk for the benchmarks (queue, ui): deterministic, realistic rows inserted directly in one
// transaction — Japanese and foreign residents' names with kana, emails, request texts, every status and
// type over two years of arrivals, assignees, events, identity checks, fees, notices, notes, and both search
// indexes (core/cases' own searchBody and bigramTerms). The deadline columns are real: core/calendar's
// foldDeadlineHistory over each case's pause/resume/extend events, through deadlineColumns.
import type { RawDatabase } from '../../db/open.ts';
import { searchBody } from '../../electron/core/cases/records.ts';
import { bigramTerms } from '../../electron/core/cases/search-index.ts';
import { deadlineColumns } from '../../electron/core/cases/deadline-of-case.ts';
import { foldDeadlineHistory, japanDateOf, legalMark, daysForType, type DeadlineEvent, type DeskCalendar } from '../../electron/core/calendar/index.ts';
import { outcomes, type RequestType } from '../../electron/contract/index.ts';

/** Tue 2026-11-24 12:00 in Tokyo: the bench's "now", so runs compare. */
export const NOW = new Date('2026-11-24T03:00:00Z');
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Deterministic data

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
export const random = mulberry32(20261124);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

// [kanji, kana, romaji]; 長谷川 is rare on purpose: the search hits a few hundred cases.
const FAMILY: Array<[string, string, string]> = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['田中', 'タナカ', 'tanaka'], ['伊藤', 'イトウ', 'ito'],
  ['渡辺', 'ワタナベ', 'watanabe'], ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'], ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'],
  ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'], ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'], ['松本', 'マツモト', 'matsumoto'],
  ['井上', 'イノウエ', 'inoue'], ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'], ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'],
  ['山崎', 'ヤマザキ', 'yamazaki'], ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'], ['阿部', 'アベ', 'abe'],
  ['石川', 'イシカワ', 'ishikawa'], ['山下', 'ヤマシタ', 'yamashita'], ['中島', 'ナカジマ', 'nakajima'], ['石井', 'イシイ', 'ishii'], ['小川', 'オガワ', 'ogawa'],
  ['前田', 'マエダ', 'maeda'], ['岡田', 'オカダ', 'okada'], ['後藤', 'ゴトウ', 'goto'], ['藤田', 'フジタ', 'fujita'], ['近藤', 'コンドウ', 'kondo'],
  ['村上', 'ムラカミ', 'murakami'], ['遠藤', 'エンドウ', 'endo'], ['青木', 'アオキ', 'aoki'], ['坂本', 'サカモト', 'sakamoto'], ['福田', 'フクダ', 'fukuda'],
  ['太田', 'オオタ', 'ota'], ['西村', 'ニシムラ', 'nishimura'], ['藤井', 'フジイ', 'fujii'], ['岡本', 'オカモト', 'okamoto'], ['松田', 'マツダ', 'matsuda'],
  ['中川', 'ナカガワ', 'nakagawa'], ['中野', 'ナカノ', 'nakano'], ['原田', 'ハラダ', 'harada'], ['小野', 'オノ', 'ono'], ['竹内', 'タケウチ', 'takeuchi'],
];
const RARE: [string, string, string] = ['長谷川', 'ハセガワ', 'hasegawa'];
const GIVEN: Array<[string, string, string]> = [
  ['太郎', 'タロウ', 'taro'], ['花子', 'ハナコ', 'hanako'], ['翔太', 'ショウタ', 'shota'], ['美咲', 'ミサキ', 'misaki'], ['大輔', 'ダイスケ', 'daisuke'],
  ['由美子', 'ユミコ', 'yumiko'], ['健一', 'ケンイチ', 'kenichi'], ['さくら', 'サクラ', 'sakura'], ['拓海', 'タクミ', 'takumi'], ['恵', 'メグミ', 'megumi'],
  ['隆', 'タカシ', 'takashi'], ['彩', 'アヤ', 'aya'], ['陽介', 'ヨウスケ', 'yosuke'], ['奈緒', 'ナオ', 'nao'], ['浩二', 'コウジ', 'koji'],
  ['愛', 'アイ', 'ai'], ['直樹', 'ナオキ', 'naoki'], ['千尋', 'チヒロ', 'chihiro'], ['修', 'オサム', 'osamu'], ['里奈', 'リナ', 'rina'],
  ['健太', 'ケンタ', 'kenta'], ['真由美', 'マユミ', 'mayumi'], ['一郎', 'イチロウ', 'ichiro'], ['結衣', 'ユイ', 'yui'], ['蓮', 'レン', 'ren'],
];
// Foreign residents: [name, kana, romaji for the email].
const FOREIGN: Array<[string, string, string]> = [
  ['Nguyen Van Hung', 'グエン ヴァン フン', 'hung.nguyen'], ['Tran Thi Mai', 'チャン ティ マイ', 'mai.tran'], ['Pham Minh Tuan', 'ファム ミン トゥアン', 'tuan.pham'],
  ['Le Thi Hoa', 'レ ティ ホア', 'hoa.le'], ['Dao Thi Huong', 'ダオ ティ フオン', 'huong.dao'], ['王 芳', 'ワン ファン', 'wang.fang'], ['李 明', 'リ ミン', 'li.ming'],
  ['张 伟', 'チョウ イ', 'zhang.wei'], ['陈 静', 'チン セイ', 'chen.jing'], ['Maria Santos Reyes', 'マリア サントス レイエス', 'maria.reyes'],
  ['Jose Dela Cruz', 'ホセ デラ クルス', 'jose.delacruz'], ['Bikash Shrestha', 'ビカシュ シュレスタ', 'bikash.shrestha'], ['Sunita Gurung', 'スニタ グルン', 'sunita.gurung'],
  ['Lucas Oliveira Silva', 'ルーカス オリベイラ シウバ', 'lucas.silva'], ['Ana Paula Yamamoto', 'アナ パウラ ヤマモト', 'anapaula.y'], ['Kim Min-jun', 'キム ミンジュン', 'minjun.kim'],
  ['Aung Ko Ko', 'アウン コ コ', 'aungkoko'], ['Budi Santoso', 'ブディ サントソ', 'budi.santoso'], ['Rajesh Thapa Magar', 'ラジェシュ タパ マガル', 'rajesh.thapa'],
];
const DOMAINS = ['example.jp', 'example.com', 'example.ne.jp', 'example.co.jp', 'example.net'];
const PREFS = ['東京都新宿区西新宿', '大阪府大阪市北区梅田', '神奈川県横浜市西区', '愛知県名古屋市中区栄', '福岡県福岡市博多区', '埼玉県川口市本町', '北海道札幌市中央区', '群馬県邑楽郡大泉町'];
const TEXTS: Record<RequestType, string[]> = {
  disclosure: [
    '貴社が保有している私の個人情報（登録情報、職務経歴、キャリア診断の結果）の開示を請求します。電子メールでの交付を希望します。',
    '求人企業など第三者への提供の記録（提供先、提供日、提供した項目）を開示してください。',
    '退会前に登録していた情報がまだ残っているか確認したいので、保有個人データの開示をお願いします。書面での交付を希望します。',
    'I request disclosure of all personal data you hold about me, including the records of provision to third parties (APPI Art. 33).',
    '面談記録やアドバイザーのメモに私に関する記載があれば、その内容も含めて開示してください。',
    '報道された情報漏えいについて、私の情報が含まれていたかどうか、含まれていた項目を開示してください。',
  ],
  correction: [
    '登録されている住所が旧住所のままです。新住所に訂正してください。',
    '生年月日が誤って登録されています。正しい生年月日に訂正をお願いします。',
    '在留資格が変更になりました。登録内容の訂正と、在留期間の追加をお願いします。',
    'My family name is misspelled in my profile. Please correct it to the spelling on my residence card.',
    '職務経歴に、私が在籍していない会社が記載されています。削除してください。',
  ],
  suspension: [
    '退会したにもかかわらず求人案内のメールが届きます。私の情報の利用停止と消去を求めます。',
    '同意していない企業に私の情報が提供されているようです。第三者への提供の停止を求めます。',
    'キャリア診断の結果を、説明された目的以外（広告配信）に利用しないでください。',
    'Please stop using my personal information for marketing and delete my data; I closed my account last year.',
    '情報漏えいの報道を受け、私の個人情報の利用停止と消去を請求します。',
  ],
};
const KINDS: Record<RequestType, string[][]> = {
  disclosure: [[], [], ['records'], ['records', 'third_party_records'], ['third_party_records']],
  correction: [['correct'], ['correct'], ['add'], ['delete'], ['correct', 'add']],
  suspension: [['stop_use'], ['stop_use', 'delete'], ['stop_third_party'], ['delete']],
};
const STAFF: Array<[string, string, 'agent' | 'supervisor']> = [
  ['sato', '佐藤 花子', 'supervisor'], ['suzuki', '鈴木 次郎', 'supervisor'], ['tanaka', '田中 一郎', 'agent'], ['ito', '伊藤 真理', 'agent'],
  ['kobayashi', '小林 誠', 'agent'], ['nakamura', '中村 優子', 'agent'], ['yamada', '山田 健', 'agent'], ['watanabe', '渡辺 彩', 'agent'],
];

interface Person {
  name: string;
  kana: string;
  email: string;
}
function person(i: number): Person {
  if (chance(0.15)) {
    const [name, kana, r] = pick(FOREIGN);
    return { name, kana, email: `${r}${i % 997}@${pick(DOMAINS)}` };
  }
  const [f, fk, fr] = chance(0.0035) ? RARE : pick(FAMILY);
  const [g, gk, gr] = pick(GIVEN);
  return { name: `${f} ${g}`, kana: `${fk} ${gk}`, email: chance(0.93) ? `${gr}.${fr}${i % 1000}@${pick(DOMAINS)}` : '' };
}

const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------------
// Building the desk

/** Fills a freshly created desk with `CASES` cases, arriving over the two years before `now`. */
export function build(raw: RawDatabase, calendar: DeskCalendar, CASES: number, NOW_: Date = NOW): { open: number } {
  const NOW = NOW_;
  raw.pragma('cache_size = -262144');
  const insertAccount = raw.prepare(`INSERT OR IGNORE INTO accounts (username, display_name, role, slot_id, disabled, must_change_password, created_at) VALUES (?, ?, ?, NULL, 0, 0, ?)`);
  const insertCase = raw.prepare(`INSERT INTO cases (id, reference, type, kinds, status, paused_from, channel, arrived_at, days, day_zero, due_date, due_provisional, paused, legal_mark,
    requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, delivery, assignee,
    outcome, grounds, reasoning, alternative_measure, decided_by, decided_at, approved_by, approved_at, closure_ground, closure_reason, created_by, created_at, updated_at, closed_at)
    VALUES (@id, @reference, @type, @kinds, @status, @paused_from, @channel, @arrived_at, @days, @day_zero, @due_date, @due_provisional, @paused, @legal_mark,
    @requester_kind, @requester_name, @member_name, @member_kana, @member_email, @member_postal_code, @member_address, @member_id, @request_text, @delivery, @assignee,
    @outcome, @grounds, @reasoning, @alternative_measure, @decided_by, @decided_at, @approved_by, @approved_at, @closure_ground, @closure_reason, @created_by, @created_at, @updated_at, @closed_at)`);
  const insertEvent = raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)`);
  const insertCheck = raw.prepare(`INSERT INTO identity_checks (case_id, verified, documents, note, checked_by, checked_at) VALUES (?, ?, ?, '', ?, ?)`);
  const insertFee = raw.prepare(`INSERT INTO fee_entries (case_id, kind, method, amount, received_on, note, recorded_by, recorded_at) VALUES (?, 'payment', ?, ?, ?, '', ?, ?)`);
  const insertNotice = raw.prepare(`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (?, ?, ?, '', ?, ?)`);
  const insertNote = raw.prepare(`INSERT INTO case_notes (case_id, text, by, at) VALUES (?, ?, ?, ?)`);
  const insertSearch = raw.prepare(`INSERT INTO case_search (rowid, body) VALUES (?, ?)`);
  const insertBigrams = raw.prepare(`INSERT INTO case_search_bigram (rowid, terms) VALUES (?, ?)`);

  // Arrivals over the two years before now, in order: references are numbered per year in that order.
  const span = 700 * DAY;
  // Most over two years; a recent surge (a leak in the news) in the last two months.
  const arrivals = Array.from({ length: CASES }, () => NOW.getTime() - 10 * 60_000 - Math.floor(random() * (chance(0.12) ? 60 * DAY : span))).sort((a, b) => a - b);
  const perYear = new Map<string, number>();
  let open = 0;

  raw.transaction(() => {
    for (const [u, d, r] of STAFF) insertAccount.run(u, d, r, iso(NOW.getTime() - span));
    for (let k = 0; k < CASES; k++) {
      const id = k + 1;
      const arrived = arrivals[k]!;
      const arrivedAt = iso(arrived);
      const year = japanDateOf(arrived).slice(0, 4);
      const n = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, n);
      const reference = `PD-${year}-${String(n).padStart(5, '0')}`;
      const type: RequestType = chance(0.5) ? 'disclosure' : chance(0.5) ? 'correction' : 'suspension';
      const days = daysForType(calendar, type);
      const who = person(id);
      const requester = chance(0.9) ? 'member' : chance(0.6) ? 'agent' : 'representative';
      const ageDays = (NOW.getTime() - arrived) / DAY;
      const staff = () => pick(STAFF.slice(1))[0];
      const at = (afterDays: number) => Math.min(arrived + afterDays * DAY + Math.floor(random() * 3_600_000), NOW.getTime() - 60_000);

      // Where the case stands: almost every old case is closed; recent ones are spread over the lifecycle.
      let status: string;
      if (ageDays > 40) status = chance(0.965) ? 'closed' : pick(['in_review', 'in_review', 'awaiting_requester', 'decided', 'received', 'notified']);
      else if (ageDays < 1.5) status = chance(0.8) ? 'received' : 'in_review';
      else status = pick(['received', 'in_review', 'in_review', 'in_review', 'awaiting_requester', 'decided', 'approved', 'notified', 'closed', 'closed', 'withdrawn', 'rejected']);
      if (status !== 'closed') open++;

      const history: DeadlineEvent[] = [];
      const events: Array<[number, string | null, string, Record<string, unknown>]> = [];
      const assignee = status === 'received' ? null : staff();
      events.push([arrived + 5 * 60_000, assignee ?? 'sato', 'received', { type, channel: 'email', arrivedAt }]);
      if (status !== 'received') events.push([at(0.2), assignee, 'status', { from: 'received', to: 'in_review' }]);
      if (status === 'awaiting_requester') {
        const t = at(Math.min(ageDays * 0.5, 1));
        history.push({ type: 'pause', at: iso(t), reason: '本人確認書類の提出を依頼', by: assignee ?? undefined });
        events.push([t, assignee, 'pause', { reason: '本人確認書類の提出を依頼', reasonKind: 'identity_documents', from: 'in_review', to: 'awaiting_requester' }]);
      } else if (status !== 'received' && ageDays > 8 && chance(0.2)) {
        const p = at(1);
        const r = at(Math.min(ageDays - 1, 4));
        if (r > p) {
          history.push({ type: 'pause', at: iso(p), reason: '手数料の到着待ち', by: assignee ?? undefined }, { type: 'resume', at: iso(r), reason: '定額小為替を受領', by: assignee ?? undefined });
          events.push([p, assignee, 'pause', { reason: '手数料の到着待ち', reasonKind: 'fee' }], [r, assignee, 'resume', { reason: '定額小為替を受領' }]);
        }
      }
      if (status !== 'received' && status !== 'awaiting_requester' && ageDays > 6 && chance(0.01)) {
        const before = foldDeadlineHistory(calendar, { arrivedAt, days, history });
        const t = Math.max(at(5), Date.parse(history.at(-1)?.at ?? arrivedAt) + 60_000);
        if (t < NOW.getTime()) {
          const due = calendar.addBusinessDays(before.due, 10);
          history.push({ type: 'extend', at: iso(t), reason: '調査に時間を要するため', due, by: 'suzuki' });
          events.push([t, 'suzuki', 'extend', { reason: '調査に時間を要するため', due, dueBefore: before.due }]);
        }
      }
      const deadline = deadlineColumns(foldDeadlineHistory(calendar, { arrivedAt, days, history }), arrivedAt);

      const decided = ['decided', 'approved', 'notified', 'closed'].includes(status);
      const outcome = decided ? pick(outcomes[type] as readonly string[]) : null;
      const decider = decided ? staff() : null;
      const approver = ['approved', 'notified', 'closed'].includes(status) ? (decider === 'suzuki' ? 'sato' : 'suzuki') : null;
      const decidedAt = decided ? iso(at(Math.min(ageDays, 6))) : null;
      const approvedAt = approver ? iso(at(Math.min(ageDays, 7))) : null;
      const closedAt = status === 'closed' ? iso(at(Math.min(ageDays, 9))) : null;
      const row = {
        id,
        reference,
        type,
        kinds: JSON.stringify(pick(KINDS[type])),
        status,
        paused_from: status === 'awaiting_requester' ? 'in_review' : null,
        channel: pick(['email', 'post', 'web_form', 'web_form', 'phone']),
        arrived_at: arrivedAt,
        days,
        ...deadline,
        paused: status === 'awaiting_requester' ? 1 : 0,
        legal_mark: legalMark(arrivedAt),
        requester_kind: requester,
        requester_name: requester === 'member' ? '' : requester === 'agent' ? '弁護士 岡田 由紀' : '法定代理人',
        member_name: who.name,
        member_kana: who.kana,
        member_email: who.email,
        member_postal_code: `${100 + (id % 800)}-${String(id % 10_000).padStart(4, '0')}`,
        member_address: `${pick(PREFS)}${1 + (id % 9)}-${1 + (id % 30)}-${1 + (id % 20)}`,
        member_id: `CM-${String(1_000_000 + id)}`,
        request_text: pick(TEXTS[type]),
        delivery: type === 'disclosure' ? pick(['electronic', 'paper']) : null,
        assignee,
        outcome,
        grounds: outcome === 'disclosed_partial' || outcome === 'not_disclosed' ? JSON.stringify([pick(['harm_to_interests', 'business_hindrance'])]) : '[]',
        reasoning: outcome && outcome !== 'disclosed_full' && outcome !== 'done' ? '理由は通知書に記載のとおり。' : '',
        alternative_measure: outcome === 'alternative_measure' ? '利用を停止し閲覧権限を限定した。' : '',
        decided_by: decider,
        decided_at: decidedAt,
        approved_by: approver,
        approved_at: approvedAt,
        closure_ground: status === 'withdrawn' ? 'withdrawn' : status === 'rejected' ? 'identity_not_verified' : null,
        closure_reason: status === 'withdrawn' || status === 'rejected' ? '本人からの申し出' : '',
        created_by: 'sato',
        created_at: iso(arrived + 5 * 60_000),
        updated_at: closedAt ?? approvedAt ?? decidedAt ?? iso(arrived + 5 * 60_000),
        closed_at: closedAt,
      };
      insertCase.run(row);

      if (status !== 'received') {
        const t = at(0.5);
        insertCheck.run(id, status === 'rejected' ? 0 : 1, JSON.stringify([{ type: pick(['drivers_license', 'residence_card', 'my_number_card']), issuedOn: null, note: '' }]), assignee, iso(t));
        events.push([t, assignee, 'identity_check', { verified: status !== 'rejected' }]);
        if (type === 'disclosure') {
          insertFee.run(id, pick(['postal_money_order', 'bank_transfer']), chance(0.97) ? 1000 : 500, japanDateOf(t), assignee, iso(t));
          events.push([t, assignee, 'fee', { kind: 'payment', amount: 1000 }]);
        }
      }
      insertNotice.run(id, 'acknowledgement', 'mail', assignee ?? 'sato', iso(arrived + 30 * 60_000));
      if (decided) events.push([Date.parse(decidedAt!), decider, 'decision', { outcome }]);
      if (approver) events.push([Date.parse(approvedAt!), approver, 'approval', { outcome }]);
      if (status === 'notified' || status === 'closed') {
        insertNotice.run(id, 'decision', 'letter', approver ?? 'sato', approvedAt ?? iso(at(8)));
        events.push([Date.parse(approvedAt ?? iso(at(8))), approver, 'notice', { kind: 'decision', channel: 'letter' }]);
      }
      if (closedAt) events.push([Date.parse(closedAt), assignee, 'closed', {}]);
      const notes: string[] = [];
      if (chance(0.1)) {
        const text = pick(['本人から電話あり。進捗を説明した。', '提供先企業への照会中。', '書類の不備を確認。再提出を依頼予定。']);
        notes.push(text);
        insertNote.run(id, text, assignee ?? 'sato', iso(at(1)));
      }
      events.sort((a, b) => a[0] - b[0]);
      for (const [t, actor, kind, data] of events) insertEvent.run(id, iso(t), actor, kind, JSON.stringify(data));
      // Both search indexes, as search-index.ts's writeSearchRows fills them.
      const body = searchBody(row, notes);
      insertSearch.run(id, body);
      insertBigrams.run(id, bigramTerms(body));
    }
  })();
  raw.pragma('cache_size = -2000');
  return { open };
}
