// The desk from the keyboard. Outside text fields: / search, j/k rows (QueueTable), Enter opens, Esc goes
// back from a case, g q / g i / g o jump between screens, ? lists every shortcut, Ctrl+K (or ⌘K) opens the
// command palette, which jumps to a reference (PD-2026-00042) or an action (新規受付).
import { Kbd, Modal, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { MessageKey } from '../i18n/catalog.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Route } from './routes.ts';
import type { ShellValue } from './ShellContext.tsx';

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

function focusSearch(tries = 20): void {
  const el = document.querySelector<HTMLElement>(`[${SEARCH_TARGET}]`);
  if (el) el.focus();
  else if (tries > 0) requestAnimationFrame(() => focusSearch(tries - 1));
}

export function useShortcuts(shell: ShellValue) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const pending = useRef<{ key: string; at: number } | null>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
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
        if (!document.querySelector(`[${SEARCH_TARGET}]`)) shell.go({ name: 'queue' });
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
  }, [shell, pathname]);

  return { helpOpen, closeHelp: () => setHelpOpen(false), paletteOpen, closePalette: () => setPaletteOpen(false) };
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

const REFERENCE = /^\s*pd-?\d{4}-?\d{4,6}\s*$/i;
const normalReference = (s: string) => {
  const digits = s.normalize('NFKC').replace(/[^0-9]/g, '');
  return `PD-${digits.slice(0, 4)}-${digits.slice(4)}`;
};

/**
 * Ctrl+K: a reference opens that case; otherwise the actions and screens whose names hold the text.
 * A Modal of our own rather than Mantine Spotlight (the issue asks for it): when this was written npm had no
 * @mantine/spotlight 9.8.x and 9.7.3 pins @mantine/core 9.7.3 exactly. 9.8.1 (peer core 9.8.1, ours) is on npm
 * now (checked 2026-12-03); moving to it is open — the keyboard and axe e2e specs cover this palette.
 */
export function CommandPalette({ opened, onClose, shell, actions }: { opened: boolean; onClose: () => void; shell: ShellValue; actions: Array<{ label: string; route: Route }> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = text.normalize('NFKC').trim().toLowerCase();
  const items: Array<{ label: string; route: Route }> = REFERENCE.test(text.normalize('NFKC'))
    ? [{ label: t('palette.openCase', { reference: normalReference(text) }), route: { name: 'case', reference: normalReference(text) } }]
    : actions.filter((a) => q === '' || a.label.toLowerCase().includes(q));
  const run = (i: number) => {
    const item = items[i];
    if (!item) return;
    onClose();
    setText('');
    shell.go(item.route);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('palette.title')} size="lg" data-testid="command-palette">
      <Stack gap="xs">
        <TextInput
          data-autofocus
          aria-label={t('palette.placeholder')}
          placeholder={t('palette.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') run(active);
            else return;
            e.preventDefault();
          }}
        />
        <Stack gap={2} role="list" aria-label={t('palette.results')}>
          {items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('palette.nothing')}
            </Text>
          )}
          {items.map((item, i) => (
            <UnstyledButton
              key={item.label}
              role="listitem"
              onClick={() => run(i)}
              px="sm"
              py={6}
              data-active={i === active || undefined}
              style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-indigo-0)' : undefined }}
            >
              {item.label}
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
