// On the first-run screen: the way to a restore instead of a new desk.
import { Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider.tsx';

export function RestoreLink({ onRestore }: { onRestore: () => void }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="wrap" mt={4}>
      <Text size="sm" c="dimmed">
        {t('restore.fromSetupHint')}
      </Text>
      <Button variant="light" size="compact-sm" leftSection={<IconRestore size={14} aria-hidden />} onClick={onRestore} data-testid="restore-from-backup">
        {t('restore.fromSetup')}
      </Button>
    </Group>
  );
}
