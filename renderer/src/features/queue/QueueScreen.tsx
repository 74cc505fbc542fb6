// The queue (home): saved views, filters, search, a sortable page of cases from cases.list, bulk moves.
// The list, its order and its counts are the desk's; the screen keeps only what the person chose.
import { Alert, Box, Button, EmptyState, Group, LoadingOverlay, Pagination, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInbox, IconPlus, IconSearch } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isOneOf, savedViews, type BulkOutcome, type QueueRow } from '../../../../electron/contract/index.ts';
import { useDeskQuery, usePrefetchDesk } from '../../api/deskQueries.ts';
import { useActiveAccounts } from '../../api/useActiveAccounts.ts';
import { SEARCH_TARGET } from '../../app/shortcuts.tsx';
import { useNavigateTo, useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BulkActions, BulkResult, type BulkAction } from './BulkActions.tsx';
import { OwnViews } from './OwnViews.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { queueParamsOf, queueStateOf } from './queueParams.ts';
import { hasFilters, PAGE_SIZE, toListInput, type QueueState, type SortKey } from './queueState.ts';

export const SEARCH_DEBOUNCE_MS = 300;

const NONE: ReadonlySet<number> = new Set();
const NO_ROWS: QueueRow[] = [];
/** The shell's fixed header (AppShell header height) and a little air. */
const HEADER_PX = 72;

/** `search`: the queue's address's query string (?view=…), which the frame keeps while the queue is hidden. */
export function QueueScreen({ search }: { search: string }) {
  const { t } = useI18n();
  const { go, user } = useShell();
  const navigate = useNavigateTo();
  const setParams = useCallback((next: URLSearchParams, options: { replace?: boolean }) => navigate({ pathname: '/queue', search: `?${next.toString()}` }, options), [navigate]);
  // The address is the state (queueParams.ts validates it): Back/Forward and bookmarks restore a view.
  const state = useMemo(() => queueStateOf(new URLSearchParams(search)), [search]);
  const input = useMemo(() => toListInput(state), [state]);
  const key = JSON.stringify(input);
  const query = useDeskQuery('cases.list', input, { keepPrevious: true });
  const prefetch = usePrefetchDesk();
  // A selection belongs to the list it was made in: nobody should close cases they no longer see. Another
  // list (page, tab, sort, filter) starts with none, set here while rendering, so a pick made afterwards is
  // always added to the selection of the list on screen (the updater below never needs to know the list).
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number> }>({ key, ids: NONE });
  if (selection.key !== key) setSelection({ key, ids: NONE });
  const selected = selection.key === key ? selection.ids : NONE;
  const [bulk, setBulk] = useState<{ action: BulkAction; outcome: BulkOutcome; ids: number[] } | null>(null);
  const accounts = useActiveAccounts();

  /**
   * Shows another list: the address changes, and the route's loader (queueLoader.ts) holds the move until the
   * list has come, so the screen is drawn once with it. Until then the screen still shows the list it had: a
   * second move made meanwhile (a quick second click on "next") starts from the first one's state, not from
   * what is on screen, or it would land on the same page.
   */
  const current = useRef(state);
  const pending = useRef<QueueState | null>(null);
  // Set at commit, before any handler or effect can call patch: the state on screen, no move waiting.
  useLayoutEffect(() => {
    current.current = state;
    pending.current = null;
  }, [state]);
  const show = useCallback(
    (next: QueueState, options: { replace?: boolean } = {}) => {
      pending.current = next;
      setParams(queueParamsOf(next), options);
    },
    [setParams],
  );
  /** A new history entry for a change a person would go Back from (view, page, sort, filters). */
  // Read when a change is made, so patch is one function for the screen's life and the filters (memoised)
  // are not drawn again on a page turn.
  const patch = useCallback(
    (p: Partial<QueueState>, options: { replace?: boolean } = {}) => show({ ...(pending.current ?? current.current), ...p }, options),
    [show],
  );
  const openView = useCallback((p: string) => show(queueStateOf(new URLSearchParams(p))), [show]);

  const loading = query.isFetching && (query.isPlaceholderData || query.isPending);
  const page = query.data ?? null;
  const error = query.isError ? query.error : null;
  // A search looks through every tab (the core ignores the view); the table says where each hit is.
  const searching = state.search.trim() !== '';
  // The rows say which tab each hit is in once they are a search's answer: while a search's answer is on its
  // way, the rows on screen are still the list's and are not drawn again (fifty of them) only to add badges
  // that the answer replaces a moment later.
  const [rowsSearching, setRowsSearching] = useState(searching);
  if (!query.isPlaceholderData && page !== null && rowsSearching !== searching) setRowsSearching(searching);
  const plainOpenView = state.view === 'all_open' && !hasFilters(state) && state.report === null;
  const emptyOpen = !loading && !error && page !== null && page.total === 0 && plainOpenView;

  // "No cases yet" only when the desk has none at all; an empty open list with closed cases says so.
  const anyClosed = (useDeskQuery('cases.list', { view: 'closed', pageSize: 10 }, { enabled: emptyOpen }).data?.total ?? 0) > 0;

  const sortBy = useCallback(
    (key: SortKey) => {
      const now = pending.current ?? current.current;
      patch({ sort: key, direction: now.sort === key && now.direction === 'asc' ? 'desc' : 'asc', page: 1 });
    },
    [patch],
  );
  const clearSelection = useCallback(() => setSelection((s) => ({ key: s.key, ids: NONE })), []);
  // The same function for every list (it adds to whatever selection the list on screen has), so the
  // memoised rows re-render only when their own case or tick changes: a page turn does not redraw the
  // fifty old rows. It must not read the list's key from a ref: React may run an updater as soon as it is
  // queued, before a ref set after the last render holds the new key (picks were lost that way).
  const select = useCallback(
    (ids: number[], on: boolean) =>
      setSelection((s) => {
        const next = new Set(s.ids);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return { key: s.key, ids: next };
      }),
    [],
  );
  const open = useCallback(
    (r: QueueRow) => {
      const file = prefetch('cases.get', { reference: r.reference });
      // The file's correspondence too (ThreadSection), at the same moment: asked only once the file had been
      // drawn, its answer drew the file a second time.
      void prefetch('inbox.thread', { caseId: r.id });
      go({ name: 'case', reference: r.reference }, { after: file });
    },
    [go, prefetch],
  );

  // Enter in the search box opens the case when the search has exactly one hit: at once when the list
  // already answers that text, otherwise as soon as its answer arrives.
  const [openWhenSingle, setOpenWhenSingle] = useState<string | null>(null);
  const enterNow = (text: string) => {
    if (text.trim() === '') return;
    if (text.trim() === state.search.trim() && !query.isFetching && page) {
      if (page.total === 1 && page.rows[0]) open(page.rows[0]);
    } else setOpenWhenSingle(text.trim());
  };
  // The search box is memoised: it gets one function for the screen's life, which calls this render's.
  const enterRef = useRef(enterNow);
  useLayoutEffect(() => {
    enterRef.current = enterNow;
  });
  const enter = useCallback((text: string) => enterRef.current(text), []);
  const commitSearch = useCallback((search: string) => patch({ search, page: 1 }, { replace: true }), [patch]);
  const newCase = useCallback(() => go({ name: 'intake' }), [go]);
  const pickView = useCallback((v: string | null) => isOneOf(savedViews, v) && patch({ view: v, report: null, search: '', page: 1 }), [patch]);
  // A new page starts at its first row: a person who turned it from the pager below the table is taken back
  // up to the table's head (under the fixed header), as the rows it shows first are the top ones.
  const list = useRef<HTMLDivElement>(null);
  const turnTo = useCallback(
    (p: number) => {
      const top = list.current?.getBoundingClientRect().top;
      if (top !== undefined && top < HEADER_PX) window.scrollBy({ top: top - HEADER_PX });
      patch({ page: p });
    },
    [patch],
  );
  // The same empty list while nothing is ticked: the bulk bar (memoised) is not drawn again on a page turn.
  const selectedRows = useMemo(() => (page && selected.size > 0 ? page.rows.filter((r) => selected.has(r.id)) : NO_ROWS), [page, selected]);
  // A view is its filters, not a page of them: its chip stays lit on page 2, a view saved there opens on
  // page 1, and the views bar is not drawn again on a page turn.
  const viewParams = useMemo(() => queueParamsOf({ ...state, page: 1 }).toString(), [state]);
  const bulkDone = useCallback((action: BulkAction, outcome: BulkOutcome) => {
    // Shown where the person is looking: a notification, the outcome above the bar, the cases it changed marked.
    setBulk({ action, outcome, ids: outcome.done });
    setSelection((s) => ({ key: s.key, ids: NONE }));
  }, []);
  useEffect(() => {
    if (openWhenSingle === null || query.isFetching || openWhenSingle !== state.search.trim()) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-shot: the Enter is answered once
    setOpenWhenSingle(null);
    if (page?.total === 1 && page.rows[0]) open(page.rows[0]);
  }, [openWhenSingle, query.isFetching, state.search, page, open]);

  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const from = page && page.total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? Math.min(page.total, page.page * page.pageSize) : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2}>{t('queue.title')}</Title>
        <Group gap="sm" wrap="wrap">
          <SearchBox committed={state.search} onCommit={commitSearch} onEnter={enter} />
          <NewCaseButton onClick={newCase} />
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

      {/* The tab stays as chosen while a search runs (a saved view reopens exactly as saved: tab and search).
          The search itself looks through every tab and each hit says which tab it is in; choosing a tab,
          the current one included, ends the search. */}
      <ViewTabs value={state.report ? null : state.view} onPick={pickView} />

      {searching && (
        <Stack gap={0}>
          <Text size="sm" fw={600} data-testid="search-all-tabs">
            {t('caseRules.search.allTabs', { query: state.search.trim() })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('caseRules.search.openHint')}
          </Text>
        </Stack>
      )}
      <OwnViews user={user} current={viewParams} onOpen={openView} />
      <QueueFilters state={state} onChange={patch} accounts={accounts} />

      
      {!loading && error && <ErrorAlert error={error} />}

      {emptyOpen ? (
        <EmptyState
          icon={<IconInbox size={32} aria-hidden />}
          variant="light"
          title={anyClosed ? t('queue.empty.noOpen') : t('queue.empty.title')}
          description={t('queue.empty.body')}
          data-testid="queue-empty"
        >
          <Button mt="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={newCase}>
            {t('queue.new')}
          </Button>
        </EmptyState>
      ) : (
        <Box ref={list} pos="relative" mih={120} aria-busy={loading} data-testid="queue-list">
          <BusyOverlay loading={loading} />
          {page && page.total === 0 ? (
            <Text c="dimmed" ta="center" py="xl" data-testid="queue-no-match">
              {t('queue.noMatch')}
            </Text>
          ) : (
            page && (
              <QueueTable
                searching={rowsSearching}
                rows={page.rows}
                sort={state.sort}
                direction={state.direction}
                selected={selected}
                onSelect={select}
                onSort={sortBy}
                onOpen={open}
                marked={bulk?.ids}
              />
            )
          )}
        </Box>
      )}

      {page && page.total > 0 && <Pager from={from} to={to} total={page.total} pages={pages} page={state.page} onPage={turnTo} />}

      <QueueBulkActions rows={selectedRows} onClear={clearSelection} onDone={bulkDone} />
      {bulk && <BulkResult action={bulk.action} outcome={bulk.outcome} onClose={() => setBulk(null)} />}
    </Stack>
  );
}

const NewCaseButton = memo(function NewCaseButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onClick}>
      {t('queue.new')}
    </Button>
  );
});

/** The saved views as tabs (drawn again only when the chosen one changes). */
const ViewTabs = memo(function ViewTabs({ value, onPick }: { value: string | null; onPick: (v: string | null) => void }) {
  const { t } = useI18n();
  return (
    <Tabs value={value} onChange={onPick} keepMounted={false}>
      <Tabs.List aria-label={t('queue.views')}>
        {savedViews.map((v) => (
          <Tabs.Tab key={v} value={v} data-view={v}>
            {t(`queue.view.${v}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
});

/** "1–50 of 13,817" and the page buttons. */
const Pager = memo(function Pager({ from, to, total, pages, page, onPage }: { from: number; to: number; total: number; pages: number; page: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="queue-total" data-total={total} aria-live="polite">
        {t('queue.range', { from, to, total })}
      </Text>
      <Pagination
        total={pages}
        value={page}
        onChange={onPage}
        size="sm"
        withEdges
        hideWithOnePage
        aria-label={t('queue.pagination')}
        getControlProps={(control) => ({ 'aria-label': t(`queue.page.${control}`) })}
        getItemProps={(p) => ({ 'aria-label': t('queue.page.number', { n: p }) })}
      />
    </Group>
  );
});

/** Only a list that keeps a person waiting is covered; a quick answer just replaces the rows. */
export const BUSY_AFTER_MS = 250;

/**
 * The overlay over the rows while the next list loads, shown only once the wait has lasted BUSY_AFTER_MS:
 * an answer in 10–60 ms no longer flashes a veil over fifty rows (mounted and removed again, which alone
 * cost a page turn more than the database did). Until then the table says aria-busy.
 */
const BusyOverlay = memo(function BusyOverlay({ loading }: { loading: boolean }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setSlow(true), BUSY_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [loading]);
  // No blur: a backdrop filter over the whole table is repainted in software on every frame (no GPU on desk PCs).
  return <LoadingOverlay visible={loading && slow} transitionProps={{ duration: 0 }} zIndex={5} overlayProps={{ backgroundOpacity: 0.5 }} loaderProps={{ size: 'sm' }} />;
});

const QueueBulkActions = memo(BulkActions);

/**
 * The search box. The first change after a quiet moment is searched at once (an IME committing 田中 is
 * one change: no waiting); changes that follow quickly wait for a pause (or Enter). Nothing is sent while
 * an IME is composing (たなか → 田中 would otherwise send three stale searches), and a search is never sent
 * with older text after newer text. Only then does the address, and with it the query, change.
 */
const SearchBox = memo(function SearchBox({ committed, onCommit, onEnter }: { committed: string; onCommit: (search: string) => void; onEnter: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(committed);
  const [composing, setComposing] = useState(false);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const lastChange = useRef(0);
  // What this box last sent: the address catching up with it must not overwrite what was typed since.
  const [sent, setSent] = useState(committed);
  const commit = useCallback(
    (value: string) => {
      setSent(value);
      onCommit(value);
    },
    [onCommit],
  );
  // Back/Forward (or a saved view) changed the address: show its search.
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (committed !== sent) {
      setSent(committed);
      setText(committed);
    }
  }
  const changed = (value: string) => {
    const now = performance.now();
    const quiet = now - lastChange.current > SEARCH_DEBOUNCE_MS;
    lastChange.current = now;
    setText(value);
    if (quiet && value.trim() !== sent.trim()) commit(value);
  };
  useEffect(() => {
    // The pause has come: send the text to the address (outside React), remembering what was sent.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the commit is the effect's whole point
    if (!composing && debounced === text && debounced.trim() !== sent.trim()) commit(debounced);
  }, [debounced, text, composing, sent, commit]);
  return (
    <TextInput
      type="search"
      aria-label={t('queue.search')}
      placeholder={t('queue.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        if (composing || (e.nativeEvent as InputEvent).isComposing) setText(e.currentTarget.value);
        else changed(e.currentTarget.value);
      }}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={(e) => {
        setComposing(false);
        changed(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          if (text.trim() !== sent.trim()) commit(text);
          onEnter(text);
        }
        if (e.key === 'Escape' && !e.nativeEvent.isComposing) e.currentTarget.blur();
      }}
      w={320}
      data-testid="queue-search"
      {...{ [SEARCH_TARGET]: '' }}
    />
  );
});
