// The Inbox: mail that reached the desk and is not part of a case yet (and, on the other tabs, mail
// already on a case or set aside). A row opens the mail (a safe text view, its attachments, the actions).
// .eml files dropped anywhere on the screen are imported, each file's outcome shown.
import { Badge, Box, Button, Group, LoadingOverlay, Pagination, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailDown, IconPaperclip, IconRefresh } from '@tabler/icons-react';
import { useCallback, useState, type DragEvent } from 'react';
import { inboxStatuses, isOneOf, type DeskErrorData, type InboxRow, type InboxStatus, type MailImportResult } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { useDeskStep } from '../../api/useDeskMutation.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { Translate } from '../../i18n/catalog.ts';
import { InboxMailModal } from './InboxMailModal.tsx';
import { MailboxStatusPanel } from './MailboxStatusPanel.tsx';

const PAGE_SIZE = 50;

export function InboxScreen() {
  const t = useT();
  const [status, setStatus] = useState<InboxStatus>('inbox');
  const [page, setPage] = useState(1);
  // The previous page stays under the loading veil until this tab's and page's answer is in.
  const query = useDeskQuery('inbox.list', { status, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const list = query.data ?? null;
  const loading = query.isFetching;
  const [openId, setOpenId] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);

  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);

  // One call per file: a file the transport refuses (browser mode takes at most 16 MB a request) is that
  // file's error, never the others'. The list is asked again by the invalidation the import brings.
  const importFiles = useDeskStep(
    async (desk, files: File[]) => {
      const results: MailImportResult[] = [];
      let refused: DeskErrorData | null = null;
      for (const f of files) {
        const r = await desk.inbox.importFiles({ files: [{ name: f.name.slice(0, 255), base64: toBase64(new Uint8Array(await f.arrayBuffer())) }] });
        if (r.ok) results.push(...r.value);
        else refused = r.error;
      }
      return { results, refused };
    },
    {
      onSuccess: ({ results }) => {
        if (results.length === 0) return;
        notifications.show({
          title: t('inbox.imported', { n: results.length }),
          message: (
            <Stack gap={2} data-testid="import-results">
              {results.map((x, i) => (
                <Text key={i} size="xs" data-status={x.status}>
                  {`${x.file}: ${resultText(t, x)}`}
                </Text>
              ))}
            </Stack>
          ),
          color: results.some((x) => x.status === 'error') ? 'orange' : 'teal',
          autoClose: 10_000,
        });
      },
    },
  );
  const importing = importFiles.isPending;
  // The screen's one alert: a refused import (a file the desk or the transport refused), else the list's own problem.
  const error = importFiles.error ?? importFiles.data?.refused ?? (query.isError ? query.error : null);

  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files].slice(0, 20);
    if (files.length > 0) importFiles.mutate(files);
  };

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
  return (
    <Stack
      gap="md"
      data-testid="inbox-screen"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('inbox.title')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={reload}>
          {t('inbox.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('inbox.intro')}
      </Text>
      <MailboxStatusPanel onFetched={reload} />
      <Paper withBorder p="sm" radius="md" bg={dragging ? 'indigo.0' : undefined} style={{ borderStyle: 'dashed' }} data-testid="inbox-drop">
        <Group gap="xs" justify="center">
          <IconMailDown size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            {importing ? t('inbox.dropping') : t('inbox.dropHere')}
          </Text>
        </Group>
      </Paper>

      <Tabs
        value={status}
        onChange={(v) => {
          if (!isOneOf(inboxStatuses, v)) return;
          setStatus(v);
          setPage(1);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('inbox.filterLabel')}>
          {inboxStatuses.map((s) => (
            <Tabs.Tab key={s} value={s} data-status={s} rightSection={list ? <Badge size="sm" variant="light" color="gray" circle={list.counts[s] < 10}>{list.counts[s]}</Badge> : undefined}>
              {t(`inbox.status.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <ErrorAlert error={error} />

      <Box pos="relative" mih={120}>
        <LoadingOverlay visible={loading} zIndex={5} overlayProps={{ blur: 1, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
        {list && list.rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="inbox-empty">
            {status === 'inbox' ? t('inbox.empty') : t('inbox.emptyOther')}
          </Text>
        ) : (
          list && (
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover verticalSpacing="xs" data-testid="inbox-table" aria-label={t('inbox.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inbox.col.arrived')}</Table.Th>
                    <Table.Th>{t('inbox.col.from')}</Table.Th>
                    <Table.Th>{t('inbox.col.subject')}</Table.Th>
                    <Table.Th>{t('inbox.col.attachments')}</Table.Th>
                    {status !== 'inbox' && <Table.Th>{t('inbox.col.case')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.rows.map((m) => (
                    <MailRow key={m.id} m={m} showCase={status !== 'inbox'} onOpen={() => setOpenId(m.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        )}
      </Box>
      {list && list.total > PAGE_SIZE && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" withEdges aria-label={t('inbox.pagination')} />
        </Group>
      )}
      {openId !== null && (
        <InboxMailModal
          key={openId}
          id={openId}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            setOpenId(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

export function MailFlags({ m }: { m: InboxRow }) {
  const t = useT();
  return (
    <>
      {m.unreadable && <Badge color="red" variant="light" size="sm" tt="none">{t('inbox.unreadable')}</Badge>}
      {m.oversize && <Badge color="orange" variant="light" size="sm" tt="none">{t('inbox.oversize')}</Badge>}
      {m.kind === 'auto_reply' && <Badge color="gray" variant="light" size="sm" tt="none">{t('inbox.automatic')}</Badge>}
      {m.kind === 'bounce' && <Badge color="red" variant="light" size="sm" tt="none">{t('inbox.bounce')}</Badge>}
      {m.afterClose && <Badge color="yellow" variant="light" size="sm" tt="none">{t('inbox.afterClose')}</Badge>}
    </>
  );
}

export const senderText = (t: Translate, m: Pick<InboxRow, 'fromName' | 'fromAddress'>) =>
  m.fromName && m.fromAddress ? `${m.fromName} <${m.fromAddress}>` : m.fromName || m.fromAddress || t('inbox.noSender');

function MailRow({ m, showCase, onOpen }: { m: InboxRow; showCase: boolean; onOpen: () => void }) {
  const t = useT();
  const subject = m.subject || t('inbox.noSubject');
  return (
    <Table.Tr data-testid="inbox-row" data-inbox-id={m.id} style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <JapanDateTime at={m.arrivedAt} size="sm" />
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" truncate>
          {senderText(t, m)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Button variant="subtle" size="compact-sm" px={0} aria-label={t('inbox.openMail', { subject })} onClick={onOpen}>
            <Text size="sm" fw={500} truncate maw={380}>
              {subject}
            </Text>
          </Button>
          <MailFlags m={m} />
        </Group>
      </Table.Td>
      <Table.Td>
        {m.attachmentNames.length > 0 && (
          <Group gap={4} wrap="nowrap">
            <IconPaperclip size={14} aria-hidden />
            <Text size="xs" truncate maw={200}>
              {m.attachmentNames.join(', ')}
            </Text>
          </Group>
        )}
      </Table.Td>
      {showCase && <Table.Td>{m.reference ?? (m.dismissReason ? t(`inbox.dismiss.${m.dismissReason}`) : '')}</Table.Td>}
    </Table.Tr>
  );
}

export function resultText(t: Translate, r: MailImportResult): string {
  const base = t(`inbox.result.${r.status}`, { reference: r.reference ?? '' });
  const extra = [r.reason && t(`inbox.reason.${r.reason}`), r.unreadable && t('inbox.unreadable'), r.oversize && t('inbox.oversize')].filter(Boolean);
  return [base, ...extra].join(' — ');
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
