// The one shape of a notice's content, shared by the email (core/mail) and the printed letter
// (core/letters): the same words go out both ways. Japanese first; English is the reference translation.
import type { NoticeKind } from '../../contract/index.ts';

export interface BilingualText {
  ja: string;
  en: string;
}

/** A labelled fact printed as a table row in a letter and as "label: value" lines in an email. */
export interface NoticeFact {
  label: BilingualText;
  /** Values are often the same in both languages (a reference, an amount); dates differ (era / Western). */
  value: BilingualText;
}

export interface NoticeContent {
  kind: NoticeKind;
  /** e.g. 開示決定通知書 / Notice of Decision on Disclosure */
  title: BilingualText;
  /** The email subject: includes the case reference. */
  subject: BilingualText;
  /** Salutation line, e.g. 山田 太郎 様 / Dear Taro Yamada, */
  salutation: BilingualText;
  /** Body paragraphs, in order; each entry is one paragraph in each language. */
  paragraphs: BilingualText[];
  /** Reference, dates, request as received, outcome, grounds, fee … */
  facts: NoticeFact[];
  /** Policy article quotes a decision rests on (e.g. Article 6's grounds), quoted verbatim. */
  citations: BilingualText[];
  /** Desk hours and contact: closed weekends, holidays and December 29 – January 3. */
  closing: BilingualText[];
  /** The date of issue in both forms: 令和8年11月24日 / 24 November 2026. */
  issuedOn: BilingualText;
}
