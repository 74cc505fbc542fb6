// One notice of one case as its printed letter (letters.preview), shown in a sandboxed frame exactly as
// it will print, with Print / Save as PDF (Electron) or Print (browser: the browser's own dialog, which
// also saves PDFs). Once the person says it printed, it is recorded on the case (letters.recordPrinted);
// a notice the case already has (as a letter, or a final notice sent by email) is recorded as a reprint.
// For the case file and the Letters screen: <LetterPreview caseId={…} kind="decision" />.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecklist, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type CaseFile, type DeskErrorData, type NoticeKind, type NoticeRecord } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
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
  const desk = useDesk();
  const mode = useDeskMode();
  const frame = useRef<HTMLIFrameElement>(null);
  const query = useDeskQuery('letters.preview', { caseId, kind });
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState<null | 'print' | 'pdf' | 'record'>(null);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const [confirm, setConfirm] = useState<{ letter: PrintedLetter; mode: 'print' | 'pdf'; savedTo: string | null } | null>(null);

  if (query.isPending) {
    return (
      <Center py="xl" mih={200}>
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const doc = query.data;
  const reference = doc.references[0] ?? '';

  const ask = async (how: 'print' | 'pdf', savedTo: string | null = null) => {
    setBusy('record');
    let list = notices;
    if (!list) {
      const r = await desk.cases.get({ id: caseId });
      if (!r.ok) {
        setBusy(null);
        setError(r.error);
        return;
      }
      list = r.value.notices;
    }
    setBusy(null);
    setConfirm({ letter: { caseId, kind, reference, reprint: isReprint(list, kind), copy }, mode: how, savedTo });
  };

  const print = async () => {
    setError(null);
    if (mode === 'electron') {
      setBusy('print');
      const r = await desk.letters.print({ letters: [{ caseId, kind }] });
      setBusy(null);
      if (!r.ok) setError(r.error);
      else if (r.value.outcome === 'printed') await ask('print');
      return;
    }
    if (!frame.current) return;
    setBusy('print');
    try {
      await printFrame(frame.current);
    } finally {
      setBusy(null);
    }
    await ask('print');
  };

  const savePdf = async () => {
    setError(null);
    setBusy('pdf');
    const r = await desk.letters.savePdf({ letters: [{ caseId, kind }] });
    setBusy(null);
    if (!r.ok) setError(r.error);
    else if (r.value.outcome === 'saved') await ask('pdf', r.value.path);
  };

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
          <Button variant="subtle" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => void ask('print')} disabled={busy !== null} loading={busy === 'record'}>
            {t('letterPreview.recordPrinted')}
          </Button>
          {mode === 'electron' && (
            <Button variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => void savePdf()} loading={busy === 'pdf'} disabled={busy !== null && busy !== 'pdf'}>
              {t('letters.savePdf')}
            </Button>
          )}
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => void print()} loading={busy === 'print'} disabled={mode === null || (mode === 'browser' && !loaded) || (busy !== null && busy !== 'print')}>
            {t('letterPreview.print')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
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
