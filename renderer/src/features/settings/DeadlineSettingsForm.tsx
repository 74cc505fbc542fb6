// Business hours, N business days per request type, and when to warn before the APPI Art. 39 mark
// (settings.update). Changing the hours makes the desk recompute every open case's day 0 and due date.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { methods, requestTypes, type DeskErrorData, type DeskSettings } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { TimeField } from '../../components/TimeField.tsx';
import { parseTypedTime } from '../../forms/typedInput.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

import { QueryPending } from '../../api/QueryPending.tsx';

type Values = { open: string; close: string; disclosure: string; correction: string; suspension: string; legalMarkWarnDays: string };

const toValues = (s: DeskSettings): Values => ({
  open: s.businessHours.open,
  close: s.businessHours.close,
  disclosure: String(s.daysByType.disclosure),
  correction: String(s.daysByType.correction),
  suspension: String(s.daysByType.suspension),
  legalMarkWarnDays: String(s.legalMarkWarnDays),
});

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function DeadlineSettingsForm() {
  const query = useDeskQuery('settings.get', {});
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <Loaded initial={toValues(query.data)} />;
}

function Loaded({ initial }: { initial: Values }) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const v = form.values;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      businessHours: { open: parseTypedTime(v.open) ?? v.open, close: parseTypedTime(v.close) ?? v.close },
      daysByType: { disclosure: num(v.disclosure), correction: num(v.correction), suspension: num(v.suspension) },
      legalMarkWarnDays: num(v.legalMarkWarnDays),
    };
    if (!form.check(methods['settings.update'].input, input)) return;
    setBusy(true);
    setError(null);
    const result = await desk.settings.update(input);
    setBusy(false);
    if (result.ok) {
      form.setValues(toValues(result.value));
      notifications.show({ message: t('settings.saved'), color: 'teal' });
    } else if (!form.applyServerError(result.error)) setError(result.error);
  };

  const number = (name: keyof Values, label: string, min: number, max: number, description?: string) => {
    const f = form.text(name);
    return (
      <NumberInput
        label={label}
        description={description}
        min={min}
        max={max}
        allowDecimal={false}
        allowNegative={false}
        name={f.name}
        value={f.value}
        error={f.error}
        onChange={(n) => form.set(name, String(n))}
        required
      />
    );
  };

  const open = form.text('open');
  const close = form.text('close');
  return (
    <form id={form.formId} onSubmit={(e) => void save(e)} noValidate aria-label={t('settings.tab.deadlines')}>
      <Stack gap="lg" maw={900}>
        <Text size="sm" c="dimmed">
          {t('settings.deadlines.intro')}
        </Text>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('settings.hours.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('settings.hours.hint')}
            </Text>
            <Group gap="md" align="flex-start">
              <TimeField label={t('settings.hours.open')} name={open.name} value={open.value} onChange={(x) => form.set('open', x)} error={open.error} w={160} required />
              <TimeField label={t('settings.hours.close')} name={close.name} value={close.value} onChange={(x) => form.set('close', x)} error={close.error} w={160} required />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('settings.days.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('settings.days.hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} maw={640}>
              {requestTypes.map((rt) => (
                <div key={rt}>{number(rt, t('settings.days.for', { type: t(`type.${rt}`) }), 1, 60)}</div>
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{number('legalMarkWarnDays', t('settings.legalMarkWarnDays'), 0, 14, t('settings.legalMarkWarnDaysHint'))}</SimpleGrid>
        </Paper>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
