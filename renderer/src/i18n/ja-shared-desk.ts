// Japanese words for the shared desk's codes (electron/contract/shared-desk.ts), spread into ja-codes.ts.
import type { CodeWords } from './codes.ts';

const URL_PART = { scheme: '形式（postgres://）', host: 'サーバー名', database: 'データベース名', user: 'ユーザー名', port: 'ポート番号', parameter: 'パラメーター', password_in_url: 'パスワード' } as const;

type SharedDeskCode =
  | 'SHARED_DESK_URL_INVALID'
  | 'SHARED_DESK_TLS_REQUIRED'
  | 'SHARED_DESK_CA_UNREADABLE'
  | 'SHARED_DESK_PASSWORD_MISSING'
  | 'SHARED_DESK_HOST_UNKNOWN'
  | 'SHARED_DESK_UNREACHABLE'
  | 'SHARED_DESK_AUTH_FAILED'
  | 'SHARED_DESK_TLS_FAILED'
  | 'SHARED_DESK_NOT_A_DESK'
  | 'SHARED_DESK_UNSUPPORTED'
  | 'SHARED_DESK_COPY_MISMATCH'
  | 'SHARED_DESK_MOVE_TARGET_HAS_DESK'
  | 'DESK_MOVED_TO_SERVER'
  | 'SHARED_DESK_SECRET_UNREADABLE'
  | 'CONNECTION_PROFILE_NO_SLOT'
  | 'CONNECTION_PROFILE_DAMAGED'
  | 'CASE_CHANGED';

export const jaSharedDeskCodes: Pick<CodeWords, SharedDeskCode> = {
  SHARED_DESK_URL_INVALID: (p) =>
    p.problem === 'password_in_url'
      ? 'データベースの URL にパスワードを含めないでください。パスワードは環境変数 PRIVACY_DESK_DATABASE_PASSWORD か入力欄で指定します。'
      : `データベースの URL の${URL_PART[p.problem]}が正しくありません（postgres://ユーザー@サーバー:ポート/データベース）。`,
  SHARED_DESK_TLS_REQUIRED: (p) => `${p.host} はこの PC ではないため、証明書を検証する TLS 接続が必要です（CA ファイルを指定してください）。何も送信していません。`,
  SHARED_DESK_CA_UNREADABLE: (p) => `CA 証明書ファイル ${p.path} を読めません。`,
  SHARED_DESK_PASSWORD_MISSING: () => 'データベースのパスワードが指定されていません。',
  SHARED_DESK_HOST_UNKNOWN: (p) => `データベースサーバー ${p.host} が見つかりません。サーバー名を確認してください。`,
  SHARED_DESK_UNREACHABLE: () => '共有デスクに接続できません。データは失われていません。接続は自動的に再試行されます。',
  SHARED_DESK_AUTH_FAILED: (p) => `データベースサーバー ${p.host} がユーザー ${p.user} を拒否しました。データベースのパスワードが違います。`,
  SHARED_DESK_TLS_FAILED: (p) => (p.cause === 'refused' ? `データベースサーバー ${p.host} は TLS に対応していないため、接続を中止しました。` : `データベースサーバー ${p.host} の証明書を CA ファイルで検証できないため、接続を中止しました。`),
  SHARED_DESK_NOT_A_DESK: (p) => `データベース ${p.database} には Privacy Desk ではないデータがあります。何も書き込んでいません。`,
  SHARED_DESK_SECRET_UNREADABLE: (p) =>
    `共有デスクのサーバーに保存された${{ 'audit_keys.private_key': 'デスクの監査署名鍵', 'mail_settings.password': 'メールサーバーのパスワード', 'mailbox_settings.password': 'メールボックスのパスワード' }[p.column]}が、このデスクの鍵で開けません（サーバー上で変更されています）。送信も署名もしていません。管理者に連絡してください。`,
  SHARED_DESK_UNSUPPORTED: () => 'この操作はこの PC のデスクでのみ行えます（共有デスクでは行えません）。',
  SHARED_DESK_COPY_MISMATCH: (p) =>
    `テーブル ${p.table} のコピーが${{ table_missing: 'コピー先にありません', columns: 'コピー先と列が異なります', target_not_empty: 'コピー先に既にデータがあります', rows: 'コピー元と一致しません' }[p.problem]}。コピーは残していません。コピー元は変更していません。`,
  SHARED_DESK_MOVE_TARGET_HAS_DESK: (p) => `データベース ${p.database} には既にデスクがあります。上書きはしません。空のデータベースを指定してください。`,
  DESK_MOVED_TO_SERVER: (p, w) => `このデスクは ${w.dateTime(p.at)} に共有デスク ${p.to} へ移行済みです。移行時の状態のまま保管しています。共有デスクで作業してください。`,
  CONNECTION_PROFILE_NO_SLOT: (p) => `この PC は共有デスクに接続されていますが、${p.username} さんの接続設定はまだありません。IT 担当者にこの PC での接続設定を依頼してください。`,
  CONNECTION_PROFILE_DAMAGED: (p) => `この PC の共有デスク接続設定（${p.path}）を読み取れません。サーバーには何も送信していません。IT 担当者に接続設定のやり直しを依頼してください。`,
  CASE_CHANGED: (p, w) => `${p.reference} は ${p.byName ?? p.by ?? '他の担当者'} が ${w.dateTime(p.at)} に変更しました。再読み込みして確認してください。`,
};
