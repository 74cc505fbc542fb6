// Backups older than the retention period still hold purged personal data. The desk cannot reach a
// drawer or a USB stick in a safe, so it lists them (by their name's Japan date) for a supervisor to destroy.
import type { DeskSettings } from '../../contract/index.ts';
import type { RetentionView } from '../../contract/retention.ts';
import { nodeBackupFs, type BackupFs } from '../backup/backup-fs.ts';
import { parseBackupName, safeDeskName } from '../backup/policy.ts';

export async function oldBackups(settings: DeskSettings, cutoff: string, fs: BackupFs = nodeBackupFs): Promise<RetentionView['oldBackups']> {
  const folder = settings.backup.folder;
  if (!folder || !(await fs.isDirectory(folder).catch(() => false))) return [];
  const desk = safeDeskName(settings.desk.deskNameEn);
  const out: RetentionView['oldBackups'] = [];
  for (const e of await fs.list(folder).catch(() => [])) {
    const parsed = e.isDirectory ? parseBackupName(e.name) : null;
    if (!parsed || parsed.desk !== desk) continue;
    const k = parsed.key;
    const date = `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}`;
    if (date < cutoff) out.push({ name: e.name, takenAt: `${date}T${k.slice(8, 10)}:${k.slice(10, 12)}:${k.slice(12, 14)}+09:00` });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
