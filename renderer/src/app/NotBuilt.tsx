import { EmptyState, Title } from '@mantine/core';
import { IconBarrierBlock } from '@tabler/icons-react';
import type { MessageKey } from '../i18n/catalog.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** Said plainly, so nobody mistakes a missing screen for an empty one. */
export function NotBuilt({ title, feature }: { title: MessageKey; feature: MessageKey }) {
  const t = useT();
  return (
    <>
      <Title order={2} mb="lg">
        {t(title)}
      </Title>
      <EmptyState
        icon={<IconBarrierBlock size={32} aria-hidden />}
        withIndicatorBackground
        title={t('notBuilt.title')}
        description={t('notBuilt.body', { feature: t(feature) })}
        data-testid="not-built"
      />
    </>
  );
}
