// The desktop app's main process: a thin shell around the core (ARCHITECTURE.md). It picks the data
// folder, opens the desk runtime, serves the renderer from app://privacy-desk, wires the contract over
// IPC and locks the desk when the app quits. Decisions live in the small pure modules beside it.
//
// Data folder: the core owns the default (electron/core/storage/data-dir.ts defaultDataDir(), which
// mirrors Electron's userData path for "Privacy Desk"), because browser mode and the CLI must find the
// same desk without Electron. This process never asks Electron where the data lives; instead it points
// Electron's userData at the chosen folder (before `ready`), so Chromium's own files sit beside the
// desk's `desk/` subfolder, and the single-instance lock is per data folder: a second launch on the
// same folder focuses this window, a launch on another folder (--data-dir) is a separate desk.
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDeskRuntime, type DeskRuntime } from '../core/runtime.ts';
import { defaultDataDir } from '../core/storage/data-dir.ts';
import { APP_ENTRY_URL, APP_SCHEME, appSchemePrivileges, createAppProtocolHandler } from './app-protocol.ts';
import { parseMainArgs } from './args.ts';
import { registerDeskIpc } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { menuLabels, startupErrorDialog, uiLocaleOf } from './messages.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { createWindowOptions } from './window-options.ts';
import { letterFontFile } from '../core/letters/font-files.ts';
import { LetterDocuments, letterMethods } from './letter-window.ts';
import { createElectronLetterPrinter } from './print.ts';
import { safeStorageKeychain } from './keychain.ts';
import { profiledServer } from '../core/shared-desk/connection-profile.ts';

const CLOSE_TIMEOUT_MS = 10_000;
const log = (message: string) => console.log(`[privacy-desk] ${message}`);

// dist-electron/main.js → dist-electron/preload.cjs and dist/renderer (the same inside app.asar).
const here = import.meta.dirname;
const preloadPath = path.join(here, 'preload.cjs');
const rendererRoot = path.resolve(here, '..', 'dist', 'renderer');

const mainArgs = parseMainArgs(process.argv.slice(1));
const dataDir = mainArgs.dataDir ?? defaultDataDir();

// Before `ready`: the privileged scheme, sandbox for every renderer, and the per-folder profile.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

let folderUsable = true;
try {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
} catch {
  // Leave Electron's default profile alone; openDeskRuntime below reports the folder as unusable.
  folderUsable = false;
}
if (folderUsable) app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;
let runtime: DeskRuntime | null = null;

if (folderUsable && !app.requestSingleInstanceLock({ dataDir })) {
  // Another window already has this folder; it is brought to the front ('second-instance' there).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    const open = runtime;
    if (!open) return;
    // Lock the desk (forget the data key, close the database, release the folder) before exiting.
    // A close that never settles must not keep a zombie app alive: the folder lock names this process,
    // so the next start takes it over once the process is gone.
    runtime = null;
    event.preventDefault();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log('closing the desk took too long; quitting anyway');
        resolve();
      }, CLOSE_TIMEOUT_MS);
    });
    Promise.race([open.close(), timeout])
      .catch((error: unknown) => log(`closing the desk failed: ${String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const locale = uiLocaleOf(app.getLocale());
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ labels: menuLabels[locale], platform: process.platform, isPackaged: app.isPackaged })),
  );
  hardenSession(session.defaultSession, log);
  // Letter documents wait here for the hidden print window (print.ts); fonts come from @fontsource.
  const letterDocuments = new LetterDocuments();
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: rendererRoot, readFile: (file) => readFile(file), log, letters: { fontFile: letterFontFile, document: (p) => letterDocuments.take(p) } }),
  );

  let opened: DeskRuntime;
  try {
    // A PC IT connected to a shared desk (`desk connect`, <data folder>/connection.json) opens that desk: each
    // person's password unwraps the database password at login; else the local desk, as always.
    const shared = profiledServer(dataDir);
    opened = await openDeskRuntime({ dataDir, mode: 'electron', log, demo: mainArgs.demo, ...(shared ? { server: shared, keychain: safeStorageKeychain(safeStorage) } : {}) });
  } catch (error) {
    const text = startupErrorDialog(error, dataDir, locale);
    dialog.showErrorBox(text.title, text.content);
    app.exit(1);
    return;
  }
  runtime = opened;
  const printer = createElectronLetterPrinter({ documents: letterDocuments, parent: () => mainWindow, saveTitle: locale === 'ja' ? 'PDFとして保存' : 'Save as PDF' });
  registerDeskIpc({ ipcMain, runtime: opened, log, local: letterMethods((method, input) => opened.dispatch(method, input), printer, log) });

  // Lock the desk when the PC is locked or goes to sleep; the renderer learns it on its next call.
  const lockDesk = () => void opened.call('auth.lock', {});
  powerMonitor.on('lock-screen', lockDesk);
  powerMonitor.on('suspend', lockDesk);

  createMainWindow();
}

function createMainWindow(): void {
  const win = new BrowserWindow(createWindowOptions({ preload: preloadPath, isPackaged: app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
  // A page that fails to load never becomes ready-to-show: show the window rather than a silent process.
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    log(`loading ${url} failed: ${code} ${description}`);
    if (!win.isVisible()) win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`loading ${APP_ENTRY_URL} failed: ${String(error)}`));
}

function fail(error: unknown): void {
  const text = startupErrorDialog(error, dataDir, uiLocaleOf(app.getLocale()));
  dialog.showErrorBox(text.title, text.content);
  app.exit(1);
}
