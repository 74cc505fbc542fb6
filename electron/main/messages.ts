// The few words the main process shows itself (menu, start-up error dialog), in Japanese or English
// by the system's language. Everything else is the renderer's, from its own catalogs.
export type UiLocale = 'ja' | 'en';

export function uiLocaleOf(appLocale: string): UiLocale {
  return appLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export const menuLabels = {
  en: {
    about: 'About Privacy Desk',
    hide: 'Hide Privacy Desk',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit Privacy Desk',
    file: 'File',
    close: 'Close Window',
    exit: 'Exit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
  },
  ja: {
    about: 'Privacy Desk について',
    hide: 'Privacy Desk を隠す',
    hideOthers: 'ほかを隠す',
    unhide: 'すべてを表示',
    quit: 'Privacy Desk を終了',
    file: 'ファイル',
    close: 'ウィンドウを閉じる',
    exit: '終了',
    edit: '編集',
    undo: '元に戻す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべて選択',
    view: '表示',
    reload: '再読み込み',
    devTools: '開発者ツール',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    fullScreen: '全画面表示の切り替え',
    window: 'ウィンドウ',
    minimize: '最小化',
    help: 'ヘルプ',
  },
} as const satisfies Record<UiLocale, Record<string, string>>;

export type MenuLabels = (typeof menuLabels)[UiLocale];

const startupText = {
  en: {
    DATA_DIR_BUSY: {
      title: 'Privacy Desk is already open',
      lead: 'Another Privacy Desk (the desktop app or browser mode) is using this data folder. Close it, then start Privacy Desk again.',
    },
    DATA_DIR_UNUSABLE: {
      title: 'Privacy Desk cannot use its data folder',
      lead: 'Check that the folder can be written to and that the disk is not full, or start Privacy Desk with another folder (--data-dir).',
    },
    other: {
      title: 'Privacy Desk could not start',
      lead: 'Privacy Desk stopped before opening the desk. Nothing was changed. Tell your administrator what the message below says.',
    },
    folder: 'Data folder',
  },
  ja: {
    DATA_DIR_BUSY: {
      title: 'Privacy Desk はすでに開いています',
      lead: '別の Privacy Desk（デスクトップアプリまたはブラウザーモード）がこのデータフォルダーを使用中です。そちらを閉じてから、もう一度起動してください。',
    },
    DATA_DIR_UNUSABLE: {
      title: 'データフォルダーを使用できません',
      lead: 'フォルダーに書き込めるか、ディスクに空きがあるかを確認してください。別のフォルダーで起動する場合は --data-dir を指定してください。',
    },
    other: {
      title: 'Privacy Desk を起動できませんでした',
      lead: 'デスクを開く前に停止しました。データは変更されていません。下のメッセージを管理者に伝えてください。',
    },
    folder: 'データフォルダー',
  },
} as const;

export interface DialogText {
  title: string;
  content: string;
}

/** The error box shown when the runtime cannot be opened (busy or unusable folder, damaged storage, …). */
export function startupErrorDialog(error: unknown, dataDir: string, locale: UiLocale): DialogText {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const text = startupText[locale];
  const kind = code === 'DATA_DIR_BUSY' || code === 'DATA_DIR_UNUSABLE' ? text[code] : text.other;
  const detail = error instanceof Error ? error.message : String(error);
  return { title: kind.title, content: `${kind.lead}\n\n${detail}\n\n${text.folder}: ${dataDir}` };
}
