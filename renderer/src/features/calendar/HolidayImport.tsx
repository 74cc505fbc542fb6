// A supervisor imports the Cabinet Office's holiday list (syukujitsu.csv, as downloaded in Shift_JIS): the
// desk reads it and shows how it differs from the holidays in use; nothing is stored until the supervisor
// confirms, and a file leaving out days the holiday law fixes needs an explicit yes (core/desk-calendar/
// holiday-import.ts owns the rule).
import { Alert, Button, Checkbox, FileButton, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { CalendarChange, HolidayImportPreview } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskMutation, useDeskStep } from '../../api/useDeskMutation.ts';
import { JapanDate } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function HolidayImport({ onImported }: { onImported: (change: CalendarChange, years: number[]) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<HolidayImportPreview | null>(null);
  const [accept, setAccept] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  const close = () => {
    setPreview(null);
    setFile(null);
  };

  // The file is read and shown as the desk would change the holidays; nothing is stored yet.
  const read = useDeskStep(async (desk, chosen: File) => {
    const content = base64Of(new Uint8Array(await chosen.arrayBuffer()));
    return { content, preview: deskValue(await desk.calendar.previewHolidays({ file: content })) };
  }, {
    onSuccess: ({ content, preview: p }) => {
      setFile(content);
      setAccept(false);
      setPreview(p);
    },
  });
  const store = useDeskMutation('calendar.importHolidays', {
    onSuccess: (r) => {
      setDone(r.preview.years.length);
      onImported(r.change, r.preview.years);
    },
    onSettled: close,
  });
  const choose = (chosen: File | null) => {
    if (!chosen) return;
    setDone(null);
    store.reset();
    read.mutate(chosen);
  };
  const confirm = () => {
    if (file && preview) store.mutate({ file, ...(preview.contradictions.length > 0 ? { acceptContradictions: accept } : {}) });
  };
  const busy = read.isPending || store.isPending;
  const error = read.error ?? store.error;

  const changes = preview ? preview.added.length + preview.removed.length + preview.renamed.length : 0;
  return (
    <Stack gap="xs" data-testid="holiday-import">
      <Title order={3} size="h4">
        {t('holidays.import.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('holidays.import.help')}
      </Text>
      <Group>
        <FileButton onChange={choose} accept=".csv,text/csv">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} loading={busy && !preview}>
              {t('holidays.import.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={error} />
      {done !== null && (
        <Alert color="teal" variant="light" data-testid="holiday-import-done">
          {t('holidays.import.done', { count: done })}
        </Alert>
      )}

      <Modal opened={preview !== null} onClose={close} title={t('holidays.import.title')} size="lg" centered>
        {preview && (
          <Stack gap="sm" data-testid="holiday-preview">
            <Text size="sm">{t('holidays.import.encoding', { encoding: preview.encoding })}</Text>
            <Text size="sm">{t('holidays.import.years', { from: preview.years[0]!, to: preview.years.at(-1)!, count: preview.years.length })}</Text>
            {preview.rowsBefore > 0 && (
              <Text size="xs" c="dimmed">
                {t('holidays.import.rowsBefore', { count: preview.rowsBefore, first: preview.years[0]! })}
              </Text>
            )}
            {changes === 0 && <Text size="sm">{t('holidays.import.noChanges')}</Text>}
            {(
              [
                ['added', preview.added.map((d) => ({ date: d.date, text: d.nameJa }))],
                ['removed', preview.removed.map((d) => ({ date: d.date, text: d.nameJa }))],
                ['renamed', preview.renamed.map((d) => ({ date: d.date, text: `${d.from} → ${d.to}` }))],
              ] as const
            ).map(([kind, rows]) =>
              rows.length === 0 ? null : (
                <Stack key={kind} gap={2} data-testid={`holiday-${kind}`}>
                  <Text size="sm" fw={600}>
                    {t(`holidays.import.${kind}`)}
                  </Text>
                  <List size="sm" spacing={2}>
                    {rows.map((r) => (
                      <List.Item key={r.date}>
                        <JapanDate date={r.date} size="sm" /> {r.text}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ),
            )}
            {preview.contradictions.length > 0 && (
              <Alert color="red" variant="light" title={t('holidays.import.contradictions')} data-testid="holiday-contradictions">
                <List size="sm" spacing={2}>
                  {preview.contradictions.map((c) => (
                    <List.Item key={c.date}>
                      <JapanDate date={c.date} size="sm" /> {c.nameJa}
                    </List.Item>
                  ))}
                </List>
                <Checkbox mt="sm" checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} label={t('holidays.import.accept')} />
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('holidays.import.cancel')}
              </Button>
              <Button onClick={confirm} loading={busy} disabled={preview.contradictions.length > 0 && !accept}>
                {t('holidays.import.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
