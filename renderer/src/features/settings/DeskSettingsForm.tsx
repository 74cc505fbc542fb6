// Desk details, idle lock and default language (settings.get / settings.update).
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { IDLE_LOCK_MINUTES, methods, type DeskErrorData, type DeskSettings, type Locale } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { DeskDetailsFields, deskDetailsValues, type DeskDetailsValues } from './DeskDetailsFields.tsx';

import { QueryPending } from '../../api/QueryPending.tsx';

type SettingsValues = DeskDetailsValues & { idleLockMinutes: string; defaultLocale: string };

const toValues = (s: DeskSettings): SettingsValues => ({
  ...deskDetailsValues(s.desk),
  idleLockMinutes: String(s.idleLockMinutes),
  defaultLocale: s.defaultLocale,
});

export function DeskSettingsForm({ onSaved }: { onSaved: () => void }) {
  const query = useDeskQuery('settings.get', {});
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <LoadedForm initial={toValues(query.data)} onSaved={onSaved} />;
}

function LoadedForm({ initial, onSaved }: { initial: SettingsValues; onSaved: () => void }) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { idleLockMinutes, defaultLocale, ...details } = form.values;
    const input = {
      desk: details,
      idleLockMinutes: idleLockMinutes.trim() === '' ? Number.NaN : Number(idleLockMinutes),
      defaultLocale: defaultLocale as Locale,
    };
    if (!form.check(methods['settings.update'].input, input)) return;
    setBusy(true);
    setError(null);
    const result = await desk.settings.update(input);
    setBusy(false);
    if (result.ok) {
      form.setValues(toValues(result.value));
      notifications.show({ message: t('settings.saved'), color: 'teal' });
      onSaved();
    } else if (!form.applyServerError(result.error)) {
      setError(result.error);
    }
  };

  const idle = form.text('idleLockMinutes');
  return (
    <form id={form.formId} onSubmit={(e) => void save(e)} noValidate aria-label={t('settings.tab.desk')}>
      <Stack gap="lg" maw={900}>
        <Text size="sm" c="dimmed">
          {t('settings.deskIntro')}
        </Text>
        <Paper withBorder p="lg" radius="md">
          <DeskDetailsFields form={form} />
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('settings.idleLockMinutes')}
              description={t('settings.idleLockMinutesHint')}
              // Not clamped: a value outside the range is refused with the range (issue 11), not silently changed.
              clampBehavior="none"
              min={IDLE_LOCK_MINUTES.min}
              max={IDLE_LOCK_MINUTES.max}
              allowDecimal={false}
              allowNegative={false}
              name={idle.name}
              value={idle.value}
              error={idle.error}
              onChange={(v) => form.set('idleLockMinutes', String(v))}
            />
            <Select
              label={t('settings.defaultLocale')}
              description={t('settings.defaultLocaleHint')}
              allowDeselect={false}
              data={[
                { value: 'ja', label: t('language.ja') },
                { value: 'en', label: t('language.en') },
              ]}
              name="defaultLocale"
              value={form.values.defaultLocale}
              onChange={(v) => v && form.set('defaultLocale', v)}
            />
          </SimpleGrid>
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
