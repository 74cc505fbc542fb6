// One case: header with the deadline the core computed, its warnings, the moves the lifecycle allows
// this person now, and every section of the file. Each move answers with the case file as it now
// stands, which replaces what is on screen.
import { Anchor, Center, Grid, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { CaseAction, CaseFile } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDeskQuery } from '../settings/useDeskQuery.ts';
import { ActionModal } from './actions/ActionModal.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseWarnings } from './CaseWarnings.tsx';
import { DecisionSection } from './sections/DecisionSection.tsx';
import { DeadlineHistorySection } from './sections/DeadlineHistorySection.tsx';
import { FeeSection } from './sections/FeeSection.tsx';
import { IdentitySection } from './sections/IdentitySection.tsx';
import { NoticesSection } from './sections/NoticesSection.tsx';
import { NotesSection } from './sections/NotesSection.tsx';
import { RequestSection } from './sections/RequestSection.tsx';
import { TimelineSection } from './sections/TimelineSection.tsx';
import { ThreadSection } from './sections/ThreadSection.tsx';

export function CaseFileScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { go } = useShell();
  const [query, , setQuery] = useDeskQuery(useCallback(() => desk.cases.get({ id }), [desk, id]));
  const [action, setAction] = useState<CaseAction | null>(null);

  const back = (
    <Group>
      <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'queue' })}>
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('caseFile.backToQueue')}
        </Group>
      </Anchor>
    </Group>
  );

  if (query.status === 'loading') {
    return (
      <Stack>
        {back}
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      </Stack>
    );
  }
  if (query.status === 'error') {
    return (
      <Stack>
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }

  const file = query.value;
  const done = (next: CaseFile, message: string) => {
    setQuery({ status: 'ready', value: next });
    setAction(null);
    notifications.show({ message, color: 'teal' });
  };

  return (
    <Stack gap="lg" data-testid="case-file" data-case-id={file.case.id} data-reference={file.case.reference} data-status={file.case.status}>
      {back}
      <CaseHeader file={file} />
      <CaseWarnings file={file} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="lg">
            <RequestSection file={file} />
            <IdentitySection file={file} />
            {file.fees && <FeeSection ledger={file.fees} />}
            <DecisionSection file={file} />
            <NoticesSection file={file} onChanged={(next) => setQuery({ status: 'ready', value: next })} />
            <ThreadSection file={file} onChanged={(next) => setQuery({ status: 'ready', value: next })} />
            <NotesSection file={file} />
            <DeadlineHistorySection file={file} />
            <TimelineSection file={file} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <ActionPanel file={file} onAction={setAction} />
        </Grid.Col>
      </Grid>
      <ActionModal file={file} action={action} onClose={() => setAction(null)} onDone={done} />
    </Stack>
  );
}
