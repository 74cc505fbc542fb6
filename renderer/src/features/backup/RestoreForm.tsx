// First run, "Restore from backup": a backup folder (….pdbackup) and either a staff member's user name
// and password (then that person is logged in) or the desk's recovery key (then the login screen).
// desk.restore checks the backup (manifest, checksums, integrity, version) and never overwrites a desk;
// its refusals are shown beside the field they concern.
import { Anchor, Button, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconRestore } from '@tabler/icons-react';
import { isOneOf, type SessionUser } from '../../../../electron/contract/index.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

const secrets = ['password', 'recoveryKey'] as const;
type Secret = (typeof secrets)[number];

interface Props {
  /** Restored: with a password that person is logged in (user); with the recovery key, null (log in next). */
  onRestored: (user: SessionUser | null) => void;
  onBack: () => void;
}

export function RestoreForm({ onRestored, onBack }: Props) {
  const t = useT();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'desk.restore',
    initialValues: { backupPath: '', secret: 'password' as Secret, username: '', password: '', recoveryKey: '' },
    toInput: (v) =>
      v.secret === 'password' ? { backupPath: v.backupPath, username: v.username, password: v.password } : { backupPath: v.backupPath, recoveryKey: v.recoveryKey },
    onSuccess: (restored) => {
      notifications.show({
        message: restored.user ? t('restore.doneLoggedIn', { n: restored.cases }) : t('restore.doneLogIn', { n: restored.cases }),
        color: 'teal',
        autoClose: 10_000,
      });
      onRestored(restored.user);
    },
    // The desk's reasons (which name the file at fault) go beside their field by the form itself.
  });
  const secret = form.values.secret;

  return (
    <PublicLayout size={560}>
      <Paper withBorder p="xl" radius="md" mt="xl">
        <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('restore.title')} data-testid="restore-form">
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
              {...field('backupPath')}
            />
            <Stack gap={6}>
              <Text size="sm" fw={500} id="restore-secret-label">
                {t('restore.openWith')}
              </Text>
              <SegmentedControl
                aria-labelledby="restore-secret-label"
                value={secret}
                onChange={(x) => isOneOf(secrets, x) && form.setFieldValue('secret', x)}
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
                <TextInput label={t('account.username')} required autoComplete="username" autoCapitalize="none" spellCheck={false} {...field('username')} />
                <PasswordInput label={t('account.password')} required autoComplete="current-password" {...field('password')} />
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
                {...field('recoveryKey')}
              />
            )}
            <FormProblem problem={formProblem} />
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
