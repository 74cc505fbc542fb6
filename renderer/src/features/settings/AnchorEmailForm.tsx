// Settings → security: the address the desk mails the audit log's head to once a day (issue 14; the
// sending is core/audit/anchor-mail.ts). A supervisor's own mailbox outside the desk; empty turns it off.
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DeskSettings } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

const toValues = (s: DeskSettings) => ({ anchorEmail: s.security?.anchorEmail ?? '' });

export function AnchorEmailForm() {
  const query = useDeskQuery('settings.get', {});
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <Loaded initial={toValues(query.data)} />;
}

function Loaded({ initial }: { initial: { anchorEmail: string } }) {
  const t = useT();
  const { form, formId, onSubmit, busy, error, formProblem } = useDeskForm({
    method: 'settings.update',
    initialValues: initial,
    toInput: (v) => ({ security: { anchorEmail: v.anchorEmail.trim() === '' ? null : v.anchorEmail.trim() } }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved));
      f.resetDirty();
      notifications.show({ message: t('settings.saved'), color: 'teal' });
    },
  });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('anchorMail.title')}>
      <Stack gap="xs" maw={640}>
        <Title order={3}>{t('anchorMail.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('anchorMail.intro')}
        </Text>
        <TextInput label={t('anchorMail.address')} description={t('anchorMail.addressHint')} type="email" name="anchorEmail" data-testid="anchor-email" {...form.getInputProps('anchorEmail')} />
        <FormProblem problem={formProblem} />
        {error && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={busy} data-testid="anchor-email-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
