// Settings → Mail (supervisors), below the SMTP server: the desk's mailbox (IMAP). The password goes in
// and never comes out; an empty field keeps the stored one. Saving makes the desk try again at once
// (a refused login is tried only after the settings change).
import { Button, Grid, Group, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type MailboxSettingsView } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';

type Tls = MailboxSettingsView['tls'];
type Values = { host: string; port: string; tls: string; user: string; password: string; folder: string; afterFetch: string; moveTo: string; maxMessageMb: string };
const toValues = (s: MailboxSettingsView): Values => ({ host: s.host, port: String(s.port), tls: s.tls, user: s.user, password: '', folder: s.folder, afterFetch: s.afterFetch, moveTo: s.moveTo, maxMessageMb: String(s.maxMessageMb) });
const tlsModes: Tls[] = ['tls', 'starttls', 'none'];
const usualPort: Record<Tls, number> = { tls: 993, starttls: 143, none: 143 };

export function MailboxSettingsSection() {
  const query = useDeskQuery('mailbox.getSettings', {});
  const setData = useSetDeskQuery();
  if (!query.isSuccess) return <QueryPending query={query} />;
  return <MailboxForm settings={query.data} onSaved={(s) => setData('mailbox.getSettings', {}, s)} />;
}

function MailboxForm({ settings, onSaved }: { settings: MailboxSettingsView; onSaved: (s: MailboxSettingsView) => void }) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm(toValues(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const v = form.values;
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      host: v.host,
      port: num(v.port),
      tls: v.tls as Tls,
      user: v.user,
      ...(v.password !== '' ? { password: v.password } : {}),
      folder: v.folder,
      afterFetch: v.afterFetch as 'move' | 'seen',
      moveTo: v.moveTo,
      maxMessageMb: num(v.maxMessageMb),
    };
    if (!form.check(methods['mailbox.updateSettings'].input, input)) return;
    setBusy(true);
    setError(null);
    const r = await desk.mailbox.updateSettings(input);
    setBusy(false);
    if (r.ok) {
      form.setValues(toValues(r.value));
      onSaved(r.value);
      notifications.show({ message: t('mailboxSettings.saved'), color: 'teal' });
    } else if (!form.applyServerError(r.error)) setError(r.error);
  };

  const field = (name: keyof Values) => form.text(name);
  const numberField = (name: 'port' | 'maxMessageMb') => {
    const f = form.text(name);
    return { name: f.name, value: f.value, error: f.error, onChange: (n: string | number) => form.set(name, String(n)) };
  };
  return (
    <form id={form.formId} onSubmit={(e) => void save(e)} noValidate aria-label={t('mailboxSettings.title')} data-testid="mailbox-settings">
      <Paper withBorder p="lg" radius="md" maw={900}>
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('mailboxSettings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mailboxSettings.intro')}
          </Text>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('mailboxSettings.host')} placeholder="imap.example.co.jp" autoComplete="off" spellCheck={false} {...field('host')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label={t('mailboxSettings.port')} min={1} max={65535} allowDecimal={false} allowNegative={false} thousandSeparator={false} {...numberField('port')} />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('mailboxSettings.tls')}
              data={tlsModes.map((m) => ({ value: m, label: t(`mailboxSettings.tls.${m}`) }))}
              value={v.tls}
              error={field('tls').error}
              allowDeselect={false}
              onChange={(x) => {
                if (!x) return;
                const wasUsual = Object.values(usualPort).map(String).includes(v.port);
                form.set('tls', x);
                if (wasUsual || v.port === '') form.set('port', String(usualPort[x as Tls]));
              }}
            />
            <TextInput label={t('mailboxSettings.user')} autoComplete="off" spellCheck={false} {...field('user')} />
            <PasswordInput label={t('mailboxSettings.password')} description={settings.passwordSet ? t('mailboxSettings.passwordKept') : undefined} autoComplete="new-password" {...field('password')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('mailboxSettings.folder')} spellCheck={false} {...field('folder')} />
            <Select
              label={t('mailboxSettings.afterFetch')}
              data={(['seen', 'move'] as const).map((m) => ({ value: m, label: t(`mailboxSettings.afterFetch.${m}`) }))}
              value={v.afterFetch}
              allowDeselect={false}
              onChange={(x) => x && form.set('afterFetch', x)}
            />
            <TextInput label={t('mailboxSettings.moveTo')} spellCheck={false} disabled={v.afterFetch !== 'move'} {...field('moveTo')} />
          </SimpleGrid>
          <NumberInput label={t('mailboxSettings.maxMessageMb')} description={t('mailboxSettings.maxHint')} min={1} max={200} allowDecimal={false} allowNegative={false} maw={320} {...numberField('maxMessageMb')} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('mailboxSettings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
