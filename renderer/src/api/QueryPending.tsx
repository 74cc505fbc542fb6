// What a screen shows while its desk query is loading or has failed: one place for both.
import { Center, Loader } from '@mantine/core';
import type { DeskErrorData } from '../../../electron/contract/index.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

export function QueryPending({ query }: { query: { error: DeskErrorData | null } }) {
  const t = useT();
  if (query.error) return <ErrorAlert error={query.error} />;
  return (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
