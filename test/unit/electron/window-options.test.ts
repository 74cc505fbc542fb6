import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_MIN_HEIGHT, WINDOW_MIN_WIDTH } from '../../../electron/main/window-options.ts';

describe('createWindowOptions', () => {
  const packaged = createWindowOptions({ preload: '/app/dist-electron/preload.cjs', isPackaged: true });
  const web = packaged.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
  });

  it('keeps web security on and insecure content, spellcheck and experimental features off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and no other session or partition', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(web.partition).toBeUndefined();
    expect(web.session).toBeUndefined();
    expect(web.additionalArguments).toBeUndefined();
  });

  it('offers developer tools only in an unpackaged run', () => {
    expect(web.devTools).toBe(false);
    expect(createWindowOptions({ preload: '/p.cjs', isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('is titled, has a minimum size and stays hidden until ready', () => {
    expect(packaged.title).toBe('Privacy Desk');
    expect(packaged.show).toBe(false);
    expect(packaged.minWidth).toBe(WINDOW_MIN_WIDTH);
    expect(packaged.minHeight).toBe(WINDOW_MIN_HEIGHT);
    expect(packaged.width).toBeGreaterThanOrEqual(WINDOW_MIN_WIDTH);
    expect(packaged.height).toBeGreaterThanOrEqual(WINDOW_MIN_HEIGHT);
  });
});
