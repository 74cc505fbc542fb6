// "Print a letter" on the case file: pick which notice (those this case can have), see it as it will
// print, print it (or save a PDF) and record it. A letter already recorded is recorded again as a reprint.
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { isOneOf, type CaseFile, type NoticeKind } from '../../../../electron/contract/index.ts';
import { LetterPreview } from './LetterPreview.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/** The notices a letter can be written for now, most relevant first. */
export function letterKindsOf(file: CaseFile): NoticeKind[] {
  const c = file.case;
  const kinds: NoticeKind[] = [];
  if (c.closureGround === 'withdrawn') kinds.push('withdrawal');
  else if (c.closureGround !== null) kinds.push('rejection');
  if (c.outcome !== null) kinds.push('decision');
  if (file.deadline.extended) kinds.push('extension');
  if (c.status === 'awaiting_requester') kinds.push('documents_request');
  kinds.push('acknowledgement');
  return kinds;
}

export function CaseLetterButton({ file, onRecorded }: { file: CaseFile; onRecorded?: (file: CaseFile) => void }) {
  const t = useT();
  const kinds = letterKindsOf(file);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<NoticeKind>(kinds[0]!);
  const current = kinds.includes(kind) ? kind : kinds[0]!;
  return (
    <>
      <Button size="compact-sm" variant="light" leftSection={<IconPrinter size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid="case-letter-button">
        {t('letterPreview.open')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={`${t('letters.previewTitle')} — ${file.case.reference}`} size={900} centered>
          <Stack gap="sm">
            <Group>
              <Select
                label={t('letterPreview.which')}
                data={kinds.map((k) => ({ value: k, label: t(`noticeKind.${k}`) }))}
                value={current}
                onChange={(v) => isOneOf(kinds, v) && setKind(v)}
                allowDeselect={false}
                w={280}
              />
            </Group>
            <LetterPreview
              key={current}
              caseId={file.case.id}
              kind={current}
              notices={file.notices}
              height="calc(100dvh - 380px)"
              onRecorded={(next) => {
                setOpen(false);
                onRecorded?.(next);
              }}
            />
          </Stack>
        </Modal>
      )}
    </>
  );
}
