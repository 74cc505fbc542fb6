// The application menu: only what an office PC user expects (edit shortcuts, zoom, quit). Built as a
// pure template so it is tested without Electron; main.ts hands it to Menu.buildFromTemplate.
// Developer tools and reload appear only in a developer (unpackaged) run.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLabels } from './messages.ts';

export interface MenuInput {
  labels: MenuLabels;
  platform: NodeJS.Platform;
  isPackaged: boolean;
}

export function buildMenuTemplate({ labels, platform, isPackaged }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Privacy Desk',
    submenu: [
      { role: 'about', label: labels.about },
      sep,
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.unhide },
      sep,
      { role: 'quit', label: labels.quit },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: mac ? [{ role: 'close', label: labels.close }] : [{ role: 'quit', label: labels.exit }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      sep,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload', label: labels.reload }, { role: 'toggleDevTools', label: labels.devTools }, sep];
  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...developer,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      sep,
      { role: 'togglefullscreen', label: labels.fullScreen },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: labels.window,
    submenu: [{ role: 'minimize', label: labels.minimize }, ...(mac ? [] : [{ role: 'close' as const, label: labels.close }])],
  };
  const helpMenu: MenuItemConstructorOptions = { label: labels.help, submenu: [{ role: 'about', label: labels.about }] };

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
