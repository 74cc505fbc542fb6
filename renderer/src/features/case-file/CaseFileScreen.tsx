// One case: header with the deadline the core computed, its warnings, the moves the lifecycle allows
// this person now, and every section of the file (drawn right after the header's first paint). Each
// move answers with the case file as it now stands, which replaces what is on screen.
import { Anchor, Center, Grid, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { startTransition, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CaseAction, CaseFile } from '../../../../electron/contract/index.ts';
import { useQueryClient } from '@tanstack/react-query';
import { deskKey, fileUnderReference, useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { casePath } from '../../app/routes.ts';
import { useNavigateTo, useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ActionModal } from './actions/ActionModal.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { LegalHoldPanel } from '../retention/LegalHoldPanel.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseWarnings } from './CaseWarnings.tsx';
import { DecisionSection } from './sections/DecisionSection.tsx';
import { DeadlineHistorySection } from './sections/DeadlineHistorySection.tsx';
import { FeeSection } from './sections/FeeSection.tsx';
import { IdentitySection } from './sections/IdentitySection.tsx';
import { LinkedCasesSection } from './sections/LinkedCasesSection.tsx';
import { NoticesSection } from './sections/NoticesSection.tsx';
import { OwedNoticesSection } from './sections/OwedNoticesSection.tsx';
import { NotesSection } from './sections/NotesSection.tsx';
import { RequestSection } from './sections/RequestSection.tsx';
import { useSenderWatch } from './useSenderWatch.ts';
import { TimelineSection } from './sections/TimelineSection.tsx';
import { ThreadSection } from './sections/ThreadSection.tsx';

/** A case as a link names it: by reference (the address bar, the palette) or by id (a list row). */
export type CaseLookup = { reference: string } | { id: number };

export function CaseFileScreen({ lookup }: { lookup: CaseLookup }) {
  const { t } = useI18n();
  const { back: goBack } = useShell();
  const query = useDeskQuery('cases.get', lookup);
  const loaded = query.data;
  const navigate = useNavigateTo();
  const client = useQueryClient();
  // Opened by id: the address bar gets the reference (replacing, so Back skips the id form), and the
  // file goes in the cache under it so it is not asked for (and audited) twice. Only once the id's own
  // read has settled: a file cached earlier is shown at once but asked for again, and moving on before
  // that answer came would keep the old file on screen (a case the sender has since notified still
  // showing 'approved').
  const settled = loaded !== undefined && !query.isFetching;
  useEffect(() => {
    if (!settled || !loaded || !('id' in lookup)) return;
    fileUnderReference(client, deskKey('cases.get', lookup));
    navigate(casePath(loaded.case.reference), { replace: true });
  }, [settled, loaded, lookup, navigate, client]);

  // A notice in the mail queue: the sender moves the case in the background; read it again when it has.
  const refetch = query.refetch;
  const readAgain = useCallback(() => void refetch(), [refetch]);
  useSenderWatch(loaded, query.dataUpdatedAt, readAgain);

  const back = (
    <Group>
      <Anchor component="button" type="button" size="sm" onClick={() => goBack({ name: 'queue' })}>
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('caseFile.backToQueue')}
        </Group>
      </Anchor>
    </Group>
  );

  if (query.isPending) {
    return (
      <Stack>
        {back}
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }

  return <CaseFileBody file={query.data} lookup={lookup} back={back} onReadAgain={readAgain} />;
}

/**
 * The lower sections (request, notices, thread, notes, timeline…) come in the render right after the first
 * paint: a case opens with its header, deadline, warnings and moves on screen at once, and the long file
 * (hundreds of nodes for a case with a history) is drawn as a transition straight after, which yields to
 * input. It happens once per mount: a move that answers with the file redraws everything together.
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    // The frame after the commit: the header is painted before the sections are even rendered.
    const frame = requestAnimationFrame(() => startTransition(() => setReady(true)));
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  return ready;
}

function CaseFileBody({ file, lookup, back, onReadAgain }: { file: CaseFile; lookup: CaseLookup; back: ReactNode; onReadAgain: () => void }) {
  const setData = useSetDeskQuery();
  const [action, setAction] = useState<CaseAction | null>(null);
  const sections = useAfterFirstPaint();
  const done = (next: CaseFile, message: string) => {
    setData('cases.get', lookup, next);
    setAction(null);
    notifications.show({ message, color: 'teal' });
  };

  return (
    <Stack
      gap="lg"
      data-testid="case-file"
      data-case-id={file.case.id}
      data-reference={file.case.reference}
      data-status={file.case.status}
      data-sections={sections ? 'all' : 'first'}
    >
      {back}
      <CaseHeader file={file} />
      <CaseWarnings file={file} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          {sections && (
            <Stack gap="lg">
              <OwedNoticesSection file={file} onChanged={onReadAgain} />
              <RequestSection file={file} />
              <LinkedCasesSection file={file} />
              <IdentitySection file={file} />
              {file.fees && <FeeSection ledger={file.fees} />}
              <DecisionSection file={file} />
              <NoticesSection file={file} onChanged={(next) => setData('cases.get', lookup, next)} />
              <ThreadSection file={file} onChanged={(next) => setData('cases.get', lookup, next)} />
              <NotesSection file={file} />
              <DeadlineHistorySection file={file} />
              <TimelineSection file={file} />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="lg">
            <ActionPanel file={file} onAction={setAction} />
            <LegalHoldPanel file={file} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ActionModal file={file} action={action} onClose={() => setAction(null)} onDone={done} />
    </Stack>
  );
}
