// Ctrl+K (⌘K): the command palette, on Mantine Spotlight. A case reference opens that case — read by the
// contract's own normaliser (caseReference: NFKC, so 「ＰＤ－２０２６－０００４２」 typed with a Japanese IME
// is PD-2026-00042, and upper case); any other text narrows the actions and screens to those whose names
// hold it. The shortcut is the shell's (useShortcuts), so Spotlight's own hotkey is off; one store per
// session, dropped with the shell on lock.
import { Text } from '@mantine/core';
import { createSpotlight, SpotlightAction, SpotlightActionsList, SpotlightEmpty, SpotlightRoot, SpotlightSearch, type SpotlightStore } from '@mantine/spotlight';
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { paletteItems, type PaletteItem } from './paletteItems.ts';
import type { Route } from './routes.ts';

/** One palette per session: its store and its open/close. */
export function newPalette(): { store: SpotlightStore; open: () => void; close: () => void } {
  const [store, actions] = createSpotlight();
  return { store, open: actions.open, close: actions.close };
}

export function CommandPalette({ palette, actions, go }: { palette: ReturnType<typeof newPalette>; actions: PaletteItem[]; go: (route: Route) => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const items = paletteItems(query, actions, (reference) => t('palette.openCase', { reference }));
  return (
    <SpotlightRoot
      store={palette.store}
      query={query}
      onQueryChange={setQuery}
      // Cleared as it starts to close, not when the closing has ended: Ctrl+K pressed again at once must
      // keep what is typed next.
      clearQueryOnClose={false}
      onSpotlightClose={() => setQuery('')}
      shortcut={null}
      // The dialog's name (for screen readers), shown small above the search.
      title={t('palette.title')}
      styles={{
        header: { minHeight: 0, padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md) 0' },
        title: { fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dimmed)' },
      }}
      data-testid="command-palette"
      scrollable
    >
      <SpotlightSearch
        data-autofocus
        aria-label={t('palette.placeholder')}
        placeholder={t('palette.placeholder')}
        onKeyDown={(e) => {
          // Enter before Spotlight has marked an item (it marks the first one just after each key): the
          // first item is the one meant.
          const first = items[0];
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || palette.store.getState().selected >= 0 || !first) return;
          palette.close();
          go(first.route);
        }}
      />
      <SpotlightActionsList aria-label={t('palette.results')}>
        {items.length === 0 ? (
          <SpotlightEmpty>
            <Text size="sm" c="dimmed">
              {t('palette.nothing')}
            </Text>
          </SpotlightEmpty>
        ) : (
          items.map((item) => <SpotlightAction key={item.key} label={item.label} onClick={() => go(item.route)} />)
        )}
      </SpotlightActionsList>
    </SpotlightRoot>
  );
}
