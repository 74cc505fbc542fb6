import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMainArgs } from '../../../electron/main/args.ts';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';
import { menuLabels, startupErrorDialog, uiLocaleOf } from '../../../electron/main/messages.ts';

describe('parseMainArgs', () => {
  const cwd = path.resolve('/home/desk');
  it('reads --data-dir D and --data-dir=D, resolved against the working folder', () => {
    expect(parseMainArgs(['.', '--data-dir', 'desks/a'], cwd).dataDir).toBe(path.resolve(cwd, 'desks/a'));
    expect(parseMainArgs(['--data-dir=/srv/desk'], cwd).dataDir).toBe(path.resolve('/srv/desk'));
  });

  it('ignores Electron/Chromium switches and a --data-dir without a value', () => {
    expect(parseMainArgs(['--no-sandbox-is-not-ours', '--inspect=0', '.'], cwd).dataDir).toBeUndefined();
    expect(parseMainArgs(['.', '--demo'], cwd).demo).toBe(true);
    expect(parseMainArgs(['.'], cwd).demo).toBe(false);
    expect(parseMainArgs(['--data-dir'], cwd).dataDir).toBeUndefined();
    expect(parseMainArgs(['--data-dir', '--demo'], cwd).dataDir).toBeUndefined();
    expect(parseMainArgs(['--data-dir='], cwd).dataDir).toBeUndefined();
  });
});

describe('messages', () => {
  it('picks Japanese for ja locales and English otherwise', () => {
    expect(uiLocaleOf('ja')).toBe('ja');
    expect(uiLocaleOf('ja-JP')).toBe('ja');
    expect(uiLocaleOf('en-US')).toBe('en');
    expect(uiLocaleOf('')).toBe('en');
  });

  it('has the same menu words in both languages', () => {
    expect(Object.keys(menuLabels.ja).sort()).toEqual(Object.keys(menuLabels.en).sort());
  });

  it('explains a busy or unusable folder and names it', () => {
    const busy = Object.assign(new Error('The data folder is in use by process 123 on PC-1.'), { code: 'DATA_DIR_BUSY' });
    const en = startupErrorDialog(busy, '/data/desk', 'en');
    expect(en.title).toBe('Privacy Desk is already open');
    expect(en.content).toContain('The data folder is in use by process 123 on PC-1.');
    expect(en.content).toContain('/data/desk');
    expect(startupErrorDialog(busy, '/data/desk', 'ja').title).toBe('Privacy Desk はすでに開いています');

    const unusable = Object.assign(new Error('read-only'), { code: 'DATA_DIR_UNUSABLE' });
    expect(startupErrorDialog(unusable, '/x', 'en').title).toBe('Privacy Desk cannot use its data folder');
    expect(startupErrorDialog(new Error('disk on fire'), '/x', 'en').title).toBe('Privacy Desk could not start');
    expect(startupErrorDialog('weird', '/x', 'ja').content).toContain('weird');
  });
});

describe('buildMenuTemplate', () => {
  const roles = (template: ReturnType<typeof buildMenuTemplate>) =>
    template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role).filter(Boolean) : []));

  it('offers developer tools and reload only when not packaged', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const packaged = roles(buildMenuTemplate({ labels: menuLabels.en, platform, isPackaged: true }));
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      const dev = roles(buildMenuTemplate({ labels: menuLabels.en, platform, isPackaged: false }));
      expect(dev).toContain('toggleDevTools');
    }
  });

  it('keeps the edit shortcuts (copy/paste need a menu on macOS) and quit', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const r = roles(buildMenuTemplate({ labels: menuLabels.ja, platform, isPackaged: true }));
      for (const role of ['copy', 'paste', 'cut', 'selectAll', 'undo', 'quit']) expect(r).toContain(role);
    }
  });

  it('uses the Japanese labels', () => {
    const [file] = buildMenuTemplate({ labels: menuLabels.ja, platform: 'win32', isPackaged: true });
    expect(file?.label).toBe('ファイル');
  });
});
