// First run, "Restore from backup": a backup folder (….pdbackup) and either a staff member's user name
// and password (then that person is logged in) or the desk's recovery key (then the login screen).
// desk.restore checks the backup (manifest, checksums, integrity, version) and never overwrites a desk;
// its refusals are shown beside the field they concern.
import { Anchor, Button, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconRestore } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type SessionUser } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

type Secret = 'password' | 'recoveryKey';

interface Props {
  /** Restored: with a password that person is logged in (user); with the recovery key, null (log in next). */
  onRestored: (user: SessionUser | null) => void;
  onBack: () => void;
}

export function RestoreForm({ onRestored, onBack }: Props) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm({ backupPath: '', username: '', password: '', recoveryKey: '' });
  const [secret, setSecret] = useState<Secret>('password');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const v = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input =
      secret === 'password' ? { backupPath: v.backupPath, username: v.username, password: v.password } : { backupPath: v.backupPath, recoveryKey: v.recoveryKey };
    if (!form.check(methods['desk.restore'].input, input)) return;
    setBusy(true);
    setError(null);
    const r = await desk.desk.restore(input);
    setBusy(false);
    if (r.ok) {
      notifications.show({
        message: r.value.user ? t('restore.doneLoggedIn', { n: r.value.cases }) : t('restore.doneLogIn', { n: r.value.cases }),
        color: 'teal',
        autoClose: 10_000,
      });
      onRestored(r.value.user);
      return;
    }
    // The desk's reason (which names the file at fault), worded beside its field.
    if (!form.applyServerError(r.error)) setError(r.error);
  };

  return (
    <PublicLayout size={560}>
      <Paper withBorder p="xl" radius="md" mt="xl">
        <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('restore.title')} data-testid="restore-form">
          <Stack gap="md">
            <Title order={2}>{t('restore.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('restore.intro')}
            </Text>
            <TextInput
              label={t('restore.backupPath')}
              description={t('restore.backupPathHint')}
              placeholder={t('restore.backupPathPlaceholder')}
              required
              autoComplete="off"
              spellCheck={false}
              autoFocus
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.text('backupPath')}
            />
            <Stack gap={6}>
              <Text size="sm" fw={500} id="restore-secret-label">
                {t('restore.openWith')}
              </Text>
              <SegmentedControl
                aria-labelledby="restore-secret-label"
                value={secret}
                onChange={(x) => setSecret(x as Secret)}
                data={[
                  { value: 'password', label: t('restore.withPassword') },
                  { value: 'recoveryKey', label: t('restore.withRecoveryKey') },
                ]}
                fullWidth
              />
              <Text size="xs" c="dimmed">
                {secret === 'password' ? t('restore.withPasswordHint') : t('restore.withRecoveryKeyHint')}
              </Text>
            </Stack>
            {secret === 'password' ? (
              <>
                <TextInput label={t('account.username')} required autoComplete="username" autoCapitalize="none" spellCheck={false} {...form.text('username')} />
                <PasswordInput label={t('account.password')} required autoComplete="current-password" {...form.text('password')} />
              </>
            ) : (
              <TextInput
                label={t('recover.key')}
                description={t('recover.keyHint')}
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
                {...form.text('recoveryKey')}
              />
            )}
            <ErrorAlert error={error} />
            <Button type="submit" loading={busy} fullWidth leftSection={<IconRestore size={18} aria-hidden />}>
              {t('restore.submit')}
            </Button>
            {busy && (
              <Text size="xs" c="dimmed" ta="center" role="status">
                {t('restore.working')}
              </Text>
            )}
            <Group justify="center">
              <Anchor component="button" type="button" size="sm" onClick={onBack} disabled={busy}>
                <Group gap={4}>
                  <IconArrowLeft size={14} aria-hidden />
                  {t('restore.back')}
                </Group>
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </PublicLayout>
  );
}
