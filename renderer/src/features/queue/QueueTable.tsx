// One page of the queue. Every deadline figure (day 0, due, business days left, urgency, legal mark)
// is the core's; the row is coloured by the urgency it sent.
import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import type { QueueRow, Urgency } from '../../../../electron/contract/index.ts';
import { DaysLeftBadge, LegalMark, ProvisionalFlag } from '../../components/DeadlineBadges.tsx';
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

/** Art. 39 mark passed and not notified: its own colour (grape), apart from the due date's red. */
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
}

export function QueueTable({ searching = false, rows, state, selected, onSelect, onSort, onOpen }: Props) {
  const { t } = useI18n();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const header = (key: SortKey, label: MessageKey, extra?: ReactNode) => (
    <SortHeader sortKey={key} label={t(label)} state={state} onSort={onSort} extra={extra} />
  );

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
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              data-case-id={r.id}
              data-reference={r.reference}
              data-urgency={r.urgency}
              data-legal-mark={r.legalMarkState ?? undefined}
              style={{ ...rowStyle[r.urgency], ...(r.legalMarkState === 'passed' ? markPassedStyle(r.urgency) : {}), cursor: 'pointer' }}
              onClick={() => onOpen(r)}
            >
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox
                  aria-label={t('queue.selectRow', { reference: r.reference })}
                  checked={selected.has(r.id)}
                  onChange={(e) => onSelect([r.id], e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component="button"
                    type="button"
                    ff="monospace"
                    size="sm"
                    fw={600}
                    c={r.urgency === 'done' ? 'dimmed' : undefined}
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(r);
                    }}
                  >
                    {r.reference}
                  </Anchor>
                  <LegalMark state={r.legalMarkState} mark={r.legalMark} />
                  {r.legalMarkState === 'passed' && (
                    <Badge color="grape" variant="light" size="xs" title={t('caseRules.legalMarkPassedHint')} data-testid="legal-mark-passed">
                      {t('caseRules.legalMarkPassed')}
                    </Badge>
                  )}
                  {searching && (
                    <Badge color="gray" variant="outline" size="xs" data-testid="search-tab" data-tab={r.tab}>
                      {t('caseRules.search.tab', { tab: t(`queue.view.${r.tab}`) })}
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
                <JapanDate date={r.dayZero} format="plain" size="sm" data-testid="day-zero" withTooltip />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  <JapanDate date={r.due} size="sm" fw={r.urgency === 'overdue' || r.urgency === 'soon' ? 700 : undefined} data-testid="due" withTooltip />
                  {r.dueProvisional && <ProvisionalFlag />}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DaysLeftBadge urgency={r.urgency} left={r.businessDaysLeft} size="sm" compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

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
