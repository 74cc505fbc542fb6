// Legal hold in the case file (issue 16): a supervisor places or lifts the hold that keeps the retention
// purge away from this case, saying why (the reason goes on the timeline and into the audit log). Everyone
// sees whether the case is held; only supervisors get the button.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import type { CaseFile } from '../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

export function LegalHoldPanel({ file }: { file: CaseFile }) {
  const t = useT();
  const { user } = useShell();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const setHold = useDeskMutation('retention.setLegalHold', {
    onSuccess: () => {
      setOpen(false);
      setReason('');
    },
  });
  const error = setHold.error;
  const busy = setHold.isPending;
  const hold = file.legalHold;
  const supervisor = user.role === 'supervisor';
  if (!hold && !supervisor) return null;

  const submit = () => setHold.mutate({ id: file.case.id, hold: hold === null, reason });

  return (
    <Paper withBorder p="md" radius="md" data-testid="legal-hold" data-held={hold !== null}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('legalHold.title')}
        </Title>
        {hold ? (
          <Alert color="grape" icon={<IconLock size={18} aria-hidden />} p="xs">
            <Text size="sm" fw={600}>
              {t('legalHold.held')}
            </Text>
            {hold.reason && <Text size="sm" data-testid="legal-hold-reason">{hold.reason}</Text>}
            {hold.since && (
              <Text size="xs" c="dimmed">
                {hold.by ?? ''} <JapanDateTime at={hold.since} size="xs" span />
              </Text>
            )}
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('legalHold.explain')}
          </Text>
        )}
        {supervisor && (
          <Group>
            <Button
              variant="default"
              leftSection={hold ? <IconLockOpen size={16} aria-hidden /> : <IconLock size={16} aria-hidden />}
              onClick={() => setOpen(true)}
              data-testid="legal-hold-toggle"
            >
              {hold ? t('legalHold.lift') : t('legalHold.place')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={hold ? t('legalHold.lift') : t('legalHold.place')}>
        <Stack>
          {error && <ErrorAlert error={error} />}
          <Text size="sm">{hold ? t('legalHold.liftExplain') : t('legalHold.explain')}</Text>
          <Textarea label={t('legalHold.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={500} required data-autofocus data-testid="legal-hold-reason-input" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color={hold ? undefined : 'grape'} onClick={submit} loading={busy} disabled={reason.trim() === ''} data-testid="legal-hold-submit">
              {hold ? t('legalHold.lift') : t('legalHold.place')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
