// The desk from the keyboard. Outside text fields: / search, j/k rows (QueueTable), Enter opens, Esc goes
// back from a case, g q / g i / g o jump between screens, ? lists every shortcut, Ctrl+K (or ⌘K) opens the
// command palette (CommandPalette.tsx), which jumps to a reference (PD-2026-00042) or an action (新規受付).
import { Kbd, Modal, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { MessageKey } from '../i18n/catalog.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Route } from './routes.ts';
import type { ShellValue } from './ShellContext.tsx';
import { newPalette } from './CommandPalette.tsx';

/** Screens reached by g + a letter. */
const JUMPS: Record<string, { route: Route; label: MessageKey }> = {
  q: { route: { name: 'queue' }, label: 'shortcuts.goQueue' },
  i: { route: { name: 'inbox' }, label: 'shortcuts.goInbox' },
  o: { route: { name: 'outbox' }, label: 'shortcuts.goOutbox' },
};

/** The list `?` shows: keys as typed, and what they do. */
export const SHORTCUTS: Array<{ keys: string[]; label: MessageKey }> = [
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['j', '↓'], label: 'shortcuts.next' },
  { keys: ['k', '↑'], label: 'shortcuts.previous' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['Esc'], label: 'shortcuts.back' },
  ...Object.entries(JUMPS).map(([k, j]) => ({ keys: ['g', k], label: j.label })),
  { keys: ['Ctrl', 'K'], label: 'shortcuts.palette' },
  { keys: ['?'], label: 'shortcuts.help' },
];

/** The element `/` focuses: the screen's search box marks itself with this attribute. */
export const SEARCH_TARGET = 'data-shortcut-search';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
/** A dialog or menu is open: its own keys (Esc closes it) win. */
const overlayOpen = () =>
  [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="menu"], [role="listbox"]')].some((el) => el.checkVisibility());

/** The search box of the screen on show (a screen kept hidden, like the queue behind a case, has one too). */
const shownSearch = () => [...document.querySelectorAll<HTMLElement>(`[${SEARCH_TARGET}]`)].find((el) => el.checkVisibility());

function focusSearch(tries = 20): void {
  const el = shownSearch();
  if (el) el.focus();
  else if (tries > 0) requestAnimationFrame(() => focusSearch(tries - 1));
}

export function useShortcuts(shell: ShellValue) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [palette] = useState(newPalette);
  const pending = useRef<{ key: string; at: number } | null>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        palette.open();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || overlayOpen()) return;
      const g = pending.current;
      pending.current = null;
      if (g && g.key === 'g' && Date.now() - g.at < 1500 && JUMPS[e.key]) {
        e.preventDefault();
        shell.go(JUMPS[e.key]!.route);
        return;
      }
      if (e.key === 'g') pending.current = { key: 'g', at: Date.now() };
      else if (e.key === '/') {
        e.preventDefault();
        if (!shownSearch()) shell.go({ name: 'queue' });
        focusSearch();
      } else if (e.key === '?') {
        e.preventDefault();
        setHelpOpen(true);
      } else if (e.key === 'Escape' && pathname.startsWith('/cases/')) {
        e.preventDefault();
        shell.back({ name: 'queue' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shell, pathname, palette]);

  const closeHelp = useCallback(() => setHelpOpen(false), []);
  return { helpOpen, closeHelp, palette };
}

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg">
      <Text size="sm" c="dimmed" mb="sm">
        {t('shortcuts.intro')}
      </Text>
      <Table data-testid="shortcut-list">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.label}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (s.keys[0] === 'g' ? ` ${t('shortcuts.then')} ` : ' / ')}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{t(s.label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
