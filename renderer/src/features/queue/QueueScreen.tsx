import { EmptyState, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider.tsx';

// Cases arrive with core/cases; until then the queue is honestly empty rather than "not built".
export function QueueScreen() {
  const t = useT();
  return (
    <>
      <Title order={2} mb="lg">
        {t('queue.title')}
      </Title>
      <EmptyState
        icon={<IconInbox size={32} aria-hidden />}
        variant="light"
        title={t('queue.empty.title')}
        description={t('queue.empty.body')}
        data-testid="queue-empty"
      />
    </>
  );
}
