// The daily anchor email (issue 14): once a Japan day, while the desk is open and a mail server answers,
// the audit log's head goes to a supervisor's own address outside the desk (Settings → security). A key
// holder on this PC can rewrite the database, not a mailbox elsewhere: `desk audit verify --anchor
// SEQ:HASH` with the mailed line proves the log still extends it, and a cut end or an older copy put back
// is caught. It is the desk's own mail, not a notice (no case, no outbox row), sent through the mail
// service's transport; once the server took it, an audit row signed by the desk's system key records the
// anchor, so Settings → security lists it beside the backups' and printed reports' anchors, and a restart
// the same day does not mail again. A failure (offline, refused) records nothing and tries again later.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { AuditHead, DeskDetails } from '../../contract/index.ts';
import { japanDateOf, japanMidnightMs } from '../calendar/index.ts';
import { eraDate, westernDate } from '../notices/dates.ts';
import type { MailService } from '../mail/service.ts';
import { readSettings } from '../settings/settings.ts';
import type { UnlockedDesk } from '../vault/vault.ts';
import { appendAudit, auditHead } from './audit-log.ts';
import { formatAnchor } from './anchors.ts';
import { nameOf } from '../thrown.ts';

/** The audit action that records a mailed anchor (core/audit/anchor-checks.ts lists them). */
export const ANCHOR_MAIL_ACTION = 'audit.anchor_mail';

/** After a failed try (offline, refused, no mail server yet): the next try. */
export const ANCHOR_MAIL_RETRY_MS = 5 * 60_000;

/** The line to give `desk audit verify --anchor`: the row number and the row's whole hash. */
export const mailedAnchor = (head: Pick<AuditHead, 'seq' | 'hash'>): string => `${head.seq}:${head.hash}`;

const hhmm = (at: Date): string => {
  const j = new Date(at.getTime() + 9 * 3_600_000);
  return `${String(j.getUTCHours()).padStart(2, '0')}:${String(j.getUTCMinutes()).padStart(2, '0')}`;
};

/** The mail: Japanese first, then English, like the desk's notices. */
export function anchorMailContent(head: AuditHead, desk: Pick<DeskDetails, 'deskNameJa' | 'deskNameEn'>, now: Date): { subject: string; text: string } {
  const line = mailedAnchor(head);
  const at = new Date(head.at);
  const command = `npm run desk -- audit verify --anchor ${line}`;
  return {
    subject: `監査ログのアンカー ${japanDateOf(now)} / Audit log anchor`,
    text: [
      `${desk.deskNameJa}（Privacy Desk）の監査ログの末尾（アンカー）をお送りします。`,
      'このメールは削除せずに保管してください。デスクの監査ログがこの時点から書き換えられていないこと（末尾の削除、古いコピーへの置き換え、ファイルの差し替えがないこと）を、次のコマンドで確かめられます。',
      '',
      `  アンカー: ${line}`,
      `  行番号: ${head.seq}`,
      `  記録日時: ${eraDate(at)} ${hhmm(at)}（日本時間）`,
      '',
      `  ${command}`,
      '',
      'このメールは設定（セキュリティ）で指定された宛先に1日1回自動で送信しています。',
      '',
      '----',
      '',
      `The end of the audit log (its anchor) of ${desk.deskNameEn} (Privacy Desk).`,
      'Keep this email. It lets you check that the desk’s audit log was not rewritten after this point (its end cut off, an older copy put back, or the file replaced) with:',
      '',
      `  Anchor: ${line}`,
      `  Row: ${head.seq}`,
      `  Recorded: ${westernDate(at)} ${hhmm(at)} (Japan time)`,
      '',
      `  ${command}`,
      '',
      'The desk sends this once a day to the address set in Settings (Security).',
      '',
    ].join('\n'),
  };
}

/** True when an anchor email was recorded on the Japan day of `now` (by this PC or another on the same desk). */
export async function anchorMailedOn(db: Kysely<DB>, now: Date): Promise<boolean> {
  const since = new Date(japanMidnightMs(japanDateOf(now))).toISOString();
  const row = await db.selectFrom('audit_log').select('seq').where('action', '=', ANCHOR_MAIL_ACTION).where('at', '>=', since).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Sends today's anchor if it is due: an address is set, none was recorded today, and the server takes it.
 * 'sent' | 'not_due' | 'no_address' | 'no_mail_server' | 'failed'.
 */
export async function sendAnchorMail(db: Kysely<DB>, mail: MailService, now: () => Date, log: (line: string) => void): Promise<'sent' | 'not_due' | 'no_address' | 'no_mail_server' | 'failed'> {
  const settings = await readSettings(db);
  const to = settings.security?.anchorEmail ?? null;
  if (!to) return 'no_address';
  if (await anchorMailedOn(db, now())) return 'not_due';
  const head = await auditHead(db);
  if (!head) return 'not_due';
  const r = await mail.sendSystem(db, { to, ...anchorMailContent(head, settings.desk, now()) });
  if (!r) return 'no_mail_server';
  if (!r.sent) {
    // The failure's code only: the address is a person's.
    log(`[audit] the anchor email was not sent (${r.failure?.code ?? 'unknown'}); trying again later`);
    return 'failed';
  }
  await appendAudit(db, { actor: null, action: ANCHOR_MAIL_ACTION, entity: 'audit_log', detail: { seq: head.seq, hash: head.hash, at: head.at, auditAnchor: formatAnchor(head), to, messageId: r.messageId } }, now());
  return 'sent';
}

/** While the desk is open: the runtime's timer asks every few seconds; an in-memory check until something is due. */
export class DailyAnchorMail {
  /** The Japan day whose anchor is settled (sent, or none wanted): nothing to do until the next day. */
  private settledDay: string | null = null;
  private retryAt = 0;
  private settingsSeen = -1;
  private running: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly mail: MailService;

  constructor(now: () => Date, log: (line: string) => void, mail: MailService) {
    this.now = now;
    this.log = log;
    this.mail = mail;
  }

  /** The address or the mail server changed: look again at the next tick. */
  settingsChanged(): void {
    this.settledDay = null;
    this.retryAt = 0;
  }

  startIfDue(desk: UnlockedDesk): void {
    if (this.mail.settingsVersion !== this.settingsSeen) {
      this.settingsSeen = this.mail.settingsVersion;
      this.settingsChanged();
    }
    const now = this.now();
    const today = japanDateOf(now);
    if (this.running || this.settledDay === today || now.getTime() < this.retryAt) return;
    this.running = sendAnchorMail(desk.store.db, this.mail, this.now, this.log)
      .then((outcome) => {
        if (outcome === 'sent' || outcome === 'not_due' || outcome === 'no_address') this.settledDay = today;
        else this.retryAt = this.now().getTime() + ANCHOR_MAIL_RETRY_MS;
      })
      .catch((e: unknown) => {
        this.retryAt = this.now().getTime() + ANCHOR_MAIL_RETRY_MS;
        this.log(`[audit] the anchor email stopped (${nameOf(e)})`);
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Before the desk locks: waits a moment for a send in flight (a server that hangs does not hold the lock). */
  async settle(graceMs = 5_000): Promise<void> {
    const running = this.running;
    if (!running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise<void>((ok) => (timer = setTimeout(ok, graceMs)))]);
    clearTimeout(timer);
  }
}
