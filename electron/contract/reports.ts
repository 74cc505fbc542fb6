// The report methods of the contract (core/reports): one period's figures, the queue filter that opens
// exactly the cases behind a figure, the compliance pack. Everything a person reads is a code (request
// type, outcome, ground, bucket) worded by the renderer's catalogs (ja-reports / en-reports) or the CLI.
import { z } from 'zod';
import * as v from './case-vocabulary.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-04-01.');

/** A report period: Japan dates, both ends included (2026-01-01 … 2026-01-31 is January). */
export const reportPeriod = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'The period ends before it starts.', path: ['to'] })
  .refine((p) => p.from >= '2000-01-01' && p.to <= '2100-12-31', { message: 'Choose dates between 2000 and 2100.', path: ['from'] });
export type ReportPeriod = z.output<typeof reportPeriod>;

/** Open cases by business days since day 0 (today counted). */
export const ageBands = ['0_5', '6_10', '11_20', '21_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * A figure of the report that a person can click to see its cases. The same key names the figure on the
 * screen, in the pack, in the CSV and in the queue filter, so "these 3 late cases" are exactly the 3.
 */
/** The business-days histogram runs 0 … 19, then "20 or more" in its last bar. */
export const BUSINESS_DAYS_TOP = 20;

export type ReportBucket =
  | 'received'
  | `received.type.${v.RequestType}`
  | `received.kind.${v.RequestType}.${string}`
  | `received.channel.${v.IntakeChannel}`
  | `received.requester.${v.RequesterKind}`
  | 'received.closed'
  | 'received.open'
  | 'answered'
  | 'answered.onTime'
  | 'answered.onTimeExtended'
  | 'answered.late'
  | 'answered.paused'
  /** Decisions and rejections answered in N business days (N = BUSINESS_DAYS_TOP: that many or more): a bar of the histogram. */
  | `answered.days.${number}`
  | `outcome.${v.RequestType}.${string}`
  | `ground.${v.DisclosureGround}`
  | `rejection.${v.RejectionGround}`
  | 'withdrawn'
  | 'open'
  | `open.age.${AgeBand}`
  | 'open.overdue'
  | 'open.pastLegalMark'
  | 'open.waiting'
  | `staff.handled.${string}`
  | `staff.decisions.${string}`
  | `staff.approvals.${string}`
  // Inquiries and complaints (issue 19), counted apart from the requests: their reply target is not a deadline.
  | `contact.received.${v.ContactType}`
  | `contact.kind.${v.ContactType}.${string}`
  | 'contact.answered'
  | 'contact.answered.onTarget'
  | 'contact.answered.late'
  | 'contact.open'
  | 'contact.open.overTarget';

const BUCKET = /^[a-z][A-Za-z0-9_.-]*$/;
/** A figure's key has this shape; ReportBucket's last segments are open (`kind.${type}.${string}`), and a key
 * of the right shape that names no figure simply counts nothing (the facts are matched by equality). */
const isReportBucket = (s: string): s is ReportBucket => BUCKET.test(s);

export const reportBucket = z
  .string()
  .max(120)
  .regex(BUCKET, { message: 'Not a report figure.', abort: true })
  .refine(isReportBucket);

export const reportInputs = {
  get: reportPeriod,
  pack: reportPeriod,
  csv: reportPeriod,
} as const;

/** The queue filter "the cases behind this figure" (cases.list `report`). */
export const reportFilter = z.object({ from: isoDate, to: isoDate, bucket: reportBucket }).strict();
export type ReportFilter = z.output<typeof reportFilter>;

export interface CountBy<K extends string> {
  key: K;
  count: number;
}

export interface MonthFigures {
  /** YYYY-MM (Japan). */
  month: string;
  received: Record<v.RequestType, number>;
  onTime: number;
  late: number;
  /** onTime / (onTime + late); null when nothing was answered that month. */
  onTimeRate: number | null;
}

export interface StaffFigures {
  username: string;
  displayName: string;
  handled: number;
  decisions: number;
  approvals: number;
}

export interface Report {
  period: ReportPeriod;
  /** 'desk': every case (supervisors); 'own': only the cases assigned to the caller (agents). */
  scope: 'desk' | 'own';
  /** When it was computed (ISO instant) and the Japan date "now" figures are for. */
  generatedAt: string;
  today: string;
  // Received in the period (by the Japan date of arrival); training cases never count.
  received: number;
  byType: Record<v.RequestType, number>;
  byKind: Array<CountBy<`${v.RequestType}.${string}`>>;
  byChannel: Record<v.IntakeChannel, number>;
  byRequester: Record<v.RequesterKind, number>;
  /** Of the cases received in the period: closed now / not closed now. */
  closed: number;
  open: number;
  // Answered in the period: the final notice (decision, rejection, withdrawal) recorded in it.
  answered: number;
  /** Decisions and rejections answered by the due date's closing time (extensions included) … */
  onTime: number;
  /** … of which only thanks to an extension (the due date was extended). */
  onTimeExtended: number;
  late: number;
  /** onTime / (onTime + late); null when nothing was answered. */
  onTimeRate: number | null;
  /** Business days from day 0 to the notice (decisions and rejections); null when none. */
  medianBusinessDays: number | null;
  p90BusinessDays: number | null;
  /** How many days it took, for the distribution chart: index = business days (the last bucket is "20 or more"). */
  businessDaysHistogram: number[];
  /** Cases answered in the period that were paused, and the median of their paused business days. */
  pausedCases: number;
  medianPausedBusinessDays: number | null;
  outcomes: Array<CountBy<`${v.RequestType}.${string}`>>;
  groundsCited: Record<v.DisclosureGround, number>;
  rejections: Record<v.RejectionGround, number>;
  withdrawn: number;
  // Now (the moment the report was made), whatever the period.
  openNow: number;
  openByAge: Record<AgeBand, number>;
  overdueNow: number;
  pastLegalMarkNow: number;
  waitingNow: number;
  // Fees: payments and refunds dated in the period; outstanding now on open disclosure requests.
  fees: { received: number; refunded: number; outstanding: number };
  monthly: MonthFigures[];
  /** Supervisors only (empty for an agent's own report). */
  staff: StaffFigures[];
  /**
   * Inquiries and complaints (issue 19), apart from the requests above: received by type and by kind (the
   * complaints by kind are the complaint-handling record, APPI Art. 40), answered against the reply target,
   * open now. `kind` 'unknown' counts those whose kind was never recorded.
   */
  contacts: ContactFigures;
}

export interface ContactFigures {
  received: Record<v.ContactType, number>;
  byKind: Array<CountBy<`${v.ContactType}.${string}`>>;
  answered: number;
  onTarget: number;
  late: number;
  openNow: number;
  overTargetNow: number;
}

export interface ReportPack {
  html: string;
  fileName: string;
  /** The audit log's head hash when the pack was made (printed on it). */
  auditHead: string;
  /** `seq:hash-prefix`, checked later by `desk audit verify --anchor`. */
  auditAnchor: string;
}

export interface ReportCsv {
  csv: string;
  fileName: string;
}
