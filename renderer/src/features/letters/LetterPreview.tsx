// One notice of one case as its printed letter (letters.preview), shown in a sandboxed frame exactly as
// it will print, with Print / Save as PDF (Electron) or Print (browser: the browser's own dialog, which
// also saves PDFs). Once the person says it printed, it is recorded on the case (letters.recordPrinted);
// a notice the case already has (as a letter, or a final notice sent by email) is recorded as a reprint.
// For the case file and the Letters screen: <LetterPreview caseId={…} kind="decision" />.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecklist, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type CaseFile, type NoticeKind, type NoticeRecord } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';

import { PrintedConfirm, type PrintedLetter } from './PrintedConfirm.tsx';
import { LETTER_SANDBOX, printFrame } from './printing.ts';
import { useDeskMode } from './useDeskMode.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface LetterPreviewProps {
  caseId: number;
  kind: NoticeKind;
  /** The case's notices, when the caller has the case file: decides "printed" or "reprint". Otherwise asked from the desk. */
  notices?: NoticeRecord[];
  /** The case as it stands once the letter is recorded. */
  onRecorded?: (file: CaseFile) => void;
  /** Height of the sheet view (CSS). */
  height?: string;
  /** The notice already went by email and a person confirmed sending this letter as a copy (issue 10). */
  copy?: boolean;
}

/**
 * A reprint when the case already lists this notice as a letter (the notice itself or a copy). A notice
 * delivered by email is not reprinted on paper: its letter is a copy a person confirms (or, if the email
 * came back, the notice itself) — the desk decides which (core/notices/delivery.ts).
 */
export const isReprint = (notices: NoticeRecord[], kind: NoticeKind) => notices.some((n) => n.kind === kind && n.channel === 'letter');

export function LetterPreview({ caseId, kind, notices, onRecorded, height = 'calc(100dvh - 300px)', copy = false }: LetterPreviewProps) {
  const { t, say } = useI18n();
  const mode = useDeskMode();
  const frame = useRef<HTMLIFrameElement>(null);
  const query = useDeskQuery('letters.preview', { caseId, kind });
  const [loaded, setLoaded] = useState(false);
  const [confirm, setConfirm] = useState<{ letter: PrintedLetter; mode: 'print' | 'pdf'; savedTo: string | null } | null>(null);
  const reference = query.data?.references[0] ?? '';

  // Printed, saved as a PDF, or just "record it": then the question whether it printed, which needs the
  // case's notices (asked from the desk when the caller has no case file) to say "printed" or "reprint".
  // The answer is null when the person cancelled Electron's dialog (nothing is asked then).
  const output = useDeskStep(
    async (desk, how: 'print' | 'pdf' | 'record'): Promise<{ mode: 'print' | 'pdf'; savedTo: string | null; reprint: boolean } | null> => {
      let savedTo: string | null = null;
      if (how === 'pdf') {
        const saved = deskValue(await desk.letters.savePdf({ letters: [{ caseId, kind }] }));
        if (saved.outcome !== 'saved') return null;
        savedTo = saved.path;
      } else if (how === 'print' && mode === 'electron') {
        if (deskValue(await desk.letters.print({ letters: [{ caseId, kind }] })).outcome !== 'printed') return null;
      } else if (how === 'print') {
        if (!frame.current) return null;
        await printFrame(frame.current);
      }
      const list = notices ?? deskValue(await desk.cases.get({ id: caseId })).notices;
      return { mode: how === 'pdf' ? 'pdf' : 'print', savedTo, reprint: isReprint(list, kind) };
    },
    {
      onSuccess: (asked) => {
        if (asked) setConfirm({ letter: { caseId, kind, reference, reprint: asked.reprint, copy }, mode: asked.mode, savedTo: asked.savedTo });
      },
    },
  );
  const busy = output.isPending ? output.variables : null;

  if (query.isPending) {
    return (
      <Center py="xl" mih={200}>
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const doc = query.data;

  return (
    <Stack gap="sm" data-testid="letter-preview" data-case-id={caseId} data-kind={kind}>
      {doc.warnings.map((w) => (
        <Alert key={`${w.caseId}:${w.code}`} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-warning={w.code}>
          {say(w)}
        </Alert>
      ))}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="xs" c="dimmed" maw={420}>
          {mode === 'browser' ? t('letterPreview.browserHint') : t('letterPreview.electronHint')}
        </Text>
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => output.mutate('record')} disabled={busy !== null} loading={busy === 'record'}>
            {t('letterPreview.recordPrinted')}
          </Button>
          {mode === 'electron' && (
            <Button variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => output.mutate('pdf')} loading={busy === 'pdf'} disabled={busy !== null && busy !== 'pdf'}>
              {t('letters.savePdf')}
            </Button>
          )}
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => output.mutate('print')} loading={busy === 'print'} disabled={mode === null || (mode === 'browser' && !loaded) || (busy !== null && busy !== 'print')}>
            {t('letterPreview.print')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={output.error} />
      <iframe
        ref={frame}
        title={t('letterPreview.frameTitle', { reference })}
        sandbox={LETTER_SANDBOX}
        srcDoc={doc.html}
        onLoad={() => setLoaded(true)}
        data-testid="letter-frame"
        style={{ width: '100%', height, minHeight: 320, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)', background: '#e9ecef' }}
      />
      {confirm && (
        <PrintedConfirm
          letters={[confirm.letter]}
          mode={confirm.mode}
          savedTo={confirm.savedTo}
          onClose={() => setConfirm(null)}
          onRecorded={({ recorded, failed }) => {
            const done = recorded[0];
            if (!done || failed.length > 0) return;
            setConfirm(null);
            notifications.show({ message: done.letter.reprint ? t('letters.recordedReprint', { reference }) : t('letters.recordedOne', { reference }), color: 'teal' });
            onRecorded?.(done.file);
          }}
        />
      )}
    </Stack>
  );
}
