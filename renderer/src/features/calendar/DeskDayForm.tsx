// A supervisor adds a closure of the desk or an extra open day. Open cases whose due date moves are
// listed by the desk in its answer.
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { methods, type CalendarChange, type DeskErrorData } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function DeskDayForm({ onChanged }: { onChanged: (change: CalendarChange, date: string) => void }) {
  const { t } = useI18n();
  const desk = useDesk();
  const kindLabelId = useId();
  const form = useContractForm({ date: '', kind: 'closed', reason: '', reasonEn: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { date: form.values.date, kind: form.values.kind as 'closed' | 'open', reason: form.values.reason, reasonEn: form.values.reasonEn };
    if (!form.check(methods['calendar.setDay'].input, input)) return;
    setBusy(true);
    setError(null);
    const result = await desk.calendar.setDay(input);
    setBusy(false);
    if (result.ok) {
      onChanged(result.value, input.date);
      form.setValues({ date: '', kind: form.values.kind, reason: '', reasonEn: '' });
    } else if (!form.applyServerError(result.error)) setError(result.error);
  };
  const date = form.text('date');
  return (
    <Paper withBorder p="md" radius="md">
      <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('calendar.add.title')}>
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
              onChange={(v) => form.set('kind', v)}
              data={[
                { value: 'closed', label: t('calendar.add.closed') },
                { value: 'open', label: t('calendar.add.open') },
              ]}
            />
          </Stack>
          <DateField label={t('calendar.add.date')} name="date" value={form.values.date || null} onChange={(v) => form.set('date', v ?? '')} error={date.error} required w={200} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('calendar.add.reason')} placeholder={t('calendar.add.reasonPlaceholder')} required lang="ja" {...form.text('reason')} />
            <TextInput label={t('calendar.add.reasonEn')} placeholder="Office relocation" lang="en" {...form.text('reasonEn')} />
          </SimpleGrid>
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
