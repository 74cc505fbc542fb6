// `desk purge`: the retention purge from the command line (what Settings → retention → "purge now"
// does). --dry-run lists exactly which cases and which of their fields would be cleared; --yes purges.
import { parseArgs } from 'node:util';
import type { PurgeField } from '../../contract/index.ts';
import { previewPurge, runPurge } from '../../core/retention/purge.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { CliError, usageError, type CliIO } from '../io.ts';

export const PURGE_HELP = `Usage: npm run desk -- purge --dry-run|--yes --data-dir DIR --user NAME

Removes the personal data of closed cases past the retention period (Settings → retention, default 3 years
after closing; cases on legal hold are never touched): names, kana, contact details, the request text,
reasons, notes, identity-document details, timeline texts, outbox messages. Reference, type, dates,
outcome, grounds and fee amounts stay, so reports stay true. Each case is purged whole or not at all.
  --dry-run   list the cases and fields that would be purged; change nothing
  --yes       purge them (recorded in the audit log)
Backups older than the retention period still hold the data: the Reports/Settings screen lists them.
The user must be a supervisor. The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

const FIELD_WORDS: Record<PurgeField, string> = {
  member_name: 'name',
  member_kana: 'kana',
  member_email: 'email',
  member_postal_code: 'postal code',
  member_address: 'address',
  member_id: 'member id',
  requester_name: 'requester name',
  requester_postal_code: 'requester postal code',
  requester_address: 'requester address',
  requester_email: 'requester email',
  requester_phone: 'requester phone',
  request_text: 'request text',
  reasoning: 'reasons',
  alternative_measure: 'alternative measure',
  closure_reason: 'withdrawal/rejection reason',
  notes: 'notes',
  identity_documents: 'identity documents',
  fee_notes: 'fee notes',
  notice_notes: 'notice notes',
  timeline_texts: 'timeline texts',
  outbox_messages: 'outbox messages',
  inbox_mail: 'received mail and attachments',
  search_text: 'search text',
};

export async function purgeCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(PURGE_HELP + '\n');
    return 0;
  }
  if (!values['dry-run'] === !values.yes) throw usageError(PURGE_HELP, 'Give exactly one of --dry-run and --yes.');
  return withUnlockedDesk(io, values, values.user, async (desk, _paths, user) => {
    const db = desk.store.db;
    const account = await db.selectFrom('accounts').select('role').where('username', '=', user).executeTakeFirstOrThrow();
    if (account.role !== 'supervisor') throw new CliError(`Only a supervisor can purge; ${user} is an agent.`);
    const now = new Date();
    const preview = await previewPurge(db, now);
    if (values['dry-run']) {
      io.stdout.write(`Retention ${preview.years} years: cases closed before ${preview.cutoff} (Japan date).\n`);
      for (const c of preview.cases) io.stdout.write(`${c.reference}  closed ${c.closedAt}  ${c.fields.map((f) => FIELD_WORDS[f]).join(', ')}\n`);
      for (const h of preview.held) io.stdout.write(`${h.reference}  on legal hold: kept\n`);
      io.stdout.write(`${preview.cases.length} case${preview.cases.length === 1 ? '' : 's'} would be purged; nothing was changed.\n`);
      return 0;
    }
    const result = await runPurge({ db, actor: user, now });
    for (const p of result.purged) io.stdout.write(`${p.reference}  purged\n`);
    io.stdout.write(`${result.purged.length} case${result.purged.length === 1 ? '' : 's'} purged.\n`);
    return 0;
  });
}
