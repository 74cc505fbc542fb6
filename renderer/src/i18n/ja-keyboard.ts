// The Japanese texts of keyboard work: shortcuts, the shortcut list, the command palette and own views.
// ja.ts spreads them into the one catalog; en-keyboard.ts must match key for key.
export const jaKeyboard = {
  'shortcuts.title': 'キーボード操作',
  'shortcuts.intro': '入力欄の外で使えます。',
  'shortcuts.search': '検索欄へ移動',
  'shortcuts.next': '次の行へ',
  'shortcuts.previous': '前の行へ',
  'shortcuts.open': '選んだ案件を開く',
  'shortcuts.back': '案件から一覧へ戻る・閉じる',
  'shortcuts.goQueue': '案件一覧へ',
  'shortcuts.goInbox': '受信箱へ',
  'shortcuts.goOutbox': '送信トレイへ',
  'shortcuts.palette': 'コマンドパレット（受付番号や操作へ移動）',
  'shortcuts.help': 'この一覧を表示',
  'shortcuts.then': '続けて',
  'palette.title': 'コマンドパレット',
  'palette.placeholder': '受付番号（PD-2026-00042）や操作の名前',
  'palette.openCase': '案件 {reference} を開く',
  'palette.nothing': '該当する操作はありません',
  'palette.results': '候補',
  'views.save': '今の条件を保存',
  'views.saveTitle': '表示条件を保存',
  'views.name': '名前',
  'views.shared': '窓口の全員に共有する',
  'views.mine': '自分のビュー',
  'views.delete': '{name} を削除',
  'views.saved': '「{name}」を保存しました',
  'views.awaitingApproval': '承認待ち',
  'views.unsentNotice': '未送信の通知あり',
} as const;

export type KeyboardKey = keyof typeof jaKeyboard;
