// How notices go out and what letters say about the desk (issue 10): acknowledgements sent automatically
// when online (default off: staff review), the responsible person printed on letters (empty: no line),
// and the bank account the documents/fee request names. The contract normalises full-width digits.
import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings } from '../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';

export function NoticeSettingsSection() {
  const query = useDeskQuery('settings.get', {});
  if (query.isPending) return null;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <NoticeSettingsForm initial={query.data.notices ?? { ...DEFAULT_NOTICE_SETTINGS, feePayment: { ...DEFAULT_NOTICE_SETTINGS.feePayment } }} />;
}

function NoticeSettingsForm({ initial }: { initial: NoticeSettings }) {
  const { t } = useI18n();
  const [v, setV] = useState<NoticeSettings>(initial);
  const update = useDeskMutation('settings.update', {
    onSuccess: (saved) => {
      if (saved.notices) setV(saved.notices);
      notifications.show({ message: t('settings.notices.saved'), color: 'teal' });
    },
  });
  const busy = update.isPending;
  const error = update.error;
  const pay = (k: keyof NoticeSettings['feePayment'], value: string | number) => setV((x) => ({ ...x, feePayment: { ...x.feePayment, [k]: value } }));
  const save = () => update.mutate({ notices: v });
  return (
    <Paper withBorder p="lg" radius="md" data-testid="notice-settings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.notices.title')}
        </Title>
        <Checkbox label={t('settings.notices.autoSend')} description={t('settings.notices.autoSendHint')} checked={v.autoSendAcknowledgements} onChange={(e) => setV((x) => ({ ...x, autoSendAcknowledgements: e.currentTarget.checked }))} />
        <TextInput label={t('settings.notices.responsiblePerson')} description={t('settings.notices.responsiblePersonHint')} lang="ja" value={v.responsiblePerson} onChange={(e) => setV((x) => ({ ...x, responsiblePerson: e.currentTarget.value }))} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('settings.notices.bankName')} lang="ja" value={v.feePayment.bankName} onChange={(e) => pay('bankName', e.currentTarget.value)} />
          <TextInput label={t('settings.notices.branchName')} lang="ja" value={v.feePayment.branchName} onChange={(e) => pay('branchName', e.currentTarget.value)} />
          <Select
            label={t('settings.notices.accountType')}
            value={v.feePayment.accountType}
            allowDeselect={false}
            data={[
              { value: 'ordinary', label: t('settings.notices.accountType.ordinary') },
              { value: 'current', label: t('settings.notices.accountType.current') },
            ]}
            onChange={(x) => pay('accountType', x ?? 'ordinary')}
          />
          <TextInput label={t('settings.notices.accountNumber')} inputMode="numeric" value={v.feePayment.accountNumber} onChange={(e) => pay('accountNumber', e.currentTarget.value)} />
          <TextInput label={t('settings.notices.accountHolder')} lang="ja" value={v.feePayment.accountHolder} onChange={(e) => pay('accountHolder', e.currentTarget.value)} />
          <NumberInput label={t('settings.notices.deadlineDays')} min={1} max={60} value={v.feePayment.deadlineDays} onChange={(x) => pay('deadlineDays', typeof x === 'number' ? x : 10)} />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button onClick={save} loading={busy}>
            {t('settings.notices.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
