// Demo cases for an empty desk (`npm start -- --demo`, `npm run serve -- --demo`): about forty requests in
// every status, of every type, from members, representatives and agents, Japanese and foreign residents,
// with identity checks, fees (some short), notes, pauses, an extension, some overdue and some near the
// Art. 39 mark.
//
// Every case is built by the same core functions the contract calls (createCase and the moves in
// actions.ts, with inputs parsed by the contract's schemas), each step run with its own `now`: the steps
// of all cases are put in time order over the last weeks and replayed, so no event is backdated and the
// lifecycle, deadline and four-eyes rules hold exactly as they do for real work.
//
// Who does what: the logged-in supervisor takes cases into review (so they are assigned to them),
// checks identity, records fees, approves and sends notices; cases nobody has started stay unassigned.
// Four eyes need a second person to decide what the supervisor approves: the demo adds one colleague
// account, the agent `tanaka` (or `suzuki` if the supervisor is tanaka), created DISABLED and without a
// key slot, so no password exists for it and nobody can log in as it. A supervisor who wants to try the
// agent's view resets it on the accounts screen, which shows a one-time password as for any account.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  caseInputs,
  intakeInput,
  type DeliveryPreference,
  type DisclosureGround,
  type FeeMethod,
  type IdentityDocumentType,
  type IntakeChannel,
  type NoticeChannel,
  type NoticeKind,
  type PauseReason,
  type RejectionGround,
  type RequesterKind,
  type RequestType,
} from '../../contract/index.ts';
import { addCalendarDays, computeDeadline, daysForType, japanDateOf, type DeskCalendar } from '../calendar/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import * as actions from './actions.ts';
import { createCase } from './intake.ts';
import type { Actor } from './lifecycle.ts';

export interface DemoContext {
  db: Kysely<DB>;
  calendar: DeskCalendar;
  /** The logged-in supervisor. */
  actor: Actor;
  now: Date;
}

export interface DemoResult {
  cases: number;
  /** The colleague account the demo made (disabled, no key slot), or null if it already existed. */
  createdAccount: string | null;
}

// ---------------------------------------------------------------------------------------------------
// The people and what they ask

interface Member {
  name: string;
  kana: string;
  email: string;
  postal: string;
  address: string;
  memberId: string;
}

const m = (name: string, kana: string, email: string, postal: string, address: string, memberId: string): Member => ({ name, kana, email, postal, address, memberId });

const MEMBERS: Member[] = [
  m('山田 太郎', 'ヤマダ タロウ', 'taro.yamada@example.jp', '160-0023', '東京都新宿区西新宿2-8-1 パークハイツ302', 'CM-1020331'),
  m('Nguyen Van Hung', 'グエン ヴァン フン', 'hung.nguyen@example.com', '332-0012', '埼玉県川口市本町4-1-8 リバーサイド川口205', 'CM-1048812'),
  m('佐藤 美咲', 'サトウ ミサキ', 'misaki.sato@example.ne.jp', '220-0012', '神奈川県横浜市西区みなとみらい3-6-1', 'CM-1003187'),
  m('王 芳', 'ワン ファン', 'wang.fang@example.cn', '169-0073', '東京都新宿区百人町1-10-15 第二松本ビル401', 'CM-1061120'),
  m('Maria Santos Reyes', 'マリア サントス レイエス', 'maria.reyes@example.ph', '460-0008', '愛知県名古屋市中区栄3-15-33', 'CM-1072245'),
  m('鈴木 大輔', 'スズキ ダイスケ', 'd.suzuki@example.co.jp', '530-0001', '大阪府大阪市北区梅田1-3-1', 'CM-1009902'),
  m('Bikash Shrestha', 'ビカシュ シュレスタ', 'bikash.shrestha@example.com', '170-0013', '東京都豊島区東池袋1-12-8 サンハイム池袋108', 'CM-1080034'),
  m('高橋 由美子', 'タカハシ ユミコ', 'yumiko.t@example.jp', '980-0021', '宮城県仙台市青葉区中央1-3-1', 'CM-1001456'),
  m('Lucas Oliveira Silva', 'ルーカス オリベイラ シウバ', 'lucas.silva@example.com.br', '370-0523', '群馬県邑楽郡大泉町吉田1012-3', 'CM-1091378'),
  m('伊藤 健一', 'イトウ ケンイチ', 'kenichi.ito@example.jp', '812-0011', '福岡県福岡市博多区博多駅前2-1-1', 'CM-1015570'),
  m('Tran Thi Mai', 'チャン ティ マイ', 'mai.tran@example.vn', '564-0051', '大阪府吹田市豊津町9-22 江坂グリーンハイツ3F', 'CM-1066741'),
  m('渡辺 さくら', 'ワタナベ サクラ', 'sakura.w@example.jp', '060-0005', '北海道札幌市中央区北五条西2-5', 'CM-1022093'),
  m('李 明', 'リ ミン', 'li.ming@example.com', '651-0096', '兵庫県神戸市中央区雲井通5-1-1', 'CM-1058800'),
  m('中村 翔太', 'ナカムラ ショウタ', 'shota.nakamura@example.jp', '730-0011', '広島県広島市中区基町10-52', 'CM-1030417'),
  m('Sunita Gurung', 'スニタ グルン', 'sunita.gurung@example.com', '134-0088', '東京都江戸川区西葛西6-8-10 グリーンコート502', 'CM-1084456'),
  m('小林 恵', 'コバヤシ メグミ', 'megumi.k@example.ne.jp', '380-0836', '長野県長野市南県町1085-4', 'CM-1011234'),
  m('Jose Dela Cruz', 'ホセ デラ クルス', 'jose.delacruz@example.ph', '431-3125', '静岡県浜松市中央区半田山1-20-1', 'CM-1077012'),
  m('加藤 隆', 'カトウ タカシ', 'takashi.kato@example.jp', '700-0024', '岡山県岡山市北区駅元町1-1', 'CM-1007789'),
  m('Ana Paula Yamamoto', 'アナ パウラ ヤマモト', 'anapaula.y@example.com.br', '514-0009', '三重県津市羽所町700', 'CM-1093321'),
  m('吉田 彩', 'ヨシダ アヤ', 'aya.yoshida@example.jp', '604-8005', '京都府京都市中京区河原町通三条上る恵比須町427', 'CM-1026604'),
  m('Pham Minh Tuan', 'ファム ミン トゥアン', 'tuan.pham@example.vn', '273-0005', '千葉県船橋市本町1-3-1', 'CM-1069950'),
  m('山本 拓海', 'ヤマモト タクミ', 'takumi.y@example.jp', '950-0087', '新潟県新潟市中央区東大通1-2-23', 'CM-1034562'),
  m('陳 静', 'チン セイ', 'chen.jing@example.tw', '231-0023', '神奈川県横浜市中区山下町150', 'CM-1060078'),
  m('松本 真由美', 'マツモト マユミ', '', '890-0053', '鹿児島県鹿児島市中央町1-1', 'CM-1005521'),
  m('Rajesh Thapa Magar', 'ラジェシュ タパ マガル', 'rajesh.thapa@example.com', '114-0002', '東京都北区王子1-11-1 王子マンション803', 'CM-1086690'),
  m('井上 陽介', 'イノウエ ヨウスケ', 'yosuke.inoue@example.jp', '760-0011', '香川県高松市浜ノ町1-20', 'CM-1018830'),
  m('Kim Min-jun', 'キム ミンジュン', 'minjun.kim@example.kr', '544-0034', '大阪府大阪市生野区桃谷3-5-10', 'CM-1063215'),
  m('木村 奈緒', 'キムラ ナオ', 'nao.kimura@example.jp', '420-0851', '静岡県静岡市葵区黒金町49', 'CM-1028871'),
  m('Felipe Nakamura Costa', 'フェリペ ナカムラ コスタ', 'felipe.costa@example.com.br', '441-8021', '愛知県豊橋市白河町100', 'CM-1095547'),
  m('林 浩二', 'ハヤシ コウジ', 'koji.hayashi@example.jp', '920-0858', '石川県金沢市木ノ新保町1-1', 'CM-1012298'),
  m('Aung Ko Ko', 'アウン コ コ', 'aungkoko@example.com', '116-0013', '東京都荒川区西日暮里2-19-1', 'CM-1088013'),
  m('清水 愛', 'シミズ アイ', 'ai.shimizu@example.ne.jp', '330-0853', '埼玉県さいたま市大宮区錦町630', 'CM-1024410'),
  m('Dao Thi Huong', 'ダオ ティ フオン', 'huong.dao@example.vn', '862-0950', '熊本県熊本市中央区水前寺6-18-1', 'CM-1067702'),
  m('森 直樹', 'モリ ナオキ', 'naoki.mori@example.jp', '790-0001', '愛媛県松山市一番町4-4-2', 'CM-1019965'),
  m('Santos Jr. Ricardo', 'サントス ジュニア リカルド', 'ricardo.santos@example.ph', '210-0007', '神奈川県川崎市川崎区駅前本町26-1', 'CM-1078431'),
  m('池田 千尋', 'イケダ チヒロ', 'chihiro.ikeda@example.jp', '310-0015', '茨城県水戸市宮町1-1-1', 'CM-1031189'),
  m('张 伟', 'チョウ イ', 'zhang.wei@example.cn', '113-0034', '東京都文京区湯島3-38-10', 'CM-1059934'),
  m('橋本 修', 'ハシモト オサム', 'osamu.h@example.co.jp', '500-8856', '岐阜県岐阜市橋本町1-10-1', 'CM-1004470'),
  m('Gurung Prakash', 'グルン プラカシュ', 'prakash.g@example.com', '133-0057', '東京都江戸川区西小岩1-24-1', 'CM-1089907'),
  m('石川 里奈', 'イシカワ リナ', 'rina.ishikawa@example.jp', '150-0043', '東京都渋谷区道玄坂1-2-3 渋谷フクラス', 'CM-1035518'),
  m('Nguyen Thi Thu Trang', 'グエン ティ トゥー チャン', 'trang.nguyen@example.vn', '455-0015', '愛知県名古屋市港区港楽2-6-32', 'CM-1070066'),
  m('斎藤 健太', 'サイトウ ケンタ', 'kenta.saito@example.jp', '630-8213', '奈良県奈良市登大路町30', 'CM-1029973'),
];

const TEXTS = {
  disclosure: [
    '貴社が保有している私の個人情報（登録情報、職務経歴、キャリア診断の結果）の開示を請求します。電子メールでの交付を希望します。',
    '求人企業など第三者への提供の記録（提供先、提供日、提供した項目）を開示してください。',
    '退会前に登録していた情報がまだ残っているか確認したいので、保有個人データの開示をお願いします。書面での交付を希望します。',
    'I request disclosure of all personal data you hold about me, including the records of provision to third parties (APPI Art. 33).',
    '面談記録やアドバイザーのメモに私に関する記載があれば、その内容も含めて開示してください。',
    '子（未成年）の登録情報について、法定代理人として開示を請求します。',
  ],
  correction: [
    '登録されている住所が旧住所のままです。新住所に訂正してください。\n新住所: 申込書に記載のとおり',
    '生年月日が誤って登録されています（正しくは1990年4月12日）。訂正をお願いします。',
    '在留資格が「技術・人文知識・国際業務」に変更になりました。登録内容の訂正と、在留期間の追加をお願いします。',
    'My family name is misspelled in my profile. Please correct it to the spelling on my residence card.',
    '職務経歴に、私が在籍していない会社が記載されています。削除してください。',
    '保有資格に日本語能力試験N1を追加してください（合格証明書の写しを同封します）。',
  ],
  suspension: [
    '退会したにもかかわらず求人案内のメールが届きます。私の情報の利用停止と消去を求めます。',
    '同意していない企業に私の情報が提供されているようです。第三者への提供の停止を求めます。',
    'キャリア診断の結果を、説明された目的以外（広告配信）に利用しないでください。',
    'Please stop using my personal information for marketing and delete my data; I closed my account last year.',
    '登録時に説明のなかった目的で連絡が来ています。利用停止を請求します。',
  ],
} as const;

// ---------------------------------------------------------------------------------------------------
// Time: every step happens on a past business day, during business hours, in order.

const at = (date: string, hhmm: string): number => Date.parse(`${date}T${hhmm}:00+09:00`);

interface Clock {
  calendar: DeskCalendar;
  now: number;
  today: string;
  /** The most recent business day before today: the latest day whose work is all in the past. */
  lastDay: string;
}

function previousBusinessDay(calendar: DeskCalendar, date: string): string {
  let d = addCalendarDays(date, -1);
  while (!calendar.isBusinessDay(d)) d = addCalendarDays(d, -1);
  return d;
}

/** The k-th business day before the last completed one (k = 0: that day). */
function businessDaysBack(c: Clock, k: number): string {
  let d = c.lastDay;
  for (let i = 0; i < k; i++) d = previousBusinessDay(c.calendar, d);
  return d;
}

type Arrival = { bd: number; at: string } | { daysAgo: number; at: string } | { minutesAgo: number };

function arrivalTime(c: Clock, a: Arrival): number {
  if ('minutesAgo' in a) return c.now - a.minutesAgo * 60_000;
  if ('bd' in a) return at(businessDaysBack(c, a.bd), a.at);
  return at(addCalendarDays(c.today, -a.daysAgo), a.at);
}

// ---------------------------------------------------------------------------------------------------
// The moves, bound to one case

type Who = 'me' | 'colleague';

interface Acts {
  startReview(): Promise<void>;
  identity(verified: boolean, docs: Array<[IdentityDocumentType, number | null]>, note?: string): Promise<unknown>;
  fee(amount: number, method?: FeeMethod, note?: string): Promise<void>;
  refund(amount: number, note: string): Promise<void>;
  pause(kind: PauseReason, reason: string): Promise<void>;
  resume(reason: string): Promise<void>;
  decide(outcome: string, more?: { grounds?: DisclosureGround[]; reasoning?: string; alternativeMeasure?: string }): Promise<void>;
  approve(): Promise<void>;
  notice(kind: NoticeKind, channel: NoticeChannel, note?: string): Promise<void>;
  close(): Promise<void>;
  withdraw(reason: string): Promise<void>;
  reject(ground: RejectionGround, reason: string): Promise<void>;
  note(text: string): Promise<void>;
  extend(businessDays: number, reason: string): Promise<void>;
}

function acts(ctx: actions.ActionContext, id: number): Acts {
  const today = japanDateOf(ctx.now);
  return {
    startReview: () => actions.startReview(ctx, caseInputs.startReview.parse({ id })),
    identity: (verified, docs, note = '') =>
      actions.recordIdentityCheck(
        ctx,
        caseInputs.recordIdentityCheck.parse({ id, verified, note, documents: docs.map(([type, monthsAgo]) => ({ type, issuedOn: monthsAgo === null ? null : addCalendarDays(today, -Math.round(monthsAgo * 30.4)) })) }),
      ),
    fee: (amount, method = 'postal_money_order', note = '') => actions.recordFee(ctx, caseInputs.recordFee.parse({ id, kind: 'payment', method, amount, receivedOn: today, note })),
    refund: (amount, note) => actions.recordFee(ctx, caseInputs.recordFee.parse({ id, kind: 'refund', method: 'bank_transfer', amount, receivedOn: today, note })),
    pause: (reasonKind, reason) => actions.pause(ctx, caseInputs.pause.parse({ id, reasonKind, reason })),
    resume: (reason) => actions.resume(ctx, caseInputs.resume.parse({ id, reason })),
    decide: (outcome, more = {}) => actions.decide(ctx, caseInputs.decide.parse({ id, outcome, ...more })),
    approve: () => actions.approve(ctx, caseInputs.approve.parse({ id })),
    notice: (kind, channel, note = '') => actions.recordNotice(ctx, caseInputs.recordNotice.parse({ id, kind, channel, note })),
    close: () => actions.close(ctx, caseInputs.close.parse({ id })),
    withdraw: (reason) => actions.withdraw(ctx, caseInputs.withdraw.parse({ id, reason })),
    reject: (ground, reason) => actions.reject(ctx, caseInputs.reject.parse({ id, ground, reason })),
    note: (text) => actions.addNote(ctx, caseInputs.addNote.parse({ id, text })),
    extend: async (businessDays, reason) => {
      const row = await ctx.db.selectFrom('cases').select('due_date').where('id', '=', id).executeTakeFirstOrThrow();
      await actions.extend(ctx, caseInputs.extend.parse({ id, due: ctx.calendar.addBusinessDays(row.due_date, businessDays), reason }));
    },
  };
}

interface Step {
  /** Business days after the case's day 0 (0 = day 0 itself). */
  j: number;
  at: string;
  as?: Who;
  run: (a: Acts) => Promise<unknown>;
}

interface DemoCase {
  type: RequestType;
  kinds?: string[];
  channel: IntakeChannel;
  requester?: { kind: Exclude<RequesterKind, 'member'>; name: string };
  delivery?: DeliveryPreference;
  text: string;
  arrival: Arrival;
  steps: Step[];
}

const s = (j: number, time: string, run: Step['run'], as: Who = 'me'): Step => ({ j, at: time, run, as });

// Common stretches of work.
const ack = (j = 0, time = '10:20'): Step => s(j, time, (a) => a.notice('acknowledgement', 'mail', '受付のお知らせをメールで送付'));
const review = (j = 0, time = '11:00'): Step => s(j, time, (a) => a.startReview());
const idOk = (j: number, time: string, docs: Array<[IdentityDocumentType, number | null]> = [['drivers_license', 30]]): Step => s(j, time, (a) => a.identity(true, docs));
const fullFee = (j: number, time: string, method: FeeMethod = 'postal_money_order'): Step => s(j, time, (a) => a.fee(1000, method, method === 'postal_money_order' ? '定額小為替 1,000円' : '振込確認済み'));

/** Decided by the colleague, approved by the supervisor, notice sent, closed. */
function finish(from: number, outcome: string, more: Parameters<Acts['decide']>[1] = {}, upTo: 'decided' | 'approved' | 'notified' | 'closed' = 'closed', channel: NoticeChannel = 'letter'): Step[] {
  const steps = [s(from, '14:00', (a) => a.decide(outcome, more), 'colleague')];
  if (upTo !== 'decided') steps.push(s(from + 1, '10:30', (a) => a.approve()));
  if (upTo === 'notified' || upTo === 'closed') steps.push(s(from + 1, '15:00', (a) => a.notice('decision', channel, channel === 'letter' ? '簡易書留で発送' : '決定通知書をメールで送付')));
  if (upTo === 'closed') steps.push(s(from + 2, '11:00', (a) => a.close()));
  return steps;
}

const D = TEXTS.disclosure;
const C = TEXTS.correction;
const S = TEXTS.suspension;

/** The demo's cases, in the order of the member list. Times are Japan time. */
const CASES: DemoCase[] = [
  // --- received: new, nobody has started them yet --------------------------------------------------
  { type: 'disclosure', channel: 'web_form', delivery: 'electronic', text: D[0], arrival: { minutesAgo: 35 }, steps: [] },
  { type: 'correction', kinds: ['correct'], channel: 'email', text: C[2], arrival: { minutesAgo: 90 }, steps: [] },
  { type: 'suspension', kinds: ['stop_use', 'delete'], channel: 'web_form', text: S[0], arrival: { bd: 0, at: '21:40' }, steps: [] },
  { type: 'disclosure', kinds: ['third_party_records'], channel: 'post', delivery: 'paper', text: D[1], arrival: { bd: 1, at: '09:00' }, steps: [ack(0, '16:30')] },
  { type: 'suspension', kinds: ['stop_third_party'], channel: 'email', text: S[3], arrival: { bd: 2, at: '13:12' }, steps: [] },
  // Overdue and past the Art. 39 mark: received three weeks ago and never started.
  { type: 'correction', kinds: ['delete'], channel: 'post', text: C[4], arrival: { bd: 14, at: '10:05' }, steps: [ack(0, '15:10')] },

  // --- awaiting the requester (clock paused) --------------------------------------------------------
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    text: D[2],
    arrival: { bd: 6, at: '09:00' },
    steps: [ack(0, '10:40'), review(0, '11:10'), s(1, '10:15', (a) => a.pause('identity_documents', '本人確認書類の写しが同封されていないため、提出を依頼')), s(1, '10:30', (a) => a.notice('documents_request', 'letter', '本人確認書類の提出依頼を郵送'))],
  },
  {
    type: 'disclosure',
    channel: 'web_form',
    delivery: 'electronic',
    text: D[4],
    arrival: { bd: 4, at: '16:20' },
    steps: [ack(0, '16:45'), review(1, '10:10'), idOk(1, '10:40', [['residence_card', 14]]), s(1, '11:00', (a) => a.fee(500, 'postal_money_order', '定額小為替 500円のみ同封')), s(1, '11:10', (a) => a.pause('fee', '手数料が500円不足。不足分の送付を依頼'))],
  },
  {
    type: 'correction',
    kinds: ['correct', 'add'],
    channel: 'email',
    requester: { kind: 'agent', name: '行政書士 本田 誠' },
    text: C[2],
    arrival: { bd: 3, at: '11:30' },
    steps: [ack(0, '13:00'), s(1, '10:20', (a) => a.pause('clarification', '訂正を求める項目と正しい内容の確認を代理人に依頼'))],
  },
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    requester: { kind: 'representative', name: '渡辺 恵子（母）' },
    text: D[5],
    arrival: { bd: 9, at: '09:00' },
    steps: [ack(0, '11:00'), review(0, '11:20'), s(0, '14:00', (a) => a.pause('identity_documents', '法定代理人であることを示す戸籍謄本の提出を依頼')), s(0, '14:10', (a) => a.notice('documents_request', 'letter'))],
  },
  {
    type: 'suspension',
    kinds: ['stop_use'],
    channel: 'phone',
    text: S[4],
    arrival: { bd: 2, at: '15:45' },
    steps: [s(0, '16:00', (a) => a.pause('identity_documents', '電話での受付のため、本人確認書類の送付を依頼'))],
  },

  // --- in review --------------------------------------------------------------------------------------
  {
    type: 'disclosure',
    channel: 'email',
    delivery: 'electronic',
    text: D[3],
    arrival: { bd: 3, at: '10:30' },
    steps: [ack(0, '11:00'), review(0, '11:30'), idOk(1, '10:00', [['residence_card', 20]]), fullFee(2, '10:15', 'bank_transfer')],
  },
  {
    type: 'correction',
    kinds: ['correct'],
    channel: 'web_form',
    text: C[1],
    arrival: { bd: 2, at: '12:00' },
    steps: [ack(0, '12:10'), review(1, '10:00'), idOk(1, '10:30', [['my_number_card', 40]]), s(1, '16:00', (a) => a.note('会員登録時の入力誤りと思われる。登録画面のログを確認中。'))],
  },
  // Overdue: started, then left.
  {
    type: 'suspension',
    kinds: ['stop_use', 'delete'],
    channel: 'email',
    text: S[0],
    arrival: { bd: 13, at: '14:30' },
    steps: [ack(0, '15:00'), review(1, '10:30'), idOk(2, '11:00', [['drivers_license', 50]]), s(3, '15:30', (a) => a.note('配信停止の設定が反映されていない。システム担当に確認依頼中。'))],
  },
  // Near the Art. 39 mark (arrived 11 and 12 days ago).
  {
    type: 'disclosure',
    channel: 'web_form',
    delivery: 'electronic',
    text: D[0],
    arrival: { daysAgo: 12, at: '20:15' },
    steps: [ack(0, '10:05'), review(0, '10:30'), idOk(1, '11:00', [['residence_card', 8]]), fullFee(2, '14:00')],
  },
  {
    type: 'correction',
    kinds: ['correct', 'delete'],
    channel: 'email',
    text: C[4],
    arrival: { daysAgo: 11, at: '10:45' },
    steps: [review(0, '11:30'), idOk(1, '10:00', [['passport', 24]]), s(2, '13:00', (a) => a.note('在籍確認のため、記載の会社名と登録日を抽出済み。'))],
  },
  // Paused for documents and resumed: the due date moved.
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    text: D[2],
    arrival: { bd: 10, at: '09:00' },
    steps: [
      ack(0, '10:30'),
      review(0, '11:00'),
      s(0, '11:30', (a) => a.pause('identity_documents', '本人確認書類の写しが不鮮明なため、再提出を依頼')),
      s(4, '10:00', (a) => a.resume('本人確認書類（運転免許証）を受領')),
      idOk(4, '10:20', [['drivers_license', 60]]),
      fullFee(4, '10:40'),
    ],
  },
  // Extended by the supervisor, with the extension notice.
  {
    type: 'disclosure',
    kinds: ['records', 'third_party_records'],
    channel: 'email',
    delivery: 'electronic',
    requester: { kind: 'agent', name: '弁護士 山口 達也' },
    text: D[1],
    arrival: { bd: 8, at: '13:20' },
    steps: [
      ack(0, '14:00'),
      review(0, '14:30'),
      idOk(1, '10:30', [
        ['power_of_attorney', 1],
        ['seal_certificate', 2],
        ['drivers_license', 40],
      ]),
      fullFee(1, '11:00', 'bank_transfer'),
      s(3, '16:00', (a) => a.extend(10, '提供先15社への照会と記録の確認に時間を要するため')),
      s(3, '16:20', (a) => a.notice('extension', 'mail', '期限延長のお知らせをメールで送付')),
    ],
  },
  // An agent whose seal certificate is older than six months: the case file warns.
  {
    type: 'suspension',
    kinds: ['stop_third_party'],
    channel: 'post',
    requester: { kind: 'agent', name: '司法書士 大野 修平' },
    text: S[1],
    arrival: { bd: 5, at: '09:00' },
    steps: [
      ack(0, '10:50'),
      review(0, '11:15'),
      idOk(1, '14:00', [
        ['power_of_attorney', 1],
        ['seal_certificate', 8],
      ]),
      s(1, '14:10', (a) => a.note('印鑑登録証明書が発行から6か月を超えている。再提出を依頼するか検討。')),
    ],
  },
  {
    type: 'correction',
    kinds: ['add'],
    channel: 'web_form',
    text: C[5],
    arrival: { bd: 1, at: '10:00' },
    steps: [ack(0, '10:05'), review(0, '13:30')],
  },

  // --- decided, waiting for a supervisor's approval ------------------------------------------------
  {
    type: 'correction',
    kinds: ['correct'],
    channel: 'email',
    text: C[0],
    arrival: { bd: 6, at: '15:00' },
    steps: [ack(0, '15:20'), review(1, '10:00'), idOk(1, '10:30'), ...finish(3, 'done', {}, 'decided')],
  },
  {
    type: 'disclosure',
    channel: 'web_form',
    delivery: 'electronic',
    text: D[4],
    arrival: { bd: 7, at: '11:10' },
    steps: [
      ack(0, '11:20'),
      review(0, '13:00'),
      idOk(1, '10:00', [['residence_card', 10]]),
      fullFee(2, '11:00'),
      ...finish(4, 'disclosed_partial', { grounds: ['harm_to_interests'], reasoning: '面談記録のうち、第三者（紹介先企業の担当者）の評価に関する部分は、その者の権利利益を害するおそれがあるため不開示とする。' }, 'decided'),
    ],
  },
  {
    type: 'suspension',
    kinds: ['stop_use'],
    channel: 'email',
    text: S[2],
    arrival: { bd: 5, at: '17:10' },
    steps: [ack(0, '17:20'), review(1, '10:00'), idOk(1, '10:20', [['my_number_card', 30]]), ...finish(3, 'use_stopped', {}, 'decided')],
  },

  // --- approved, notice not yet sent --------------------------------------------------------------
  {
    type: 'correction',
    kinds: ['correct'],
    channel: 'web_form',
    text: C[3],
    arrival: { bd: 7, at: '09:40' },
    steps: [ack(0, '10:00'), review(0, '10:30'), idOk(1, '11:00', [['residence_card', 6]]), ...finish(3, 'done', {}, 'approved')],
  },
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    text: D[0],
    arrival: { bd: 8, at: '09:00' },
    steps: [ack(0, '11:00'), review(0, '11:30'), idOk(1, '10:00'), fullFee(1, '10:30'), ...finish(4, 'no_information', { reasoning: '' }, 'approved')],
  },
  {
    type: 'suspension',
    kinds: ['stop_use', 'delete'],
    channel: 'email',
    text: S[3],
    arrival: { bd: 9, at: '14:00' },
    steps: [
      ack(0, '14:10'),
      review(1, '10:00'),
      idOk(1, '10:30', [['passport', 36]]),
      ...finish(5, 'alternative_measure', {
        reasoning: '法令上の保存義務がある応募履歴は直ちに消去できないため。',
        alternativeMeasure: '応募履歴を除くすべての情報を消去し、応募履歴は保存期間満了まで利用を停止して閲覧権限を限定した。',
      }, 'approved'),
    ],
  },

  // --- withdrawn and rejected, before the notice --------------------------------------------------
  {
    type: 'disclosure',
    channel: 'email',
    delivery: 'electronic',
    text: D[3],
    arrival: { bd: 4, at: '10:00' },
    steps: [ack(0, '10:30'), review(0, '11:00'), s(2, '15:00', (a) => a.withdraw('本人から電話で取り下げの申し出（マイページで確認できたため）'), 'colleague'), s(2, '15:30', (a) => a.approve())],
  },
  {
    type: 'correction',
    kinds: ['correct'],
    channel: 'post',
    requester: { kind: 'agent', name: '佐々木 隆（友人）' },
    text: C[1],
    arrival: { bd: 6, at: '09:00' },
    steps: [
      ack(0, '11:30'),
      review(0, '13:00'),
      s(1, '10:00', (a) => a.identity(false, [['power_of_attorney', null]], '委任状に本人の押印がなく、印鑑登録証明書もない')),
      s(2, '16:00', (a) => a.reject('identity_not_verified', '代理権を確認できる書類（本人の実印が押された委任状と印鑑登録証明書）が提出されなかったため'), 'colleague'),
      s(2, '16:30', (a) => a.approve()),
    ],
  },

  // --- notified: the answer has gone out, not yet closed ------------------------------------------
  {
    type: 'disclosure',
    channel: 'web_form',
    delivery: 'electronic',
    text: D[0],
    arrival: { bd: 9, at: '19:30' },
    steps: [ack(0, '10:00'), review(0, '10:20'), idOk(0, '10:50', [['residence_card', 12]]), fullFee(1, '10:00', 'bank_transfer'), ...finish(3, 'disclosed_full', {}, 'notified', 'mail')],
  },
  {
    type: 'suspension',
    kinds: ['stop_third_party'],
    channel: 'email',
    text: S[1],
    arrival: { bd: 8, at: '12:30' },
    steps: [ack(0, '13:00'), review(0, '13:30'), idOk(1, '10:00'), ...finish(3, 'provision_stopped', {}, 'notified', 'mail')],
  },
  {
    type: 'correction',
    kinds: ['delete'],
    channel: 'email',
    text: C[4],
    arrival: { bd: 7, at: '10:10' },
    steps: [ack(0, '10:30'), review(0, '11:00'), s(1, '14:00', (a) => a.withdraw('本人から、登録情報を自分で修正したとの連絡あり'), 'colleague'), s(1, '14:10', (a) => a.approve()), s(1, '14:30', (a) => a.notice('withdrawal', 'mail', '取下げの確認をメールで送付'))],
  },

  // --- closed -------------------------------------------------------------------------------------
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    text: D[2],
    arrival: { bd: 16, at: '09:00' },
    steps: [ack(0, '10:00'), review(0, '10:30'), idOk(1, '10:00', [['health_insurance_card', null], ['certificate_of_residence', 1]]), fullFee(1, '10:20'), ...finish(4, 'disclosed_full')],
  },
  {
    type: 'disclosure',
    channel: 'web_form',
    delivery: 'electronic',
    text: D[4],
    arrival: { bd: 18, at: '15:30' },
    steps: [
      ack(0, '15:40'),
      review(1, '10:00'),
      idOk(1, '10:30', [['residence_card', 18]]),
      s(2, '10:00', (a) => a.fee(1500, 'postal_money_order', '定額小為替 1,500円（500円超過）')),
      s(2, '10:30', (a) => a.refund(500, '超過分500円を返金')),
      ...finish(5, 'not_disclosed', { grounds: ['business_hindrance'], reasoning: '社内の選考評価の基準は、開示により業務の適正な実施に著しい支障を及ぼすおそれがあるため不開示とする。' }),
    ],
  },
  {
    type: 'correction',
    kinds: ['correct', 'add'],
    channel: 'email',
    text: C[2],
    arrival: { bd: 17, at: '11:00' },
    steps: [ack(0, '11:10'), review(0, '13:00'), idOk(1, '10:00', [['residence_card', 3]]), s(2, '16:30', (a) => a.note('在留カードの写しで変更後の在留資格を確認。')), ...finish(4, 'done', {}, 'closed', 'mail')],
  },
  {
    type: 'correction',
    kinds: ['correct'],
    channel: 'post',
    text: C[1],
    arrival: { bd: 20, at: '09:00' },
    steps: [ack(0, '10:30'), review(0, '11:00'), idOk(1, '10:00', [['drivers_license', 70]]), ...finish(4, 'not_done_accurate', { reasoning: '登録内容は本人が入力した内容と一致しており、提出書類とも相違がないため訂正しない。' })],
  },
  {
    type: 'suspension',
    kinds: ['stop_use', 'delete'],
    channel: 'web_form',
    text: S[0],
    arrival: { bd: 19, at: '08:20' },
    steps: [ack(0, '10:00'), review(0, '10:10'), idOk(0, '10:30', [['my_number_card', 20]]), ...finish(2, 'deleted', {}, 'closed', 'mail')],
  },
  {
    type: 'suspension',
    kinds: ['stop_use'],
    channel: 'email',
    text: S[4],
    arrival: { bd: 15, at: '14:00' },
    steps: [ack(0, '14:20'), review(1, '10:00'), idOk(1, '10:15'), ...finish(3, 'declined', { reasoning: '当該の連絡は登録時に同意を得た利用目的（求人情報の提供）の範囲内であり、目的外利用には当たらないため。' })],
  },
  {
    type: 'disclosure',
    channel: 'email',
    delivery: 'electronic',
    requester: { kind: 'agent', name: '弁護士 岡田 由紀' },
    text: D[3],
    arrival: { bd: 21, at: '10:00' },
    steps: [ack(0, '10:30'), review(0, '11:00'), s(1, '11:00', (a) => a.withdraw('代理人から、本人と直接解決したため取り下げるとの連絡'), 'colleague'), s(1, '11:10', (a) => a.approve()), s(1, '11:30', (a) => a.notice('withdrawal', 'letter')), s(2, '10:00', (a) => a.close())],
  },
  {
    type: 'disclosure',
    channel: 'post',
    delivery: 'paper',
    text: D[2],
    arrival: { bd: 22, at: '09:00' },
    steps: [
      ack(0, '10:00'),
      s(0, '10:10', (a) => a.pause('identity_documents', '本人確認書類の提出を依頼')),
      s(8, '10:00', (a) => a.reject('identity_not_verified', '期限までに本人確認書類の提出がなかったため'), 'colleague'),
      s(8, '10:15', (a) => a.approve()),
      s(8, '10:30', (a) => a.notice('rejection', 'letter')),
      s(9, '10:00', (a) => a.close()),
    ],
  },
  {
    type: 'correction',
    kinds: ['delete'],
    channel: 'web_form',
    requester: { kind: 'representative', name: '石川 正人（成年後見人）' },
    text: C[4],
    arrival: { bd: 18, at: '13:00' },
    steps: [ack(0, '13:10'), review(0, '14:00'), idOk(1, '10:00', [['guardianship_certificate', 2], ['drivers_license', 30]]), ...finish(3, 'done_partial', { reasoning: '在籍が確認できなかった1社の記載は削除したが、在籍が確認できた1社の記載は正確であるため削除しない。' })],
  },
];

// ---------------------------------------------------------------------------------------------------

async function ensureColleague(db: Kysely<DB>, supervisor: string, now: Date): Promise<{ username: string; created: boolean }> {
  const username = supervisor === 'tanaka' ? 'suzuki' : 'tanaka';
  const existing = await db.selectFrom('accounts').select('username').where('username', '=', username).executeTakeFirst();
  if (existing) return { username, created: false };
  await db
    .insertInto('accounts')
    .values({ username, display_name: username === 'tanaka' ? '田中 一郎（デモ）' : '鈴木 次郎（デモ）', role: 'agent', slot_id: null, disabled: 1, must_change_password: 1, created_at: now.toISOString() })
    .execute();
  await appendAudit(db, { actor: supervisor, action: 'account.create', entity: 'account', entityId: username, detail: { after: { role: 'agent', disabled: true }, demo: true } }, now);
  return { username, created: true };
}

/**
 * Fills an EMPTY desk with the demo cases, in one transaction. Refuses (CONFLICT) when the desk
 * already has a case: the demo never mixes with real work.
 */
export async function seedDemoCases(ctx: DemoContext): Promise<DemoResult> {
  if (ctx.actor.role !== 'supervisor') throw new DeskError({ code: 'SUPERVISOR_ONLY' });
  const lastDay = previousBusinessDay(ctx.calendar, japanDateOf(ctx.now));
  const clock: Clock = { calendar: ctx.calendar, now: ctx.now.getTime(), today: japanDateOf(ctx.now), lastDay };

  return ctx.db.transaction().execute(async (db) => {
    const any = await db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
    if (any) throw new DeskError({ code: 'DEMO_DESK_NOT_EMPTY' });
    const colleague = await ensureColleague(db, ctx.actor.username, ctx.now);
    const people: Record<Who, Actor> = { me: ctx.actor, colleague: { username: colleague.username, role: 'agent' } };

    // Every step of every case with its time, then all of them in time order.
    type Planned = { time: number; order: number; run: () => Promise<void> };
    const plan: Planned[] = [];
    const ids = new Map<number, number>();
    for (const [n, c] of CASES.entries()) {
      const member = MEMBERS[n % MEMBERS.length]!;
      const arrived = arrivalTime(clock, c.arrival);
      const input = intakeInput.parse({
        type: c.type,
        kinds: c.kinds ?? [],
        channel: c.channel,
        arrivedAt: new Date(arrived).toISOString(),
        requesterKind: c.requester?.kind ?? 'member',
        requesterName: c.requester?.name ?? '',
        memberName: member.name,
        memberKana: member.kana,
        memberEmail: member.email,
        memberPostalCode: member.postal,
        memberAddress: member.address,
        memberId: member.memberId,
        requestText: c.text,
        delivery: c.type === 'disclosure' ? (c.delivery ?? 'electronic') : null,
      });
      // Entered a little after it arrived (web forms at once, letters once opened).
      const entered = Math.min(arrived + (c.channel === 'web_form' ? 2 : 25) * 60_000, clock.now - 60_000);
      plan.push({ time: entered, order: plan.length, run: async () => void ids.set(n, (await createCase(db, ctx.calendar, ctx.actor.username, new Date(entered), input)).id) });
      const dayZero = computeDeadline(ctx.calendar, arrived, daysForType(ctx.calendar, c.type)).start;
      let previous = entered;
      for (const step of c.steps) {
        let day = ctx.calendar.addBusinessDays(dayZero, step.j);
        if (day > lastDay) day = lastDay;
        // Never before the step before it; never today (today's work is not over).
        const time = Math.max(at(day, step.at), previous + 7 * 60_000);
        if (time >= clock.now - 60_000) throw new Error(`demo case ${n + 1}: a step falls in the future`);
        previous = time;
        const actor = people[step.as ?? 'me'];
        plan.push({ time, order: plan.length, run: async () => void (await step.run(acts({ db, calendar: ctx.calendar, actor, now: new Date(time) }, ids.get(n)!))) });
      }
    }
    plan.sort((a, b) => a.time - b.time || a.order - b.order);
    for (const p of plan) await p.run();

    await appendAudit(db, { actor: ctx.actor.username, action: 'desk.demo-seed', entity: 'desk', detail: { cases: CASES.length, colleague: colleague.username } }, ctx.now);
    return { cases: CASES.length, createdAccount: colleague.created ? colleague.username : null };
  });
}

export const DEMO_CASE_COUNT = CASES.length;
