// A one-time password is shown once, to the supervisor, to hand over in person. The modal cannot be
// dismissed by a stray click outside, so nobody loses it by accident.
import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { OneTimePassword } from '../../../../electron/contract/index.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

export function OneTimePasswordModal({ otp, name, onDone }: { otp: OneTimePassword | null; name: string; onDone: () => void }) {
  const t = useT();
  return (
    <Modal opened={otp !== null} onClose={onDone} title={t('oneTimePassword.title')} closeOnClickOutside={false} centered size="lg">
      {otp && (
        <Stack gap="md">
          <Text size="sm">{t('oneTimePassword.body', { name })}</Text>
          {/* Shown whole: it wraps at its hyphens rather than scroll out of sight (issue 11), the copy button below. */}
          <Stack gap="sm" align="stretch">
            <Code
              block
              fz={22}
              fw={700}
              style={{ letterSpacing: '0.08em', textAlign: 'center', whiteSpace: 'normal', overflowWrap: 'anywhere', overflow: 'visible' }}
              aria-label={t('oneTimePassword.label', { name })}
              data-testid="one-time-password"
            >
              {otp.oneTimePassword}
            </Code>
            <CopyButton value={otp.oneTimePassword}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} data-testid="copy-one-time-password" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onDone}>{t('oneTimePassword.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
