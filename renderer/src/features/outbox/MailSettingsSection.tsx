// Settings → Mail (supervisors): the desk's SMTP server. The password goes in and never comes out: the
// desk says only whether one is stored, and an empty field keeps it. "Send test email" goes through the
// saved settings and says plainly what the server answered.
import { Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconMailForward, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { MailSettingsView, MailTestResult, MailTlsMode } from '../../../../electron/contract/index.ts';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';

type Values = { host: string; port: number | string; tls: MailTlsMode; user: string; password: string; clearPassword: boolean };

const toValues = (s: MailSettingsView): Values => ({ host: s.host, port: s.port, tls: s.tls, user: s.user, password: '', clearPassword: false });
/** NumberInput's value: a number, or the text of a field left empty (refused by the schema, not read as 0). */
const numberOf = (n: number | string) => (typeof n === 'number' ? n : n.trim() === '' ? Number.NaN : Number(n));
const tlsModes: MailTlsMode[] = ['starttls', 'tls', 'none'];
const usualPort: Record<MailTlsMode, number> = { starttls: 587, tls: 465, none: 25 };

export function MailSettingsSection() {
  const query = useDeskQuery('mail.getSettings', {});
  const setData = useSetDeskQuery();
  if (!query.isSuccess) return <QueryPending query={query} />;
  return (
    <Stack gap="lg" maw={900}>
      <ServerForm settings={query.data} onSaved={(s) => setData('mail.getSettings', {}, s)} />
      <TestMail settings={query.data} />
    </Stack>
  );
}

function ServerForm({ settings, onSaved }: { settings: MailSettingsView; onSaved: (s: MailSettingsView) => void }) {
  const t = useT();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'mail.updateSettings',
    initialValues: toValues(settings),
    toInput: (v) => ({
      host: v.host,
      port: numberOf(v.port),
      tls: v.tls,
      user: v.user,
      // Empty keeps the stored password; the box clears it.
      ...(v.password !== '' ? { password: v.password } : v.clearPassword ? { password: '' } : {}),
    }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved));
      onSaved(saved);
      notifications.show({ message: t('mailSettings.saved'), color: 'teal' });
    },
  });
  const v = form.values;
  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('mailSettings.title')} data-testid="mail-settings">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('mailSettings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mailSettings.intro', { from: settings.from })}
          </Text>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label={t('mailSettings.host')}
                description={t('mailSettings.hostHint')}
                placeholder="smtp.example.co.jp"
                autoComplete="off"
                spellCheck={false}
                {...field('host')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('mailSettings.port')}
                description={t('mailSettings.portHint')}
                min={1}
                max={65535}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                name="port"
                {...form.getInputProps('port')}
              />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('mailSettings.tls')}
              data={tlsModes.map((m) => ({ value: m, label: t(`mailSettings.tls.${m}`) }))}
              name="tls"
              value={v.tls}
              error={form.errors.tls}
              allowDeselect={false}
              onChange={(x) => {
                const mode = tlsModes.find((m) => m === x);
                if (!mode) return;
                const wasUsual = Object.values(usualPort).map(String).includes(String(v.port));
                form.setFieldValue('tls', mode);
                // The usual port follows the mode, unless someone typed their own.
                if (wasUsual || v.port === '') form.setFieldValue('port', usualPort[mode]);
              }}
            />
            <TextInput label={t('mailSettings.user')} description={t('mailSettings.userHint')} autoComplete="off" spellCheck={false} {...field('user')} />
            <Stack gap={6}>
              <PasswordInput
                label={t('mailSettings.password')}
                description={settings.passwordSet ? t('mailSettings.passwordSet') : t('mailSettings.passwordNotSet')}
                autoComplete="new-password"
                disabled={v.clearPassword}
                data-testid="mail-password"
                data-password-set={settings.passwordSet}
                {...field('password')}
              />
              {settings.passwordSet && (
                <Checkbox size="xs" label={t('mailSettings.clearPassword')} {...form.getInputProps('clearPassword', { type: 'checkbox' })} />
              )}
            </Stack>
          </SimpleGrid>
          {v.tls === 'none' && v.host !== '' && v.host !== '127.0.0.1' && v.host !== 'localhost' && (
            <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />}>
              {t('mailSettings.noTlsWarning')}
            </Alert>
          )}
          {settings.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('mailSettings.updated')} <JapanDateTime at={settings.updatedAt} />
              {settings.updatedBy ? ` · ${settings.updatedBy}` : ''}
            </Text>
          )}
          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

function TestMail({ settings }: { settings: MailSettingsView }) {
  const { t, say } = useI18n();
  // What the server answered (sent or not): shown until the next try.
  const [result, setResult] = useState<MailTestResult | null>(null);
  const { formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'mail.sendTest',
    initialValues: { to: '' },
    toInput: (v) => v,
    beforeSend: (_input, send) => {
      setResult(null);
      send();
    },
    onSuccess: setResult,
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('mailSettings.test.title')}>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('mailSettings.test.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {settings.configured ? t('mailSettings.test.intro') : t('mailSettings.test.notConfigured')}
          </Text>
          <Group align="flex-start" gap="sm">
            <TextInput label={t('mailSettings.test.to')} placeholder="you@example.co.jp" autoComplete="email" spellCheck={false} w={340} {...field('to')} />
            <Button type="submit" mt={25} loading={busy} disabled={!settings.configured} leftSection={<IconMailForward size={16} aria-hidden />}>
              {t('mailSettings.test.send')}
            </Button>
          </Group>
          {result && (
            <Alert
              variant="light"
              color={result.sent ? 'teal' : 'red'}
              icon={result.sent ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
              title={result.sent ? t('mailSettings.test.sent') : t('mailSettings.test.failed')}
              data-testid="mail-test-result"
              data-sent={result.sent}
              role="status"
            >
              {result.failure && <Text size="sm">{say(result.failure)}</Text>}
              {result.serverResponse && (
                <Text size="xs" c="dimmed" mt={4} ff="monospace">
                  {t('mailStatus.serverSaid', { message: result.serverResponse })}
                </Text>
              )}
            </Alert>
          )}
          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
        </Stack>
      </Paper>
    </form>
  );
}
