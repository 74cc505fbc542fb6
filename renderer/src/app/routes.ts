// Every place in the desk has an address (hash history, so it works from Electron's app:// files and in
// browser mode alike): #/queue?view=overdue&search=田中, #/cases/PD-2026-00042, #/calendar. Back and
// Forward move between them and a reload keeps the place. The queue's filters live in its search params
// (features/queue/queueParams.ts validates them).
import type { CaseType, InboxMessage } from '../../../electron/contract/index.ts';

export type ScreenId = 'queue' | 'inbox' | 'calendar' | 'outbox' | 'letters' | 'reports' | 'settings';

/** A case being made from an incoming mail: the intake form starts from what the mail says (history state, not the address). */
export interface MailIntake {
  inboxId: number;
  subject: string;
  prefill: InboxMessage['prefill'];
}

/**
 * What a new intake starts as: its type (the Inbox's "create an inquiry / a complaint"), and the case it is
 * about (a request that followed an inquiry, a complaint about a decision). History state, like the mail.
 */
export interface IntakeStart {
  type: CaseType;
  related?: { id: number; reference: string };
}

export type Route =
  | { name: 'queue'; search?: string }
  | { name: 'intake'; mail?: MailIntake; start?: IntakeStart }
  | { name: 'case'; id: number }
  | { name: 'case'; reference: string }
  | { name: Exclude<ScreenId, 'queue'> };

export const casePath = (reference: string) => `/cases/${encodeURIComponent(reference)}`;

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'queue':
      return route.search ? `/queue?${route.search}` : '/queue';
    case 'intake':
      return '/cases/new';
    case 'case':
      return 'reference' in route ? casePath(route.reference) : `/cases/${route.id}`;
    default:
      return `/${route.name}`;
  }
}

/** The navigation entry an address belongs to: a case file and the intake form are part of the queue. */
export function screenOfPath(pathname: string): ScreenId {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'cases' || first === '' || first === 'queue') return 'queue';
  return (['inbox', 'calendar', 'outbox', 'letters', 'reports', 'settings'] as const).find((s) => s === first) ?? 'queue';
}
