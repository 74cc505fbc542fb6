// Desk details, idle lock and default language (settings.get / settings.update).
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IDLE_LOCK_MINUTES, isOneOf, type DeskSettings, type Locale } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { locales } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { DeskDetailsFields, deskDetailsValues, type DeskDetailsValues } from './DeskDetailsFields.tsx';

type SettingsValues = DeskDetailsValues & { idleLockMinutes: number | ''; defaultLocale: Locale };

const toValues = (s: DeskSettings): SettingsValues => ({
  ...deskDetailsValues(s.desk),
  idleLockMinutes: s.idleLockMinutes,
  defaultLocale: s.defaultLocale,
});

export function DeskSettingsForm({ onSaved }: { onSaved: () => void }) {
  const query = useDeskQuery('settings.get', {});
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <LoadedForm initial={toValues(query.data)} onSaved={onSaved} />;
}

function LoadedForm({ initial, onSaved }: { initial: SettingsValues; onSaved: () => void }) {
  const t = useT();
  const { form, formId, onSubmit, busy, error, formProblem } = useDeskForm({
    method: 'settings.update',
    initialValues: initial,
    toInput: ({ idleLockMinutes, defaultLocale, ...details }) => ({
      desk: details,
      idleLockMinutes: idleLockMinutes === '' ? Number.NaN : idleLockMinutes,
      defaultLocale,
    }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved));
      notifications.show({ message: t('settings.saved'), color: 'teal' });
      onSaved();
    },
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('settings.tab.desk')}>
      <Stack gap="lg" maw={900}>
        <Text size="sm" c="dimmed">
          {t('settings.deskIntro')}
        </Text>
        <Paper withBorder p="lg" radius="md">
          <DeskDetailsFields field={(name) => ({ name, ...form.getInputProps(name) })} />
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
              name="idleLockMinutes"
              {...form.getInputProps('idleLockMinutes')}
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
              onChange={(v) => isOneOf(locales, v) && form.setFieldValue('defaultLocale', v)}
            />
          </SimpleGrid>
        </Paper>
        <FormProblem problem={formProblem} />
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
