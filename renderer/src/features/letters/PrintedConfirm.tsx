// After printing (or saving a PDF): "Did every letter print correctly?" Each letter ticked is recorded on
// its case with letters.recordPrinted; one unticked stays where it was, to print again. The desk's
// answer for each letter is kept, so a refusal is named with its reference.
import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { CaseFile, DeskErrorData, NoticeKind } from '../../../../electron/contract/index.ts';
import { useDeskStep } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { errorText } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface PrintedLetter {
  caseId: number;
  kind: NoticeKind;
  reference: string;
  memberName?: string;
  /** Another copy of a notice already on the case: a timeline event only. */
  reprint: boolean;
  /** A copy of a notice delivered by email, which a person confirmed (recorded as a copy). */
  copy?: boolean;
}

export interface RecordOutcome {
  recorded: Array<{ letter: PrintedLetter; file: CaseFile }>;
  failed: Array<{ letter: PrintedLetter; error: DeskErrorData }>;
}

interface Props {
  letters: PrintedLetter[];
  mode: 'print' | 'pdf';
  /** Where the PDF went (Electron's save dialog). */
  savedTo?: string | null;
  onClose: () => void;
  onRecorded: (outcome: RecordOutcome) => void;
}

export function PrintedConfirm({ letters, mode, savedTo, onClose, onRecorded }: Props) {
  const { t, say } = useI18n();
  const key = (l: PrintedLetter) => `${l.caseId}:${l.kind}`;
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(letters.map(key)));
  const [failed, setFailed] = useState<RecordOutcome['failed']>([]);
  const single = letters.length === 1;

  // Each ticked letter recorded on its own case: one refused does not stop the others, and each answer is kept.
  const record = useDeskStep(
    async (desk, chosen: PrintedLetter[]) => {
      const outcome: RecordOutcome = { recorded: [], failed: [] };
      for (const letter of chosen) {
        const r = await desk.letters.recordPrinted({ caseId: letter.caseId, kind: letter.kind, reprint: letter.reprint, copy: letter.copy ?? false, mode });
        if (r.ok) outcome.recorded.push({ letter, file: r.value });
        else outcome.failed.push({ letter, error: r.error });
      }
      return outcome;
    },
    {
      onSuccess: (outcome) => {
        if (outcome.failed.length > 0) {
          setFailed(outcome.failed);
          // Those recorded are done: leave only the refused ones to decide about.
          setTicked(new Set());
        }
        onRecorded(outcome);
      },
    },
  );
  const busy = record.isPending;

  const question = mode === 'pdf' ? t('letters.confirm.questionPdf') : single ? t('letters.confirm.questionOne') : t('letters.confirm.question');
  return (
    <Modal opened onClose={onClose} title={t('letters.confirm.title')} size="lg" centered closeOnClickOutside={false}>
      <Stack gap="md" data-testid="printed-confirm">
        {savedTo && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('letters.confirm.savedTo', { path: savedTo })}
          </Text>
        )}
        <Text fw={500}>{question}</Text>
        <Text size="sm" c="dimmed">
          {single ? t('letters.confirm.hintOne') : t('letters.confirm.hint')}
        </Text>
        {!single && (
          <ScrollArea.Autosize mah={300} type="auto">
            <Stack gap={6}>
              {letters.map((l) => (
                <Checkbox
                  key={key(l)}
                  checked={ticked.has(key(l))}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTicked((s) => {
                      const next = new Set(s);
                      if (on) next.add(key(l));
                      else next.delete(key(l));
                      return next;
                    });
                  }}
                  label={`${l.reference} · ${t(`noticeKind.${l.kind}`)}${l.memberName ? ` · ${l.memberName}` : ''}`}
                  data-letter={key(l)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {failed.length > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('letters.confirm.someFailed')} role="alert">
            <Stack gap={4}>
              {failed.map(({ letter, error }) => (
                <Text size="sm" key={key(letter)}>
                  {letter.reference}: {errorText(say, error)}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={record.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {failed.length > 0 ? t('common.close') : t('letters.confirm.no')}
          </Button>
          {failed.length === 0 && (
            <Button onClick={() => record.mutate(letters.filter((l) => ticked.has(key(l))))} loading={busy} disabled={ticked.size === 0}>
              {single ? t('letters.confirm.yesOne') : t('letters.confirm.yes', { n: ticked.size })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
