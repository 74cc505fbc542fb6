// How notices go out and what letters say about the desk (issue 10): acknowledgements sent automatically
// when online (default off: staff review), the responsible person printed on letters (empty: no line),
// and the bank account the documents/fee request names. The contract normalises full-width digits.
import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings } from '../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';

export function NoticeSettingsSection() {
  const query = useDeskQuery('settings.get', {});
  if (query.isPending) return null;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <NoticeSettingsForm initial={query.data.notices ?? { ...DEFAULT_NOTICE_SETTINGS, feePayment: { ...DEFAULT_NOTICE_SETTINGS.feePayment } }} />;
}

// The values are the settings as stored, nested (feePayment.*): @mantine/form binds nested paths, and the
// contract's own schema (settings.update's `notices`) checks them before sending; a problem shows beside
// its field ('feePayment.accountNumber') whether the screen's check or the desk's gate found it.
// (A mapped copy of the type: a form's values are a plain record, which an interface is not.)
type Values = { [K in keyof NoticeSettings]: NoticeSettings[K] };

function NoticeSettingsForm({ initial }: { initial: Values }) {
  const { t } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'settings.update',
    initialValues: initial,
    toInput: (notices) => ({ notices }),
    onSuccess: (saved, _input, f) => {
      if (saved.notices) f.setValues(saved.notices);
      notifications.show({ message: t('settings.notices.saved'), color: 'teal' });
    },
  });
  return (
    <Paper withBorder p="lg" radius="md" data-testid="notice-settings">
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('settings.notices.title')}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('settings.notices.title')}
          </Title>
          <Checkbox label={t('settings.notices.autoSend')} description={t('settings.notices.autoSendHint')} {...form.getInputProps('autoSendAcknowledgements', { type: 'checkbox' })} />
          <TextInput label={t('settings.notices.responsiblePerson')} description={t('settings.notices.responsiblePersonHint')} lang="ja" {...field('responsiblePerson')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('settings.notices.bankName')} lang="ja" {...field('feePayment.bankName')} />
            <TextInput label={t('settings.notices.branchName')} lang="ja" {...field('feePayment.branchName')} />
            <Select
              label={t('settings.notices.accountType')}
              allowDeselect={false}
              data={[
                { value: 'ordinary', label: t('settings.notices.accountType.ordinary') },
                { value: 'current', label: t('settings.notices.accountType.current') },
              ]}
              {...form.getInputProps('feePayment.accountType')}
            />
            <TextInput label={t('settings.notices.accountNumber')} inputMode="numeric" {...field('feePayment.accountNumber')} />
            <TextInput label={t('settings.notices.accountHolder')} lang="ja" {...field('feePayment.accountHolder')} />
            <NumberInput label={t('settings.notices.deadlineDays')} min={1} max={60} {...form.getInputProps('feePayment.deadlineDays')} />
          </SimpleGrid>
          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('settings.notices.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
