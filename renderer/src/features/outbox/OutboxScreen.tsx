// The Outbox: every notice going out by email, with its state, tries, next try and last error in plain
// words, filtered by state. A message opens for review and editing; the screen offers only what the
// core allows (allowedActions). The mail server's status is asked again every 15 s (faster while the
// desk is sending), and the list follows whenever the counts move.
import { Anchor, Badge, Box, Button, Group, LoadingOverlay, Pagination, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { isOneOf, outboxStates, type OutboxSummary } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { MailStatusPanel } from './MailStatusPanel.tsx';
import { OutboxMessageModal } from './OutboxMessageModal.tsx';
import { situation, stateColor } from './outboxText.ts';
import { useMailStatus } from './useMailStatus.ts';

const PAGE_SIZE = 50;
const filters = ['all', ...outboxStates] as const;
type Filter = (typeof filters)[number];

export function OutboxScreen() {
  const { t, locale, say } = useI18n();
  const { go } = useShell();
  const mail = useMailStatus();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = useDeskQuery('outbox.list', { state: filter === 'all' ? null : filter, page, pageSize: PAGE_SIZE }, { keepPrevious: true });

  // The list is asked again whenever the sender's counts move (a message went out, one failed): the
  // sender changes the desk outside this session, so no invalidation says so.
  const counts = mail.status ? JSON.stringify(mail.status.counts) : '';
  const seenCounts = useRef(counts);
  const { refetch } = query;
  useEffect(() => {
    if (seenCounts.current === counts) return;
    seenCounts.current = counts;
    void refetch({ cancelRefetch: false });
  }, [counts, refetch]);

  const list = query.data ?? null;
  // Only a new filter or page shows the loading veil; a background refresh swaps the rows in place.
  const loading = query.isPending || query.isPlaceholderData;
  const totalCounts = list?.counts ?? mail.status?.counts ?? null;
  const all = totalCounts ? outboxStates.reduce((n, s) => n + totalCounts[s], 0) : null;
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;

  const changed = () => {
    void refetch();
    mail.refresh();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('outbox.title')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={changed}>
          {t('outbox.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('outbox.intro')}
      </Text>

      {mail.status && <MailStatusPanel status={mail.status} />}
      {mail.error && !mail.status && <ErrorAlert error={mail.error} />}

      <Tabs
        value={filter}
        onChange={(v) => {
          if (!isOneOf(filters, v)) return;
          setFilter(v);
          setPage(1);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('outbox.filterLabel')}>
          <Tabs.Tab value="all" data-state="all" rightSection={all !== null ? <CountBadge n={all} /> : undefined}>
            {t('outbox.filter.all')}
          </Tabs.Tab>
          {outboxStates.map((s) => (
            <Tabs.Tab key={s} value={s} data-state={s} rightSection={totalCounts ? <CountBadge n={totalCounts[s]} alert={s === 'failed' || s === 'bounced'} /> : undefined}>
              {t(`outbox.state.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <ErrorAlert error={query.error} />

      <Box pos="relative" mih={120}>
        <LoadingOverlay visible={loading} zIndex={5} overlayProps={{ blur: 1, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
        {list && list.total === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="outbox-empty">
            {filter === 'all' ? t('outbox.empty') : t('outbox.emptyFilter', { state: t(`outbox.state.${filter}`) })}
          </Text>
        ) : (
          list && (
            <Table.ScrollContainer minWidth={980}>
              <Table highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid="outbox-table" aria-label={t('outbox.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('outbox.col.state')}</Table.Th>
                    <Table.Th>{t('outbox.col.case')}</Table.Th>
                    <Table.Th>{t('outbox.col.to')}</Table.Th>
                    <Table.Th>{t('outbox.col.subject')}</Table.Th>
                    <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('outbox.col.attempts')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('outbox.col.nextTry')}</Table.Th>
                    <Table.Th>{t('outbox.col.situation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.rows.map((m) => (
                    <Row key={m.id} m={m} text={situation(t, locale, say, m)} onOpen={() => setOpenId(m.id)} onCase={() => go({ name: 'case', id: m.caseId })} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        )}
      </Box>

      {list && list.total > PAGE_SIZE && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" withEdges aria-label={t('outbox.pagination')} />
        </Group>
      )}

      {openId !== null && <OutboxMessageModal key={openId} id={openId} onClose={() => setOpenId(null)} onChanged={changed} />}
    </Stack>
  );
}

function CountBadge({ n, alert = false }: { n: number; alert?: boolean }) {
  return (
    <Badge tt="none" size="sm" variant={alert && n > 0 ? 'filled' : 'light'} color={alert && n > 0 ? 'red' : 'gray'} circle={n < 10} data-count={n}>
      {n}
    </Badge>
  );
}

function Row({ m, text, onOpen, onCase }: { m: OutboxSummary; text: string; onOpen: () => void; onCase: () => void }) {
  const t = useT();
  return (
    <Table.Tr
      data-outbox-id={m.id}
      data-state={m.state}
      data-kind={m.noticeKind}
      data-reference={m.reference}
      style={{ cursor: 'pointer', boxShadow: m.state === 'failed' ? 'inset 4px 0 0 var(--mantine-color-red-6)' : undefined }}
      onClick={onOpen}
    >
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge tt="none" color={stateColor[m.state]} variant={m.state === 'failed' ? 'filled' : 'light'} data-testid="outbox-state">
            {t(`outbox.state.${m.state}`)}
          </Badge>
          {m.possiblyDuplicated && (
            <Tooltip label={t('outbox.duplicateHint')} multiline w={300} withArrow>
              <Badge tt="none" color="yellow" variant="light" leftSection={<IconCopy size={12} aria-hidden />} data-testid="possibly-duplicated">
                {t('outbox.duplicate')}
              </Badge>
            </Tooltip>
          )}
        </Stack>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor
          component="button"
          type="button"
          ff="monospace"
          size="sm"
          onClick={(e) => {
            e.stopPropagation();
            onCase();
          }}
        >
          {m.reference}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(`noticeKind.${m.noticeKind}`)}
        </Text>
      </Table.Td>
      <Table.Td maw={220}>
        <Text size="sm" truncate>
          {m.to}
        </Text>
        <Text size="xs" c="dimmed" truncate lang="ja">
          {m.memberName}
        </Text>
      </Table.Td>
      <Table.Td maw={300}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          c="inherit"
          style={{ overflowWrap: 'anywhere' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
          aria-label={t('outbox.openMessage', { subject: m.subject })}
          // The subject is the notice's own, bilingual (Japanese first): marked so a language check skips its English half.
          data-notice-text
        >
          {m.subject}
        </Anchor>
      </Table.Td>
      <Table.Td ta="right" data-testid="outbox-attempts">
        {m.attempts}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.nextAttemptAt ? <JapanDateTime at={m.nextAttemptAt} size="sm" /> : <Text c="dimmed" span size="sm">—</Text>}</Table.Td>
      <Table.Td maw={360}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {(m.state === 'failed' || m.sendBlockedReason) && (
            <IconAlertTriangle size={16} color={`var(--mantine-color-${m.state === 'failed' ? 'red' : 'yellow'}-7)`} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          )}
          <Text size="sm" c={m.state === 'failed' ? 'red.8' : undefined} data-testid="outbox-situation">
            {text}
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
