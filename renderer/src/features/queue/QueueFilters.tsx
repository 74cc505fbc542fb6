// The filters above the queue: type, status, assignee, due window, overdue, paused. Every change goes
// back to page 1; the desk filters.
import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { memo } from 'react';
import { caseStatuses, caseTypes, isOneOf, type StaffMember } from '../../../../electron/contract/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { statusLabel, typeLabel } from '../../i18n/vocabulary.ts';
import { assigneeModes, hasFilters, noFilters, pausedFilters, type QueueState } from './queueState.ts';

interface Props {
  state: QueueState;
  onChange: (patch: Partial<QueueState>) => void;
  /** Supervisors can list accounts; agents type a user name. */
  accounts: StaffMember[] | null;
}

/** What the bar shows: the only part of the queue's state it reads. */
const shown = (s: QueueState) => JSON.stringify([s.types, s.statuses, s.assigneeMode, s.assigneeUser, s.dueFrom, s.dueTo, s.overdue, s.paused, s.unsentNotice]);

/**
 * Drawn again only when what it shows changes: not on a page turn, a tab, a sort or a search (every change it
 * makes is a patch of its own fields, so the rest of the state it last saw never matters). Its comboboxes and
 * date picker were a good part of a page turn and of a tab switch.
 */
export const QueueFilters = memo(QueueFiltersBar, (a, b) => a.accounts === b.accounts && a.onChange === b.onChange && shown(a.state) === shown(b.state));

function QueueFiltersBar({ state, onChange, accounts }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<QueueState>) => onChange({ ...patch, page: 1 });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="queue-filters">
      <MultiSelect
        label={t('queue.filter.type')}
        placeholder={state.types.length ? undefined : t('queue.filter.any')}
        data={caseTypes.map((v) => ({ value: v, label: typeLabel(t, v) }))}
        value={state.types}
        onChange={(v) => set({ types: v.filter((x) => isOneOf(caseTypes, x)) })}
        clearable
        w={180}
        size="xs"
      />
      <MultiSelect
        label={t('queue.filter.status')}
        placeholder={state.statuses.length ? undefined : t('queue.filter.any')}
        data={caseStatuses.map((v) => ({ value: v, label: statusLabel(t, v) }))}
        value={state.statuses}
        onChange={(v) => set({ statuses: v.filter((x) => isOneOf(caseStatuses, x)) })}
        clearable
        w={200}
        size="xs"
      />
      <Select
        label={t('queue.filter.assignee')}
        data={assigneeModes.map((v) => ({ value: v, label: t(`queue.assignee.${v}`) }))}
        value={state.assigneeMode}
        onChange={(v) => isOneOf(assigneeModes, v) && set({ assigneeMode: v })}
        allowDeselect={false}
        w={130}
        size="xs"
      />
      {state.assigneeMode === 'user' &&
        (accounts ? (
          <Select
            label={t('queue.filter.assigneeUser')}
            data={accounts.map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
            value={state.assigneeUser || null}
            onChange={(v) => set({ assigneeUser: v ?? '' })}
            searchable
            w={220}
            size="xs"
          />
        ) : (
          <TextInput
            label={t('queue.filter.assigneeUser')}
            placeholder="tanaka"
            value={state.assigneeUser}
            onChange={(e) => set({ assigneeUser: e.currentTarget.value })}
            autoCapitalize="none"
            spellCheck={false}
            w={150}
            size="xs"
          />
        ))}
      <DatePickerInput
        type="range"
        label={t('queue.filter.due')}
        placeholder={t('queue.filter.duePlaceholder')}
        value={[state.dueFrom, state.dueTo]}
        onChange={([from, to]) => set({ dueFrom: from ? String(from) : null, dueTo: to ? String(to) : null })}
        valueFormat="YYYY/MM/DD"
        clearable
        allowSingleDateInRange
        w={210}
        size="xs"
      />
      <Select
        label={t('queue.filter.paused')}
        data={pausedFilters.map((v) => ({ value: v, label: t(`queue.paused.${v}`) }))}
        value={state.paused}
        onChange={(v) => isOneOf(pausedFilters, v) && set({ paused: v })}
        allowDeselect={false}
        w={130}
        size="xs"
      />
      <Checkbox label={t('queue.filter.overdue')} checked={state.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={6} size="sm" />
      {hasFilters({ ...state, search: '' }) && (
        <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => onChange({ ...noFilters, types: [], statuses: [] })}>
          {t('queue.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
