// Settings → Mail (supervisors), below the SMTP server: the desk's mailbox (IMAP). The password goes in
// and never comes out; an empty field keeps the stored one. Saving makes the desk try again at once
// (a refused login is tried only after the settings change).
import { Button, Grid, Group, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MailboxSettingsView } from '../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';

type Tls = MailboxSettingsView['tls'];
type Values = {
  host: string;
  port: number | string;
  tls: Tls;
  user: string;
  password: string;
  folder: string;
  afterFetch: MailboxSettingsView['afterFetch'];
  moveTo: string;
  maxMessageMb: number | string;
};
const toValues = (s: MailboxSettingsView): Values => ({ host: s.host, port: s.port, tls: s.tls, user: s.user, password: '', folder: s.folder, afterFetch: s.afterFetch, moveTo: s.moveTo, maxMessageMb: s.maxMessageMb });
/** NumberInput's value: a number, or the text of a field left empty (refused by the schema, not read as 0). */
const numberOf = (n: number | string) => (typeof n === 'number' ? n : n.trim() === '' ? Number.NaN : Number(n));
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
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'mailbox.updateSettings',
    initialValues: toValues(settings),
    toInput: (v) => ({
      host: v.host,
      port: numberOf(v.port),
      tls: v.tls,
      user: v.user,
      ...(v.password !== '' ? { password: v.password } : {}),
      folder: v.folder,
      afterFetch: v.afterFetch,
      moveTo: v.moveTo,
      maxMessageMb: numberOf(v.maxMessageMb),
    }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved));
      onSaved(saved);
      notifications.show({ message: t('mailboxSettings.saved'), color: 'teal' });
    },
  });
  const v = form.values;
  const numberField = (name: 'port' | 'maxMessageMb') => ({ name, ...form.getInputProps(name) });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('mailboxSettings.title')} data-testid="mailbox-settings">
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
              error={form.errors.tls}
              allowDeselect={false}
              onChange={(x) => {
                const mode = tlsModes.find((m) => m === x);
                if (!mode) return;
                // The port follows the mode while it is one of the usual ports (or empty); a port of one's own stays.
                const wasUsual = Object.values(usualPort).map(String).includes(String(v.port));
                form.setFieldValue('tls', mode);
                if (wasUsual || v.port === '') form.setFieldValue('port', usualPort[mode]);
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
              onChange={(x) => (x === 'move' || x === 'seen') && form.setFieldValue('afterFetch', x)}
            />
            <TextInput label={t('mailboxSettings.moveTo')} spellCheck={false} disabled={v.afterFetch !== 'move'} {...field('moveTo')} />
          </SimpleGrid>
          <NumberInput label={t('mailboxSettings.maxMessageMb')} description={t('mailboxSettings.maxHint')} min={1} max={200} allowDecimal={false} allowNegative={false} maw={320} {...numberField('maxMessageMb')} />
          <FormProblem problem={formProblem} />
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
