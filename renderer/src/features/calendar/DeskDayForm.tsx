// A supervisor adds a closure of the desk or an extra open day. Open cases whose due date moves are
// listed by the desk in its answer.
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId } from 'react';
import type { CalendarChange } from '../../../../electron/contract/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function DeskDayForm({ onChanged }: { onChanged: (change: CalendarChange, date: string) => void }) {
  const { t } = useI18n();
  const kindLabelId = useId();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'calendar.setDay',
    initialValues: { date: '', kind: 'closed' as 'closed' | 'open', reason: '', reasonEn: '' },
    toInput: (v) => v,
    onSuccess: (change, input, f) => {
      onChanged(change, input.date);
      f.setValues({ date: '', reason: '', reasonEn: '' });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('calendar.add.title')}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('calendar.add.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('calendar.add.intro')}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabelId}>
              {t('calendar.add.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabelId}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue('kind', v === 'open' ? 'open' : 'closed')}
              data={[
                { value: 'closed', label: t('calendar.add.closed') },
                { value: 'open', label: t('calendar.add.open') },
              ]}
            />
          </Stack>
          <DateField label={t('calendar.add.date')} name="date" value={form.values.date || null} onChange={(v) => form.setFieldValue('date', v ?? '')} error={form.errors.date} required w={200} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('calendar.add.reason')} placeholder={t('calendar.add.reasonPlaceholder')} required lang="ja" {...field('reason')} />
            <TextInput label={t('calendar.add.reasonEn')} placeholder="Office relocation" lang="en" {...field('reasonEn')} />
          </SimpleGrid>
          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('calendar.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
