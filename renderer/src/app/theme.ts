import { Badge, createTheme, Modal, Notification, PasswordInput, type MantineThemeOverride } from '@mantine/core';
import type { Translate } from '../i18n/catalog.ts';

// System fonts only (the CSP allows no remote font, and desk PCs are often offline). Japanese faces
// come before the generic fallback so kana and kanji never drop to a Chinese glyph variant.
const sans = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  '"Noto Sans JP"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  'Meiryo',
  '"Noto Sans CJK JP"',
  'sans-serif',
].join(', ');

const mono = ['ui-monospace', '"Cascadia Mono"', 'Consolas', 'Menlo', '"Noto Sans Mono"', '"DejaVu Sans Mono"', 'monospace'].join(', ');

/** The theme for one UI language: Mantine's own built-in labels (close buttons, the password eye) are English otherwise. */
export function themeFor(t: Translate): MantineThemeOverride {
  return createTheme({
    fontFamily: sans,
    fontFamilyMonospace: mono,
    headings: { fontFamily: sans },
    primaryColor: 'indigo',
    // White on indigo-6 is 4.1:1; from shade 8 a filled button's label reads at AA (axe checks it).
    primaryShade: 8,
    defaultRadius: 'sm',
    // Keyboard users always see where they are; mouse clicks do not leave rings behind.
    focusRing: 'auto',
    cursorType: 'pointer',
    components: {
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('password.toggleVisibility') } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      // A badge in a narrow table cell keeps its whole label ("Awaiting requester") instead of an ellipsis.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    },
  });
}
