// One page of the queue. Every deadline figure (day 0, due, business days left, urgency, legal mark)
// is the core's; the row is coloured by the urgency it sent.
import { Checkbox, Group, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { casePath } from '../../app/routes.ts';
import type { QueueRow, Urgency } from '../../../../electron/contract/index.ts';
import { daysLeftVariant, LegalMark, ProvisionalFlag, TargetBadge } from '../../components/DeadlineBadges.tsx';
import { daysLeftText } from '../../i18n/deadlineText.ts';
import { TableBadge } from '../../components/TableBadge.tsx';
import { bothStyles, formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindLabel, statusColor, statusLabel, typeLabel, urgencyColor } from '../../i18n/vocabulary.ts';
import './queue-table.css';
import type { QueueState, SortKey } from './queueState.ts';

const rowStyle: Record<Urgency, CSSProperties> = {
  overdue: { background: 'var(--mantine-color-red-0)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)' },
  soon: { background: 'var(--mantine-color-yellow-0)', boxShadow: 'inset 4px 0 0 var(--mantine-color-yellow-6)' },
  normal: { boxShadow: 'inset 4px 0 0 transparent' },
  paused: { background: 'var(--mantine-color-gray-0)', boxShadow: 'inset 4px 0 0 var(--mantine-color-gray-5)' },
  done: { color: 'var(--mantine-color-dimmed)', boxShadow: 'inset 4px 0 0 transparent' },
};

/** Art. 39 mark passed and not notified (issue 11): its own colour (grape), apart from the due date's red. */
const markPassedStyle = (urgency: Urgency): CSSProperties => ({
  boxShadow: 'inset 4px 0 0 var(--mantine-color-grape-6)',
  ...(urgency === 'overdue' ? {} : { background: 'var(--mantine-color-grape-0)' }),
});

interface Props {
  /** A search is shown: it looks through every tab, and each row says which tab it is in. */
  searching?: boolean;
  rows: QueueRow[];
  sort: SortKey;
  direction: QueueState['direction'];
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  onSort: (key: SortKey) => void;
  onOpen: (row: QueueRow) => void;
  /** Rows a bulk action just touched: marked until the next one. */
  marked?: readonly number[];
}

/**
 * No row is shorter than these: one line of text at the table's size (14 px × 1.55) and the cell padding
 * (2 × 10 px) is 41.7 px; a row with a second line (the request's kinds, the member's kana, 12 px × 1.55)
 * is 60.3 px. A long name that wraps only makes a row taller. Lower bounds, a little under the figures.
 */
const MIN_ROW_PX = 40;
const TWO_LINE_ROW_PX = 58;
const shortestHeight = (r: QueueRow) => (r.kinds.length > 0 || r.memberKana ? TWO_LINE_ROW_PX : MIN_ROW_PX);

/**
 * How many rows, from the first, can be on screen when a new list arrives: those that start above the
 * window's bottom edge, each counted at its shortest. Read from the rows' group as it stands (the old
 * list's, or nothing yet). A person scrolled into the table sees rows further down, so then every row is
 * drawn at once.
 */
function rowsThatFit(body: HTMLElement | null, rows: readonly QueueRow[]): number {
  const top = body ? body.getBoundingClientRect().top : 0;
  if (top < 0) return rows.length;
  let n = 0;
  for (let y = top; n < rows.length && y < window.innerHeight; n++) y += shortestHeight(rows[n]!);
  return Math.max(1, n);
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Memoised: the render that only changes the address (a tab or page chosen, its answer not yet here) skips
 * the table; the answer's render updates the rows, and the header only when sort or selection changed.
 */
export const QueueTable = memo(function QueueTable({ searching = false, rows, sort, direction, selected, onSelect, onSort, onOpen, marked }: Props) {
  const { t } = useI18n();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const selectPage = useCallback((on: boolean) => onSelect(rows.map((r) => r.id), on), [rows, onSelect]);
  // Roving focus: the rows are one tab stop; j/k or the arrows move it, Enter opens, x or Space selects.
  const [focus, setFocus] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  // A new list is drawn in two steps: the rows that fit on screen at once, then (the frame after they are
  // painted, in a render that yields to input) the rest below the fold. Fifty rows of styles and layout
  // were most of a tab switch or a page turn; the rows a person can see no longer wait for those below.
  const [complete, setComplete] = useState(rows);
  // eslint-disable-next-line react-hooks/refs -- the old rows' place on screen, read once per new list
  const drawn = complete === rows ? rows : rows.slice(0, rowsThatFit(body.current, rows));
  useEffect(() => {
    if (complete === rows) return;
    const frame = requestAnimationFrame(() => startTransition(() => setComplete(rows)));
    return () => cancelAnimationFrame(frame);
  }, [rows, complete]);
  const current = Math.min(focus, Math.max(0, rows.length - 1));
  const moveTo = useCallback((i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setFocus(next);
    body.current?.querySelectorAll<HTMLElement>('tr[data-case-id]')[next]?.focus();
  }, [rows.length]);
  // j/k from anywhere on the screen (outside fields and dialogs) start in the table.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('[role="dialog"]')) return;
      if ((e.key === 'j' || e.key === 'k') && !body.current?.contains(document.activeElement)) {
        e.preventDefault();
        moveTo(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, moveTo]);
  const onBodyKey = (e: ReactKeyboardEvent<HTMLTableSectionElement>) => {
    const row = rows[current];
    if (e.key === 'j' || e.key === 'ArrowDown') moveTo(current + 1);
    else if (e.key === 'k' || e.key === 'ArrowUp') moveTo(current - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter' && row) onOpen(row);
    else if ((e.key === 'x' || e.key === ' ') && row) onSelect([row.id], !selected.has(row.id));
    else return;
    e.preventDefault();
  };
  const markedSet = useMemo(() => new Set(marked ?? []), [marked]);

  return (
    // Native overflow, not Mantine's ScrollArea: its scrollbars watch the table with ResizeObservers and read
    // its size 10 ms after every change, a forced layout in the middle of drawing the rest of the rows.
    <Table.ScrollContainer minWidth={960} type="native">
      <Table
        className="queue-table"
        highlightOnHover
        verticalSpacing="xs"
        horizontalSpacing={8}
        data-testid="queue-table"
        data-drawn={drawn.length === rows.length ? 'all' : 'first'}
        aria-label={t('queue.tableLabel')}
      >
        <QueueHead sort={sort} direction={direction} all={allSelected} some={someSelected} onSelectPage={selectPage} onSort={onSort} />
        <Table.Tbody ref={body} onKeyDown={onBodyKey}>
          {/* Keyed by place, not by case: the next page's rows take the places of the last page's, so React
              changes the text and attributes of fifty rows instead of removing fifty and building fifty (a
              row keeps nothing of its own; selection, mark and focus come from props). */}
          {drawn.map((r, i) => (
            <Row
              key={i}
              row={r}
              searching={searching}
              selected={selected.has(r.id)}
              marked={markedSet.has(r.id)}
              tabbable={i === current}
              onFocus={() => setFocus(i)}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

/** The column heads: sort buttons and "select the page" (Mantine components, drawn only when they change). */
const QueueHead = memo(function QueueHead({
  sort,
  direction,
  all,
  some,
  onSelectPage,
  onSort,
}: {
  sort: SortKey;
  direction: QueueState['direction'];
  all: boolean;
  some: boolean;
  onSelectPage: (on: boolean) => void;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useI18n();
  const header = (key: SortKey, label: MessageKey) => <SortHeader sortKey={key} label={t(label)} sort={sort} direction={direction} onSort={onSort} />;
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th w={36}>
          <Checkbox aria-label={t('queue.selectPage')} checked={all} indeterminate={some && !all} onChange={(e) => onSelectPage(e.currentTarget.checked)} />
        </Table.Th>
        {header('reference', 'queue.col.reference')}
        {header('type', 'queue.col.type')}
        {header('member', 'queue.col.member')}
        {header('status', 'queue.col.status')}
        <Table.Th>{t('queue.col.assignee')}</Table.Th>
        {header('arrived', 'queue.col.dayZero')}
        {header('due', 'queue.col.due')}
        <Table.Th>{t('queue.col.daysLeft')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
});

interface RowProps {
  row: QueueRow;
  searching: boolean;
  selected: boolean;
  marked: boolean;
  tabbable: boolean;
  onFocus: () => void;
  onSelect: (ids: number[], selected: boolean) => void;
  onOpen: (row: QueueRow) => void;
}

/**
 * One row, re-rendered only when its own case, selection, mark or focus changes (memo). Plain elements
 * (queue-table.css, TableBadge) rather than a Mantine component per cell: fifty rows of Text, Group, Badge
 * and Checkbox spent most of a page turn resolving theme and style props. The look and every name a
 * test or assistive technology reads (roles, labels, data-testid) are the same.
 */
const Row = memo(
  function Row({ row: r, searching, selected, marked, tabbable, onFocus, onSelect, onOpen }: RowProps) {
    const { t, locale } = useI18n();
    const done = r.urgency === 'done';
    return (
      <tr
        data-case-id={r.id}
        data-reference={r.reference}
        data-urgency={r.urgency}
        data-legal-mark={r.legalMarkState ?? undefined}
        data-target={r.target || undefined}
        data-marked={marked || undefined}
        aria-selected={selected}
        tabIndex={tabbable ? 0 : -1}
        onFocus={onFocus}
        className="queue-row"
        style={{ ...rowStyle[r.urgency], ...(r.legalMarkState === 'passed' ? markPassedStyle(r.urgency) : null), ...(marked ? { outline: '2px solid var(--mantine-color-teal-6)', outlineOffset: -2 } : null), cursor: 'pointer' }}
        onClick={() => onOpen(r)}
      >
        <td onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            className="queue-check"
            tabIndex={-1}
            aria-label={t('queue.selectRow', { reference: r.reference })}
            checked={selected}
            onChange={(e) => onSelect([r.id], e.currentTarget.checked)}
          />
        </td>
        <td className="nowrap">
          <span className="queue-line">
            <a
              href={`#${casePath(r.reference)}`}
              tabIndex={-1}
              className={done ? 'queue-ref queue-dimmed' : 'queue-ref'}
              onClick={(e) => {
                // A plain click opens here; Ctrl/⌘-click or the middle button keep the browser's own meaning.
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
                  e.stopPropagation();
                  return;
                }
                e.preventDefault();
                e.stopPropagation();
                onOpen(r);
              }}
            >
              {r.reference}
            </a>
            <LegalMark state={r.legalMarkState} mark={r.legalMark} />
            {r.legalHold && (
              <TableBadge size="xs" color="grape" data-testid="legal-hold">
                {t('legalHold.badge')}
              </TableBadge>
            )}
            {r.legalMarkState === 'passed' && (
              <TableBadge color="grape" size="xs" title={t('caseRules.legalMarkPassedHint')} data-testid="legal-mark-passed">
                {t('caseRules.legalMarkPassed')}
              </TableBadge>
            )}
            {searching && (
              <TableBadge color="gray" variant="outline" size="xs" data-testid="search-tab" data-tab={r.tab}>
                {t('caseRules.search.tab', { tab: t(`queue.view.${r.tab}`) })}
              </TableBadge>
            )}
            {r.noticeOwed && (
              <TableBadge size="xs" color="orange" data-testid="notice-owed">
                {t('notices.owedBadge')}
              </TableBadge>
            )}
          </span>
        </td>
        <td>
          <span className="queue-stack">
            <span data-testid="case-type" data-type={r.type}>
              {typeLabel(t, r.type)}
            </span>
            {r.kinds.length > 0 && <span className="queue-sub">{r.kinds.map((k) => kindLabel(t, r.type, k)).join('・')}</span>}
          </span>
        </td>
        <td>
          <span className="queue-stack">
            <span lang="ja">{r.memberName}</span>
            {r.memberKana && (
              <span className="queue-sub" lang="ja">
                {r.memberKana}
              </span>
            )}
          </span>
        </td>
        <td>
          <TableBadge color={statusColor[r.status]} data-testid="status" data-status={r.status}>
            {statusLabel(t, r.status)}
          </TableBadge>
        </td>
        <td>
          {r.assignee ? <span title={r.assignee}>{r.assigneeName ?? r.assignee}</span> : <span className="queue-dimmed">{t('queue.unassigned')}</span>}
        </td>
        <td className="nowrap">
          <time dateTime={r.dayZero} title={bothStyles(r.dayZero)} data-testid="day-zero">
            {formatDate(locale, r.dayZero, 'plain')}
          </time>
        </td>
        <td className="nowrap">
          <span className="queue-line tight">
            <time
              dateTime={r.due}
              title={bothStyles(r.due)}
              data-testid="due"
              className={r.urgency === 'overdue' || r.urgency === 'soon' ? 'queue-strong' : undefined}
              // A reply target (inquiry, complaint) is the desk's own date, not a legal deadline: its own colour.
              style={r.target ? { color: 'var(--mantine-color-cyan-9)' } : undefined}
            >
              {formatDate(locale, r.due)}
            </time>
            {r.target && <TargetBadge />}
            {r.dueProvisional && <ProvisionalFlag />}
          </span>
        </td>
        <td className="nowrap">
          <TableBadge color={urgencyColor[r.urgency]} variant={daysLeftVariant(r.urgency)} size="sm" data-testid="days-left" data-urgency={r.urgency}>
            {daysLeftText(t, locale, r.urgency, r.businessDaysLeft, true)}
          </TableBadge>
        </td>
      </tr>
    );
  },
  // onFocus is a new closure each render but only sets the index it already holds: not a change.
  (a, b) => a.row === b.row && a.searching === b.searching && a.selected === b.selected && a.marked === b.marked && a.tabbable === b.tabbable && a.onSelect === b.onSelect && a.onOpen === b.onOpen,
);

function SortHeader({ sortKey, label, sort, direction, onSort }: { sortKey: SortKey; label: string; sort: SortKey; direction: QueueState['direction']; onSort: (k: SortKey) => void }) {
  const { t } = useI18n();
  const active = sort === sortKey;
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-sort={sortKey} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden color={active ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
          <VisuallyHidden>{t('queue.sortBy')}</VisuallyHidden>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
