// Settings → Mail (supervisors): the desk's SMTP server. The password goes in and never comes out: the
// desk says only whether one is stored, and an empty field keeps it. "Send test email" goes through the
// saved settings and says plainly what the server answered.
import { Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconMailForward, IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type MailSettingsView, type MailTestResult, type MailTlsMode } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';

type Values = { host: string; port: string; tls: string; user: string; password: string };

const toValues = (s: MailSettingsView): Values => ({ host: s.host, port: String(s.port), tls: s.tls, user: s.user, password: '' });
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
  const desk = useDesk();
  const form = useContractForm(toValues(settings));
  const [clearPassword, setClearPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const v = form.values;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      host: v.host,
      port: v.port.trim() === '' ? Number.NaN : Number(v.port),
      tls: v.tls as MailTlsMode,
      user: v.user,
      // Empty keeps the stored password; the box clears it.
      ...(v.password !== '' ? { password: v.password } : clearPassword ? { password: '' } : {}),
    };
    if (!form.check(methods['mail.updateSettings'].input, input)) return;
    setBusy(true);
    setError(null);
    const r = await desk.mail.updateSettings(input);
    setBusy(false);
    if (r.ok) {
      form.setValues(toValues(r.value));
      setClearPassword(false);
      onSaved(r.value);
      notifications.show({ message: t('mailSettings.saved'), color: 'teal' });
    } else if (!form.applyServerError(r.error)) setError(r.error);
  };

  const port = form.text('port');
  const tls = form.text('tls');
  return (
    <form id={form.formId} onSubmit={(e) => void save(e)} noValidate aria-label={t('mailSettings.title')} data-testid="mail-settings">
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
                {...form.text('host')}
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
                name={port.name}
                value={port.value}
                error={port.error}
                onChange={(n) => form.set('port', String(n))}
              />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('mailSettings.tls')}
              data={tlsModes.map((m) => ({ value: m, label: t(`mailSettings.tls.${m}`) }))}
              name={tls.name}
              value={tls.value}
              error={tls.error}
              allowDeselect={false}
              onChange={(x) => {
                if (!x) return;
                const wasUsual = Object.values(usualPort).map(String).includes(v.port);
                form.set('tls', x);
                // The usual port follows the mode, unless someone typed their own.
                if (wasUsual || v.port === '') form.set('port', String(usualPort[x as MailTlsMode]));
              }}
            />
            <TextInput label={t('mailSettings.user')} description={t('mailSettings.userHint')} autoComplete="off" spellCheck={false} {...form.text('user')} />
            <Stack gap={6}>
              <PasswordInput
                label={t('mailSettings.password')}
                description={settings.passwordSet ? t('mailSettings.passwordSet') : t('mailSettings.passwordNotSet')}
                autoComplete="new-password"
                disabled={clearPassword}
                data-testid="mail-password"
                data-password-set={settings.passwordSet}
                {...form.text('password')}
              />
              {settings.passwordSet && (
                <Checkbox size="xs" label={t('mailSettings.clearPassword')} checked={clearPassword} onChange={(e) => setClearPassword(e.currentTarget.checked)} />
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
  const desk = useDesk();
  const form = useContractForm({ to: '' });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MailTestResult | null>(null);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const input = { to: form.values.to };
    if (!form.check(methods['mail.sendTest'].input, input)) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await desk.mail.sendTest(input);
    setBusy(false);
    if (r.ok) setResult(r.value);
    else if (!form.applyServerError(r.error)) setError(r.error);
  };

  return (
    <form id={form.formId} onSubmit={(e) => void send(e)} noValidate aria-label={t('mailSettings.test.title')}>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('mailSettings.test.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {settings.configured ? t('mailSettings.test.intro') : t('mailSettings.test.notConfigured')}
          </Text>
          <Group align="flex-start" gap="sm">
            <TextInput label={t('mailSettings.test.to')} placeholder="you@example.co.jp" autoComplete="email" spellCheck={false} w={340} {...form.text('to')} />
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
          <ErrorAlert error={error} />
        </Stack>
      </Paper>
    </form>
  );
}
