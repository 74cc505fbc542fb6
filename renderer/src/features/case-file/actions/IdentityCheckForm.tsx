// An identity check: verified or not, each document seen (type, issue date, note), who checked (the
// desk records that). Certificates of representatives and agents must be recent: the desk answers with
// those older than six months, and the case file warns about them.
import { ActionIcon, Alert, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  caseInputs,
  certificateDocumentTypes,
  identityDocumentTypes,
  isOneOf,
  type IdentityDocumentType,
} from '../../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../../api/useDeskMutation.ts';
import { DateField } from '../../../components/DateField.tsx';
import { fieldProblemText, issueMessage, lastSegment } from '../../../forms/issueMessage.ts';
import { japanToday, listOf } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { FormShell, type ActionFormProps } from './common.tsx';

interface DocRow {
  key: number;
  type: IdentityDocumentType | null;
  issuedOn: string | null;
  note: string;
}

let rowKeys = 0;
const newRow = (): DocRow => ({ key: ++rowKeys, type: null, issuedOn: null, note: '' });

export function IdentityCheckForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t, catalog, locale, say } = useI18n();
  const [verified, setVerified] = useState('yes');
  const [docs, setDocs] = useState<DocRow[]>(() => [newRow()]);
  const [note, setNote] = useState('');
  /** Problems by path: "documents", "documents.0.type", "note". */
  const [problems, setProblems] = useState<Record<string, string>>({});
  // The documents are a list, so problems are kept by their whole path ("documents.0.type"), not by a
  // form field's name; the sending is the one mutation pattern.
  const mutation = useDeskMutation('cases.recordIdentityCheck', { onSuccess: (next) => onDone(next, t('caseFile.done.recordIdentityCheck')) });
  const member = file.case.requesterKind === 'member';

  const update = (key: number, patch: Partial<DocRow>) => {
    setDocs((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setProblems({});
  };

  const submit = () => {
    const input = {
      id: file.case.id,
      version: file.version,
      verified: verified === 'yes',
      documents: docs.map((d) => ({ type: (d.type ?? '') as IdentityDocumentType, issuedOn: d.issuedOn, note: d.note })),
      note,
    };
    const parsed = caseInputs.recordIdentityCheck.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        found[path] ??= issueMessage(t, catalog, locale, issue, String(issue.path.at(-1) ?? ''));
      }
      setProblems(found);
      return;
    }
    setProblems({});
    mutation.mutate(input, {
      onError: (e) => {
        const found: Record<string, string> = {};
        for (const i of e.issues ?? []) found[i.field] = fieldProblemText(t, catalog, i.problem, lastSegment(i.field));
        if (e.field) found[e.field] = say(e.reason);
        setProblems(found);
      },
    });
  };
  // A refusal that names no field is the form's one alert.
  const fieldless = mutation.error && !mutation.error.field && !mutation.error.issues?.length ? mutation.error : null;

  return (
    <FormShell label={t('action.recordIdentityCheck')} onSubmit={submit} onCancel={onCancel} busy={mutation.isPending} error={fieldless} submitLabel={t('action.recordIdentityCheck')}>
      <Radio.Group label={t('identity.result')} value={verified} onChange={setVerified} required>
        <Group mt="xs">
          <Radio value="yes" label={t('identity.verified')} />
          <Radio value="no" label={t('identity.notVerified')} />
        </Group>
      </Radio.Group>
      {!member && (
        <Alert variant="light" color="yellow" p="xs">
          <Text size="xs">{t('identity.certificateRule', { documents: listOf(locale, certificateDocumentTypes.map((d) => t(`document.${d}`))) })}</Text>
        </Alert>
      )}
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('identity.documents')}
        </Text>
        {problems.documents && (
          <Text size="xs" c="red" role="alert">
            {problems.documents}
          </Text>
        )}
        {docs.map((d, i) => (
          <Paper key={d.key} withBorder p="xs" radius="sm" data-testid="identity-document">
            <Group gap="xs" align="flex-start" wrap="wrap">
              <Select
                label={t('identity.documentType', { n: i + 1 })}
                data={identityDocumentTypes.map((x) => ({ value: x, label: t(`document.${x}`) }))}
                value={d.type}
                onChange={(v) => update(d.key, { type: isOneOf(identityDocumentTypes, v) ? v : null })}
                error={problems[`documents.${i}.type`]}
                required
                searchable
                w={230}
              />
              <DateField
                label={t('identity.issuedOn')}
                value={d.issuedOn}
                onChange={(v) => update(d.key, { issuedOn: v })}
                maxDate={japanToday()}
                error={problems[`documents.${i}.issuedOn`]}
                clearable
                w={170}
              />
              <TextInput
                label={t('identity.documentNote')}
                value={d.note}
                onChange={(e) => update(d.key, { note: e.currentTarget.value })}
                error={problems[`documents.${i}.note`]}
                style={{ flex: 1, minWidth: 160 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('identity.removeDocument', { n: i + 1 })}
                disabled={docs.length === 1}
                onClick={() => setDocs((rows) => rows.filter((r) => r.key !== d.key))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setDocs((rows) => [...rows, newRow()])}
          disabled={docs.length >= 10}
          w="fit-content"
        >
          {t('identity.addDocument')}
        </Button>
      </Stack>
      <Textarea label={t('identity.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problems.note} />
    </FormShell>
  );
}
