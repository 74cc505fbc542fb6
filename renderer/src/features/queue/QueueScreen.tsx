// The queue (home): saved views, filters, search, a sortable page of cases from cases.list, bulk moves.
// The list, its order and its counts are the desk's; the screen keeps only what the person chose.
import { Alert, Box, Button, EmptyState, Group, LoadingOverlay, Pagination, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInbox, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { savedViews, type BulkOutcome, type DeskErrorData, type QueuePage } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useActiveAccounts } from '../../api/useActiveAccounts.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BulkActions, BulkResult, type BulkAction } from './BulkActions.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { hasFilters, PAGE_SIZE, toListInput, type QueueState, type SortKey } from './queueState.ts';

/** The last answer of the desk, for the request it answered (`key`): a different key means loading. */
interface Loaded {
  key: string;
  page: QueuePage | null;
  error: DeskErrorData | null;
}

export const SEARCH_DEBOUNCE_MS = 300;

export function QueueScreen() {
  const { t } = useI18n();
  const desk = useDesk();
  const { user, go, queue: state, setQueue } = useShell();
  const [search] = useDebouncedValue(state.search, SEARCH_DEBOUNCE_MS);
  const input = useMemo(() => toListInput(state, search), [state, search]);
  const [reloadCount, setReloadCount] = useState(0);
  const key = `${JSON.stringify(input)}#${reloadCount}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', page: null, error: null });
  // A selection belongs to the list it was made in: nobody should close cases they no longer see.
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number> }>({ key: '', ids: new Set() });
  const selected = selection.key === key ? selection.ids : new Set<number>();
  const [bulk, setBulk] = useState<{ action: BulkAction; outcome: BulkOutcome } | null>(null);
  const accounts = useActiveAccounts(user.role);
  const [anyClosed, setAnyClosed] = useState<boolean | null>(null);

  const patch = useCallback((p: Partial<QueueState>) => setQueue((s) => ({ ...s, ...p })), [setQueue]);

  useEffect(() => {
    let current = true;
    void desk.cases.list(input).then((result) => {
      if (!current) return;
      setLoaded((l) => (result.ok ? { key, page: result.value, error: null } : { key, page: l.page, error: result.error }));
    });
    return () => {
      current = false;
    };
  }, [desk, input, key]);

  const loading = loaded.key !== key;
  const page = loaded.page;
  const plainOpenView = state.view === 'all_open' && !hasFilters(state) && state.report === null;
  const emptyOpen = !loading && !loaded.error && page !== null && page.total === 0 && plainOpenView;

  // "No cases yet" only when the desk has none at all; an empty open list with closed cases says so.
  useEffect(() => {
    if (!emptyOpen) return;
    let current = true;
    void desk.cases.list({ view: 'closed', pageSize: 10 }).then((r) => {
      if (current) setAnyClosed(r.ok ? r.value.total > 0 : false);
    });
    return () => {
      current = false;
    };
  }, [desk, emptyOpen]);

  const sortBy = (key: SortKey) =>
    patch({ sort: key, direction: state.sort === key && state.direction === 'asc' ? 'desc' : 'asc', page: 1 });

  const setSelected = (ids: ReadonlySet<number>) => setSelection({ key, ids });
  const select = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  };

  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const from = page && page.total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? Math.min(page.total, page.page * page.pageSize) : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2}>{t('queue.title')}</Title>
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="search"
            aria-label={t('queue.search')}
            placeholder={t('queue.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={state.search}
            onChange={(e) => patch({ search: e.currentTarget.value, page: 1 })}
            w={320}
            data-testid="queue-search"
          />
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => go({ name: 'intake' })}>
            {t('queue.new')}
          </Button>
        </Group>
      </Group>

      {state.report && (
        <Alert color="blue" variant="light" data-testid="queue-report-filter">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm">{t('queue.report.banner', { figure: state.report.label, from: state.report.from, to: state.report.to })}</Text>
            <Button size="xs" variant="default" onClick={() => patch({ report: null, page: 1 })}>
              {t('queue.report.clear')}
            </Button>
          </Group>
        </Alert>
      )}

      <Tabs value={state.report ? null : state.view} onChange={(v) => v && patch({ view: v as QueueState['view'], report: null, page: 1 })} keepMounted={false}>
        <Tabs.List aria-label={t('queue.views')}>
          {savedViews.map((v) => (
            <Tabs.Tab key={v} value={v} data-view={v}>
              {t(`queue.view.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <QueueFilters state={state} onChange={patch} onReplace={setQueue} accounts={accounts} />

      {bulk && <BulkResult action={bulk.action} outcome={bulk.outcome} onClose={() => setBulk(null)} />}
      {!loading && loaded.error && <ErrorAlert error={loaded.error} />}

      {emptyOpen ? (
        <EmptyState
          icon={<IconInbox size={32} aria-hidden />}
          variant="light"
          title={anyClosed ? t('queue.empty.noOpen') : t('queue.empty.title')}
          description={t('queue.empty.body')}
          data-testid="queue-empty"
        >
          <Button mt="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => go({ name: 'intake' })}>
            {t('queue.new')}
          </Button>
        </EmptyState>
      ) : (
        <Box pos="relative" mih={120}>
          <LoadingOverlay visible={loading} zIndex={5} overlayProps={{ blur: 1, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
          {page && page.total === 0 ? (
            <Text c="dimmed" ta="center" py="xl" data-testid="queue-no-match">
              {t('queue.noMatch')}
            </Text>
          ) : (
            page && (
              <QueueTable
                rows={page.rows}
                state={state}
                selected={selected}
                onSelect={select}
                onSort={sortBy}
                onOpen={(r) => go({ name: 'case', id: r.id })}
              />
            )
          )}
        </Box>
      )}

      {page && page.total > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" data-testid="queue-total" data-total={page.total} aria-live="polite">
            {t('queue.range', { from, to, total: page.total })}
          </Text>
          <Pagination
            total={pages}
            value={state.page}
            onChange={(p) => patch({ page: p })}
            size="sm"
            withEdges
            hideWithOnePage
            aria-label={t('queue.pagination')}
            getControlProps={(control) => ({ 'aria-label': t(`queue.page.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('queue.page.number', { n: p }) })}
          />
        </Group>
      )}

      <BulkActions
        ids={[...selected]}
        onClear={() => setSelected(new Set())}
        onDone={(action, outcome) => {
          setBulk({ action, outcome });
          setSelected(new Set());
          setReloadCount((n) => n + 1);
        }}
      />
    </Stack>
  );
}
