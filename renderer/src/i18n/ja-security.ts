// The Japanese texts of issue 14's security features: weak-password reasons, the audit log's verification problems and anchors, and re-keying.
// ja.ts spreads them into the one catalog; en-security.ts must match key for key.
export const jaSecurity = {
  'password.weak.tooShort': '12文字以上にしてください。',
  'password.weak.common': 'よく使われるパスワードや単語の組み合わせに近いため、推測されやすくなっています。',
  'password.weak.repeated': '同じ文字や並び（例: 1234、aaaa）の繰り返しは推測されやすいです。',
  'password.weak.guessable': '推測されやすいパスワードです。関係のない単語を4つ以上つなげるなど、長く予想しにくいものにしてください。',
  'password.weak.personal': 'ユーザー名や名前を含むパスワードは使えません。',
  'audit.problem.AUDIT_CHAIN_START': '先頭の行がチェーンの始まりになっていません（前の行が削除されています）',
  'audit.problem.AUDIT_CHAIN_LINK': '直前の行とつながっていません（行の削除・挿入・入れ替え）',
  'audit.problem.AUDIT_SEQ_GAP': '行番号が連続していません（行の削除または付け替え）',
  'audit.problem.AUDIT_CONTENT_CHANGED': '書き込み後に内容が変更されています',
  'audit.problem.AUDIT_DETAIL_CHANGED': '書き込み後に詳細が変更されています',
  'audit.problem.AUDIT_REDACTION_UNRECORDED': '記録のない方法で詳細が消されています',
  'audit.problem.AUDIT_BAD_SIGNATURE': '署名が一致しません（偽造または再計算された行）',
  'audit.problem.AUDIT_UNKNOWN_SIGNER': 'ログに登録されていない鍵で署名されています（偽造された行）',
  'audit.problem.AUDIT_WRONG_SIGNER': '記録された本人の鍵で署名されていません（偽造された行）',
  'audit.problem.AUDIT_REVOKED_SIGNER': 'アカウントの無効化後に、その人の鍵で署名されています',
  'audit.problem.AUDIT_UNSIGNED_ROW': '署名付きの行の後に署名のない行があります（偽造された行）',
  'audit.problem.AUDIT_TAIL_REMOVED': '末尾の {seq}〜{expectedSeq} 行目が削除されています',
  'audit.problem.AUDIT_ANCHOR_BEYOND_END': 'ログが {seq} 行目で終わっていますが、アンカーは {expectedSeq} 行目です（末尾の削除、または古いコピーへの置き換え）',
  'audit.problem.AUDIT_ANCHOR_MISMATCH': '{expectedSeq} 行目がアンカーの記録と違います（ログの書き換え、またはファイルの置き換え）',
  'rekey.disableNote': 'このアカウントを無効にすると、データベースは新しい鍵で暗号化し直されます。それ以前に取ったバックアップは古い鍵のままで、この人の古いパスワードで開けてしまいます。保管しているバックアップの扱いに注意してください。',
  'rekey.now': '今すぐ鍵を変更',
  'rekey.nowConfirm': 'データベースを新しい鍵で暗号化し直します。全員のパスワードはそのまま使えます。以前のバックアップは古い鍵のままです。',
  'rekey.done': '新しい鍵に切り替えました（{slots} 個の鍵スロット）。以前のバックアップは古い鍵のままです。',
  'export.notEncrypted': '保存したファイルは暗号化されていません。個人情報がそのまま読める形で入っています。暗号化されたドライブに置き、必要な人だけに渡し、使い終わったら削除してください（このパソコンのあなたのアカウントだけが読めるように保存します）。',
};

export type SecurityKey = keyof typeof jaSecurity;
