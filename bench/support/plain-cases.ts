// A desk filled with N plain received cases straight through SQL (one transaction): the shared fixture of the
// benchmarks that measure whole-file work (backup, re-key), where what the cases say does not matter.
import type { RawDatabase } from '../../db/open.ts';

export function fillPlainCases(raw: RawDatabase, count: number): void {
  const ins = raw.prepare(
    `INSERT INTO cases (reference,type,kinds,status,channel,arrived_at,days,day_zero,due_date,legal_mark,requester_kind,requester_name,member_name,member_kana,member_email,member_postal_code,member_address,member_id,request_text,created_by,created_at,updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const fts = raw.prepare('INSERT INTO case_search(rowid, body) VALUES (?, ?)');
  const ev = raw.prepare('INSERT INTO case_events(case_id, at, actor, kind, data) VALUES (?,?,?,?,?)');
  const types = ['disclosure', 'correction', 'suspension'] as const;
  raw.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const name = `山田 太郎${i}`;
      const email = `member${i}@example.jp`;
      const text = `私の個人情報の開示を求めます。登録されている情報一式と第三者提供の記録をお願いします。受付番号${i}`;
      const at = new Date(Date.UTC(2025, 0, 1) + (i % 700) * 86_400_000).toISOString();
      const r = ins.run(`PD-2026-${String(i).padStart(6, '0')}`, types[i % 3], '["info"]', 'received', 'post', at, 10, at.slice(0, 10), at.slice(0, 10), at.slice(0, 10), 'member', name, name, 'ヤマダ タロウ', email, '160-0023', '東京都新宿区西新宿3-3-13 西新宿水間ビル6F', `M${i}`, text, 'sato', at, at);
      fts.run(r.lastInsertRowid, [name, 'ヤマダ タロウ', email, text].join('\n'));
      ev.run(r.lastInsertRowid, at, 'sato', 'received', '{"channel":"post"}');
    }
  })();
}
