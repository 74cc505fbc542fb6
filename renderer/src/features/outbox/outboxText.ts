// How the outbox's facts read on screen: state, tries and next try from the catalog, the last failure and
// the cancel reason from their codes (the mail server's own words quoted inside them).
import type { Coded, Locale, MailConnection, OutboxState, OutboxSummary } from '../../../../electron/contract/index.ts';
import { pluralForm } from '../../i18n/numbers.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { formatDateTime } from '../../i18n/format.ts';

export const stateColor: Record<OutboxState, string> = {
  draft: 'gray',
  queued: 'blue',
  sending: 'indigo',
  sent: 'teal',
  failed: 'red',
  bounced: 'grape',
  cancelled: 'dark',
};

export const connectionColor: Record<MailConnection, string> = {
  not_configured: 'gray',
  unknown: 'gray',
  online: 'teal',
  offline: 'orange',
  auth_failed: 'red',
};

/** A worded code without its closing full stop, to sit inside another sentence. */
const bare = (s: string) => s.replace(/[.。]\s*$/, '');

/** One line for the list, worded from the message's facts and codes in the UI language. */
export function situation(t: Translate, locale: Locale, say: (c: Coded) => string, m: OutboxSummary): string {
  const at = (iso: string) => formatDateTime(locale, iso);
  const tries = (n: number) => pluralForm(locale, n, { one: t('outbox.tries.one', { n }), other: t('outbox.tries.other', { n }) });
  const error = m.lastError ? bare(say(m.lastError)) : '-';
  switch (m.state) {
    case 'draft':
      return m.sendBlockedReason ? t('outbox.situation.draftBlocked') : t('outbox.situation.draft');
    case 'queued': {
      if (m.attempts === 0) return t('outbox.situation.queued');
      const next = m.nextAttemptAt ? t('outbox.situation.nextTry', { time: at(m.nextAttemptAt) }) : t('outbox.situation.nextTryAsap');
      return t('outbox.situation.queuedAfter', { n: m.attempts, tries: tries(m.attempts), error, next });
    }
    case 'sending':
      return t('outbox.situation.sending');
    case 'sent':
      return t('outbox.situation.sent', { time: m.sentAt ? at(m.sentAt) : '' }) + (m.possiblyDuplicated ? t('outbox.situation.duplicate') : '');
    case 'failed':
      return t('outbox.situation.failed', { n: m.attempts, tries: tries(m.attempts), error });
    case 'bounced':
      return t('outbox.situation.bounced', { error });
    case 'cancelled':
      return m.cancelReason ? t('outbox.situation.cancelledWhy', { reason: say(m.cancelReason) }) : t('outbox.situation.cancelled');
  }
}
