// One page of the queue. Every deadline figure (day 0, due, business days left, urgency, legal mark)
// is the core's; the row is coloured by the urgency it sent.
import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { casePath } from '../../app/routes.ts';
import type { QueueRow, Urgency } from '../../../../electron/contract/index.ts';
import { DaysLeftBadge, LegalMark, ProvisionalFlag, TargetBadge } from '../../components/DeadlineBadges.tsx';
import { JapanDate } from '../../components/JapanDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindLabel, typeLabel } from '../../i18n/vocabulary.ts';
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
  state: QueueState;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  onSort: (key: SortKey) => void;
  onOpen: (row: QueueRow) => void;
  /** Rows a bulk action just touched: marked until the next one. */
  marked?: readonly number[];
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function QueueTable({ searching = false, rows, state, selected, onSelect, onSort, onOpen, marked }: Props) {
  const { t } = useI18n();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const header = (key: SortKey, label: MessageKey, extra?: ReactNode) => (
    <SortHeader sortKey={key} label={t(label)} state={state} onSort={onSort} extra={extra} />
  );
  // Roving focus: the rows are one tab stop; j/k or the arrows move it, Enter opens, x or Space selects.
  const [focus, setFocus] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
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
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid="queue-table" aria-label={t('queue.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('queue.selectPage')}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={(e) => onSelect(rows.map((r) => r.id), e.currentTarget.checked)}
              />
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
        <Table.Tbody ref={body} onKeyDown={onBodyKey}>
          {rows.map((r, i) => (
            <Row
              key={r.id}
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
}

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

/** One row, re-rendered only when its own case, selection, mark or focus changes (memo). */
const Row = memo(
  function Row({ row: r, searching, selected, marked, tabbable, onFocus, onSelect, onOpen }: RowProps) {
    const { t } = useI18n();
    return (
      <Table.Tr
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
        <Table.Td onClick={(e) => e.stopPropagation()}>
          <Checkbox tabIndex={-1} aria-label={t('queue.selectRow', { reference: r.reference })} checked={selected} onChange={(e) => onSelect([r.id], e.currentTarget.checked)} />
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Group gap={6} wrap="nowrap">
            <Anchor
              href={`#${casePath(r.reference)}`}
              tabIndex={-1}
              ff="monospace"
              size="sm"
              fw={600}
              c={r.urgency === 'done' ? 'dimmed' : undefined}
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
            </Anchor>
            <LegalMark state={r.legalMarkState} mark={r.legalMark} />
            {r.legalHold && (
              <Badge size="xs" tt="none" variant="light" color="grape" data-testid="legal-hold">
                {t('legalHold.badge')}
              </Badge>
            )}
            {r.legalMarkState === 'passed' && (
              <Badge color="grape" variant="light" size="xs" tt="none" title={t('caseRules.legalMarkPassedHint')} data-testid="legal-mark-passed">
                {t('caseRules.legalMarkPassed')}
              </Badge>
            )}
            {searching && (
              <Badge color="gray" variant="outline" size="xs" tt="none" data-testid="search-tab" data-tab={r.tab}>
                {t('caseRules.search.tab', { tab: t(`queue.view.${r.tab}`) })}
              </Badge>
            )}
            {r.noticeOwed && (
              <Badge size="xs" tt="none" variant="light" color="orange" data-testid="notice-owed">
                {t('notices.owedBadge')}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" data-testid="case-type" data-type={r.type}>
              {typeLabel(t, r.type)}
            </Text>
            {r.kinds.length > 0 && (
              <Text size="xs" c="dimmed">
                {r.kinds.map((k) => kindLabel(t, r.type, k)).join('・')}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" lang="ja">
              {r.memberName}
            </Text>
            {r.memberKana && (
              <Text size="xs" c="dimmed" lang="ja">
                {r.memberKana}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <StatusBadge status={r.status} />
        </Table.Td>
        <Table.Td>
          {r.assignee ? (
            <Text size="sm" title={r.assignee}>
              {r.assigneeName ?? r.assignee}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('queue.unassigned')}
            </Text>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <JapanDate date={r.dayZero} format="plain" size="sm" data-testid="day-zero" withTitle />
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Group gap={4} wrap="nowrap">
            <JapanDate date={r.due} size="sm" fw={r.urgency === 'overdue' || r.urgency === 'soon' ? 700 : undefined} c={r.target ? 'cyan.9' : undefined} data-testid="due" withTitle />
            {r.target && <TargetBadge />}
            {r.dueProvisional && <ProvisionalFlag />}
          </Group>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <DaysLeftBadge urgency={r.urgency} left={r.businessDaysLeft} size="sm" compact />
        </Table.Td>
      </Table.Tr>
    );
  },
  // onFocus is a new closure each render but only sets the index it already holds: not a change.
  (a, b) => a.row === b.row && a.searching === b.searching && a.selected === b.selected && a.marked === b.marked && a.tabbable === b.tabbable && a.onSelect === b.onSelect && a.onOpen === b.onOpen,
);

function SortHeader({ sortKey, label, state, onSort, extra }: { sortKey: SortKey; label: string; state: QueueState; onSort: (k: SortKey) => void; extra?: ReactNode }) {
  const { t } = useI18n();
  const active = state.sort === sortKey;
  const Icon = !active ? IconArrowsSort : state.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (state.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-sort={sortKey} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden color={active ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
          <VisuallyHidden>{t('queue.sortBy')}</VisuallyHidden>
        </Group>
      </UnstyledButton>
      {extra}
    </Table.Th>
  );
}
