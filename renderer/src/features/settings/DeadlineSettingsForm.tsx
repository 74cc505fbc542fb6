// Business hours, N business days per request type, and when to warn before the APPI Art. 39 mark
// (settings.update). Changing the hours makes the desk recompute every open case's day 0 and due date.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { contactTypes, DEFAULT_REPLY_TARGET_DAYS, requestTypes, type DeskSettings } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { TimeField } from '../../components/TimeField.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { parseTypedTime } from '../../forms/typedInput.ts';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Numbers are numbers; a cleared number box holds '' until something is typed. */
type Count = number | '';
type Values = { open: string; close: string; disclosure: Count; correction: Count; suspension: Count; inquiry: Count; complaint: Count; legalMarkWarnDays: Count };

const toValues = (s: DeskSettings): Values => ({
  open: s.businessHours.open,
  close: s.businessHours.close,
  disclosure: s.daysByType.disclosure,
  correction: s.daysByType.correction,
  suspension: s.daysByType.suspension,
  // Reply targets (issue 19): absent in a desk set up before them, which uses the defaults (3 and 5).
  inquiry: s.replyTargetDays?.inquiry ?? DEFAULT_REPLY_TARGET_DAYS.inquiry,
  complaint: s.replyTargetDays?.complaint ?? DEFAULT_REPLY_TARGET_DAYS.complaint,
  legalMarkWarnDays: s.legalMarkWarnDays,
});

// An empty box is not a number: the schema says so in the field's own words.
const num = (n: Count) => (n === '' ? Number.NaN : n);

export function DeadlineSettingsForm() {
  const query = useDeskQuery('settings.get', {});
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <Loaded initial={toValues(query.data)} />;
}

function Loaded({ initial }: { initial: Values }) {
  const t = useT();
  const { form, formId, onSubmit, busy, error, formProblem } = useDeskForm({
    method: 'settings.update',
    initialValues: initial,
    toInput: (v) => ({
      businessHours: { open: parseTypedTime(v.open) ?? v.open, close: parseTypedTime(v.close) ?? v.close },
      daysByType: { disclosure: num(v.disclosure), correction: num(v.correction), suspension: num(v.suspension) },
      replyTargetDays: { inquiry: num(v.inquiry), complaint: num(v.complaint) },
      legalMarkWarnDays: num(v.legalMarkWarnDays),
    }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved));
      f.resetDirty();
      notifications.show({ message: t('settings.saved'), color: 'teal' });
    },
  });

  const number = (name: Exclude<keyof Values, 'open' | 'close'>, label: string, min: number, max: number, description?: string) => (
    // No clamping on blur: 0 or 400 is refused beside the field with the rule, not silently changed.
    <NumberInput label={label} description={description} min={min} max={max} clampBehavior="none" allowDecimal={false} allowNegative={false} name={name} required {...form.getInputProps(name)} />
  );

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('settings.tab.deadlines')}>
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
              <TimeField label={t('settings.hours.open')} name="open" w={160} required value={form.values.open} onChange={(x) => form.setFieldValue('open', x)} error={form.errors.open} />
              <TimeField label={t('settings.hours.close')} name="close" w={160} required value={form.values.close} onChange={(x) => form.setFieldValue('close', x)} error={form.errors.close} />
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
        <Paper withBorder p="lg" radius="md" data-testid="reply-target-settings">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('settings.replyTargetDays')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('settings.replyTargetDays.hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} maw={640}>
              {contactTypes.map((ct) => (
                <div key={ct}>{number(ct, t(`settings.replyTargetDays.${ct}`), 1, 60)}</div>
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{number('legalMarkWarnDays', t('settings.legalMarkWarnDays'), 0, 14, t('settings.legalMarkWarnDaysHint'))}</SimpleGrid>
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
