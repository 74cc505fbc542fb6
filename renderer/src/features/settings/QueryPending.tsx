// What a screen shows while its desk query is loading or has failed: one place for both.
import { Center, Loader } from '@mantine/core';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import type { Query } from './useDeskQuery.ts';

export function QueryPending({ query }: { query: Exclude<Query<unknown>, { status: 'ready' }> }) {
  if (query.status === 'error') return <ErrorAlert error={query.error} />;
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}
