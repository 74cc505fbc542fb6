// The main window's options, as a pure factory so every security setting is asserted by a unit test.
// Nothing here may be relaxed to make a feature work: the renderer reaches the desk through the
// preload's window.desk only (see ARCHITECTURE.md, "Not to copy").
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preload: string;
  /** app.isPackaged: developer tools exist only in an unpackaged (developer) run. */
  isPackaged: boolean;
  title?: string;
}

export const WINDOW_MIN_WIDTH = 1024;
export const WINDOW_MIN_HEIGHT = 680;

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title ?? 'Privacy Desk',
    width: 1280,
    height: 860,
    minWidth: WINDOW_MIN_WIDTH,
    minHeight: WINDOW_MIN_HEIGHT,
    // Shown on 'ready-to-show', so staff never see a blank or half-styled window.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Personal data is typed here: no text leaves the machine for a spelling service.
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  };
}
