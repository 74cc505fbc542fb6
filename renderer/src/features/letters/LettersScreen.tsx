// Letters to print today (letters.ready): notices owed to members answered on paper. Select some or all,
// print them — Electron's print dialog or PDF as one job (the main process measures each letter and puts a
// blank page after an odd page count), or in a browser its own print dialog on a hidden sandboxed frame,
// one print job per letter (a browser cannot know page counts, so a single document could put the next
// member's letter on the back of the last sheet) — then say whether every letter printed, and each one
// ticked is recorded on its case. A letter to a member with no postal address is flagged before anyone
// prints it.
import { Alert, Anchor, Badge, Box, Button, Checkbox, EmptyState, Group, LoadingOverlay, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEye, IconFileText, IconFileTypePdf, IconMailbox, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReadyLetter } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';

import { LetterPreview } from './LetterPreview.tsx';
import { PrintedConfirm, type PrintedLetter, type RecordOutcome } from './PrintedConfirm.tsx';
import { printHtml } from './printing.ts';
import { useDeskMode } from './useDeskMode.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

const keyOf = (l: { caseId: number; kind: string }) => `${l.caseId}:${l.kind}`;
const toPrinted = (l: ReadyLetter): PrintedLetter => ({ caseId: l.caseId, kind: l.kind, reference: l.reference, memberName: l.memberName, reprint: false });

export function LettersScreen() {
  const t = useT();
  const { go } = useShell();
  const mode = useDeskMode();
  const query = useDeskQuery('letters.ready', {});
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<{ letters: PrintedLetter[]; mode: 'print' | 'pdf'; savedTo: string | null } | null>(null);
  const [preview, setPreview] = useState<ReadyLetter | null>(null);

  // The blank request form, printed by the browser's or Electron's print path.
  const requestForm = useDeskStep(async (desk, _: null) => printHtml(deskValue(await desk.inquiries.requestForm({})).html));

  const letters = query.isSuccess ? query.data : [];
  // A selection only ever holds letters still on the list.
  const selected = letters.filter((l) => selection.has(keyOf(l)));
  const allSelected = letters.length > 0 && selected.length === letters.length;
  const noAddress = selected.filter((l) => !l.hasPostalAddress).length;

  // Printing (or saving a PDF of) some letters; the answer is where the PDF went, or null when the
  // person cancelled Electron's dialog (then nothing is asked). `variables.how` says which button is busy.
  const output = useDeskStep(
    async (desk, { list, how }: { list: ReadyLetter[]; how: 'print' | 'pdf' }): Promise<{ savedTo: string | null } | null> => {
      const refs = list.map((l) => ({ caseId: l.caseId, kind: l.kind }));
      if (mode === 'electron') {
        if (how === 'pdf') {
          const saved = deskValue(await desk.letters.savePdf({ letters: refs }));
          return saved.outcome === 'saved' ? { savedTo: saved.path } : null;
        }
        return deskValue(await desk.letters.print({ letters: refs })).outcome === 'printed' ? { savedTo: null } : null;
      }
      // One document per letter, all fetched before the first dialog opens: a letter the core refuses
      // stops the batch before anything is printed. Then one print job each, in list order, so every
      // letter starts on a fresh sheet even on a double-sided printer. window.print() reports nothing
      // (not even a cancel), so every letter gets its dialog and the "did it print?" step below covers all.
      const docs: string[] = [];
      for (const ref of refs) docs.push(deskValue(await desk.letters.batch({ letters: [ref] })).html);
      for (const html of docs) await printHtml(html);
      return { savedTo: null };
    },
    {
      onSuccess: (printed, { list, how }) => {
        if (printed) setConfirm({ letters: list.map(toPrinted), mode: how, savedTo: printed.savedTo });
      },
    },
  );
  const busy = output.isPending ? output.variables.how : null;
  const printLetters = (list: ReadyLetter[], how: 'print' | 'pdf') => {
    if (list.length === 0) return;
    requestForm.reset();
    output.mutate({ list, how });
  };
  // The screen's one alert: the newest refusal of either output.
  const error = output.error ?? requestForm.error;

  const recorded = ({ recorded, failed }: RecordOutcome) => {
    if (recorded.length > 0) notifications.show({ message: t('letters.recorded', { n: recorded.length }), color: 'teal' });
    if (failed.length === 0) setConfirm(null);
    setSelection(new Set());
    void query.refetch();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('letters.title')}</Title>
        <Group gap="sm">
          {/* Issue 19: the blank request form (開示等請求書), for a member who asks at the counter or by phone. */}
          <Button variant="default" leftSection={<IconFileText size={16} aria-hidden />} onClick={() => { output.reset(); requestForm.mutate(null); }} loading={requestForm.isPending} data-testid="print-request-form">
            {t('letters.requestForm')}
          </Button>
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void query.refetch()}>
            {t('outbox.refresh')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('letters.intro')}
      </Text>

      {query.isError && <ErrorAlert error={query.error} />}
      {letters.length === 0 && <ErrorAlert error={error} />}
      {query.isSuccess && letters.length === 0 ? (
        <EmptyState icon={<IconMailbox size={32} aria-hidden />} variant="light" title={t('letters.empty.title')} description={t('letters.empty.body')} data-testid="letters-empty" />
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm" data-testid="letters-toolbar">
            <Text size="sm" c="dimmed" aria-live="polite">
              {selected.length > 0 ? t('letters.selected', { n: selected.length, total: letters.length }) : t('letters.count', { n: letters.length })}
            </Text>
            <Group gap="sm">
              {mode === 'electron' && (
                <Button
                  variant="default"
                  leftSection={<IconFileTypePdf size={16} aria-hidden />}
                  onClick={() => printLetters(selected.length > 0 ? selected : letters, 'pdf')}
                  loading={busy === 'pdf'}
                  disabled={letters.length === 0 || (busy !== null && busy !== 'pdf')}
                >
                  {selected.length > 0 ? t('letters.savePdfSelected', { n: selected.length }) : t('letters.savePdf')}
                </Button>
              )}
              <Button
                variant={selected.length > 0 ? 'filled' : 'default'}
                leftSection={<IconPrinter size={16} aria-hidden />}
                onClick={() => printLetters(selected, 'print')}
                loading={busy === 'print' && selected.length > 0}
                disabled={selected.length === 0 || mode === null || (busy !== null && busy !== 'print')}
              >
                {selected.length > 0 ? t('letters.printSelected', { n: selected.length }) : t('letters.printSelectedNone')}
              </Button>
              <Button
                variant={selected.length > 0 ? 'default' : 'filled'}
                leftSection={<IconPrinter size={16} aria-hidden />}
                onClick={() => printLetters(letters, 'print')}
                loading={busy === 'print' && selected.length === 0}
                disabled={letters.length === 0 || mode === null || (busy !== null && busy !== 'print')}
              >
                {t('letters.printAll')}
              </Button>
            </Group>
          </Group>
          {mode === 'browser' && (
            <Text size="sm" c="dimmed" data-testid="letters-one-job-each">
              {t('letters.browserOneJobEach')}
            </Text>
          )}
          {mode === 'electron' && (
            <Text size="sm" fw={600} data-testid="not-encrypted">
              {t('export.notEncrypted')}
            </Text>
          )}
          {noAddress > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="letters-no-address">
              {t('letters.selectedNoAddress', { n: noAddress })}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Box pos="relative" mih={120}>
            <LoadingOverlay visible={query.isPending} zIndex={5} overlayProps={{ blur: 1, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid="letters-table" aria-label={t('letters.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label={t('letters.selectAll')}
                        checked={allSelected}
                        indeterminate={selected.length > 0 && !allSelected}
                        onChange={(e) => setSelection(e.currentTarget.checked ? new Set(letters.map(keyOf)) : new Set())}
                      />
                    </Table.Th>
                    <Table.Th>{t('letters.col.reference')}</Table.Th>
                    <Table.Th>{t('letters.col.member')}</Table.Th>
                    <Table.Th>{t('letters.col.notice')}</Table.Th>
                    <Table.Th>{t('letters.col.reason')}</Table.Th>
                    <Table.Th>{t('letters.col.address')}</Table.Th>
                    <Table.Th>{t('letters.col.since')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {letters.map((l) => {
                    const k = keyOf(l);
                    const on = selection.has(k);
                    return (
                      <Table.Tr
                        key={k}
                        data-letter={k}
                        data-reference={l.reference}
                        data-kind={l.kind}
                        data-has-address={l.hasPostalAddress}
                        bg={on ? 'var(--mantine-color-indigo-light)' : undefined}
                        style={{ boxShadow: l.hasPostalAddress ? undefined : 'inset 4px 0 0 var(--mantine-color-orange-6)' }}
                      >
                        <Table.Td>
                          <Checkbox
                            aria-label={t('letters.selectRow', { reference: l.reference, notice: t(`noticeKind.${l.kind}`) })}
                            checked={on}
                            onChange={(e) => {
                              const checked = e.currentTarget.checked;
                              setSelection((s) => {
                                const next = new Set(s);
                                if (checked) next.add(k);
                                else next.delete(k);
                                return next;
                              });
                            }}
                          />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => go({ name: 'case', id: l.caseId })}>
                            {l.reference}
                          </Anchor>
                          <Box>
                            <StatusBadge status={l.status} size="xs" />
                          </Box>
                        </Table.Td>
                        <Table.Td lang="ja">
                          {l.recipientName}
                          {l.recipientName !== l.memberName && (
                            <Text size="xs" c="dimmed">
                              {t('letters.forMember', { name: l.memberName })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`noticeKind.${l.kind}`)}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`type.${l.type}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`letters.reason.${l.reason}`)}</Text>
                        </Table.Td>
                        <Table.Td>
                          {l.notReady ? (
                            <Badge tt="none" color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="window-overflow" data-field={l.notReady.field}>
                              {t('letters.windowOverflow', { field: t(`letters.windowField.${l.notReady.field}`), mm: l.notReady.overflowMm.toFixed(1) })}
                            </Badge>
                          ) : l.hasPostalAddress ? (
                            <Text size="sm" c="dimmed">
                              {t('letters.address.ok')}
                            </Text>
                          ) : (
                            <Tooltip label={t('letters.address.missingHint')} multiline w={280} withArrow>
                              <Badge tt="none" color="orange" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="no-address">
                                {t('letters.address.missing')}
                              </Badge>
                            </Tooltip>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <JapanDateTime at={l.since} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Button size="compact-sm" variant="subtle" leftSection={<IconEye size={14} aria-hidden />} onClick={() => setPreview(l)} aria-label={t('letters.previewOf', { reference: l.reference })}>
                            {t('letters.preview')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
        </>
      )}

      {preview && (
        <Modal
          opened
          onClose={() => setPreview(null)}
          title={`${t('letters.previewTitle')} — ${preview.reference} · ${t(`noticeKind.${preview.kind}`)}`}
          size={900}
          centered
        >
          <LetterPreview
            caseId={preview.caseId}
            kind={preview.kind}
            onRecorded={() => {
              setPreview(null);
              void query.refetch();
            }}
          />
        </Modal>
      )}
      {confirm && <PrintedConfirm letters={confirm.letters} mode={confirm.mode} savedTo={confirm.savedTo} onClose={() => setConfirm(null)} onRecorded={recorded} />}
    </Stack>
  );
}
