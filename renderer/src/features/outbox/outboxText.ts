// How the outbox's facts read on screen. The core words each message's situation in English
// (`statusText`); in English that sentence is shown as it is. In Japanese the same facts (state, tries,
// next try) are worded from the catalog, and the mail server's own words (`lastError`) are quoted.
import type { Locale, MailConnection, OutboxState, OutboxSummary } from '../../../../electron/contract/index.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { formatDateTime } from '../../i18n/format.ts';

export const stateColor: Record<OutboxState, string> = {
  draft: 'gray',
  queued: 'blue',
  sending: 'indigo',
  sent: 'teal',
  failed: 'red',
  cancelled: 'dark',
};

export const connectionColor: Record<MailConnection, string> = {
  not_configured: 'gray',
  unknown: 'gray',
  online: 'teal',
  offline: 'orange',
  auth_failed: 'red',
};

/** An error sentence without its closing full stop, to sit inside another sentence. */
const bare = (s: string) => s.replace(/[.。]\s*$/, '');

/** One line for the list: the core's own sentence in English, the catalog's in Japanese. */
export function situation(t: Translate, locale: Locale, m: OutboxSummary): string {
  // A cancellation is a code in both languages: who cancelled it and why (delivered by letter, …).
  if (m.state === 'cancelled') {
    const c = m.cancellation;
    if (!c) return t('outbox.situation.cancelled');
    const reason = t(`cancelReason.${c.reason}`) + (c.note ? ` — ${c.note}` : '');
    return c.by ? t('notices.cancelledBy', { by: c.by, reason }) : t('notices.cancelled', { reason });
  }
  if (locale === 'en') return m.statusText;
  const at = (iso: string) => formatDateTime(locale, iso);
  switch (m.state) {
    case 'draft':
      return m.sendBlockedReason ? t('outbox.situation.draftBlocked') : t('outbox.situation.draft');
    case 'queued': {
      if (m.attempts === 0) return t('outbox.situation.queued');
      const next = m.nextAttemptAt ? t('outbox.situation.nextTry', { time: at(m.nextAttemptAt) }) : t('outbox.situation.nextTryAsap');
      return t('outbox.situation.queuedAfter', { n: m.attempts, error: bare(m.lastError ?? '-'), next });
    }
    case 'sending':
      return t('outbox.situation.sending');
    case 'sent':
      return t('outbox.situation.sent', { time: m.sentAt ? at(m.sentAt) : '' }) + (m.possiblyDuplicated ? t('outbox.situation.duplicate') : '');
    case 'failed':
      return t('outbox.situation.failed', { n: m.attempts, error: bare(m.lastError ?? '-') });
  }
}
