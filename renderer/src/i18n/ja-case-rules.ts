// The Japanese texts of the case rules (issue 11; its codes are worded in ja-codes.ts): four eyes on
// rejections and withdrawals, the calendar's held cases, search across tabs.
// ja.ts spreads them into the one catalog; en-case-rules.ts must match key for key.
export const jaCaseRules = {
  'caseRules.held.title': '決定済み・承認済みの{n}件は回答期限を変えていません（カレンダーでは次の日になります）：',
  'caseRules.held.item': '期限 {due}（カレンダー上は {calendarDue}）',
  'caseRules.proposed.rejection': '却下の決定（承認待ち）',
  'caseRules.proposed.withdrawal': '取下げの記録（承認待ち）',
  'caseRules.proposed.hint': '却下や、本人の書面によらない取下げは、決定と同じく、決定した人とは別の責任者が承認して確定します。',
  'caseRules.withdraw.written': '本人の書面による取下げを受け取っている',
  'caseRules.withdraw.writtenHint': '書面がない場合（電話など）は、取下げの記録を別の責任者が承認して確定します。',
  'caseRules.intake.kindsOptional': 'まだ分からなければ空欄のまま登録できます（決定の前に記録します）。',
  'caseRules.decide.kinds': '請求の内容',
  'caseRules.kindsUnknown': '未確定',
  'caseRules.legalMarkPassed': '2週間経過',
  'caseRules.legalMarkPassedHint': '受付から2週間（個人情報保護法第39条）を過ぎ、まだ通知していません',
  'caseRules.search.allTabs': '「{query}」の検索結果（すべてのタブ）',
  'caseRules.search.tab': 'タブ：{tab}',
  'caseRules.search.openHint': '結果が1件のときは Enter で開きます。',
  'validation.pattern.memberKana': 'ふりがなは、ひらがなかカタカナで入力してください。',
  'validation.pattern.phone': '電話番号は数字とハイフン（先頭に＋も可）で入力してください（例：03-1234-5678）。',
  'event.rejection_proposed': '却下の決定（承認待ち）',
  'event.withdrawal_proposed': '取下げの記録（承認待ち）',
  'accounts.enable': '再び有効にする',
  'accounts.enableTitle': 'アカウントを再び有効にする',
  'accounts.enableConfirm': '{name} のアカウントを再び有効にしますか？ 一時パスワードを発行します。本人は最初のログインで変更します。',
  'accounts.changeRole': '役割を変更',
  'accounts.roleTitle': '役割を変更',
  'accounts.roleConfirm': '{name} の役割を「{role}」に変更しますか？ 次のログインから適用されます。',
  'accounts.roleChanged': '{name} の役割を「{role}」に変更しました。',
  'validation.range.idleLockMinutes': '自動ロックまでの時間は{min}〜{max}分の範囲で入力してください。',
  'event.due_restored': '回答期限の復元（完了後の再計算を取り消し）',
} satisfies Record<string, string>;

export type CaseRulesKey = keyof typeof jaCaseRules;
