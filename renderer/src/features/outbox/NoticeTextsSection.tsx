// Settings → Notice texts (supervisors): the bilingual body text of every notice (one per outcome for
// decisions). Each text may use only its notice's {{variables}}, listed beside the editor; an unknown
// one is refused with its name shown beside the field (checked here first, and by the desk on save).
// The default text is always one click away, and a saved text can be previewed on a real case.
import { Alert, Badge, Box, Button, Collapse, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { requestTypes, type NoticePreview, type NoticeTemplateView } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';

import { findCaseByReference } from './findCase.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { TemplateVariables } from '../../components/TemplateVariables.tsx';

export function NoticeTextsSection() {
  const { t, locale } = useI18n();
  const query = useDeskQuery('notices.templates', {});
  const setData = useSetDeskQuery();
  const [selected, setSelected] = useState<string | null>(null);
  if (!query.isSuccess) return <QueryPending query={query} />;
  const templates = query.data;
  const current = templates.find((x) => x.key === selected) ?? templates[0]!;
  const general = templates.filter((x) => x.kind !== 'decision');
  const item = (x: NoticeTemplateView) => (
    <NavLink
      key={x.key}
      component="button"
      type="button"
      label={x.outcome ? t(`outcome.${x.outcome}`) : x.title[locale]}
      description={x.outcome ? x.title[locale] : undefined}
      active={x.key === current.key}
      onClick={() => setSelected(x.key)}
      data-template={x.key}
      rightSection={x.customised ? <Badge tt="none" size="xs" variant="light" color="grape">{t('noticeTexts.customised')}</Badge> : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('noticeTexts.intro')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p="xs">
            <ScrollArea.Autosize mah="70vh" type="auto">
              <Stack gap={2} data-testid="notice-template-list">
                <Text size="xs" fw={700} c="dimmed" px="xs" pt={4}>
                  {t('noticeTexts.group.general')}
                </Text>
                {general.map(item)}
                {requestTypes.map((rt) => (
                  <Box key={rt}>
                    <Text size="xs" fw={700} c="dimmed" px="xs" pt="sm">
                      {t('noticeTexts.group.decision', { type: t(`type.${rt}`) })}
                    </Text>
                    {templates.filter((x) => x.kind === 'decision' && x.requestType === rt).map(item)}
                  </Box>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <TemplateEditor
            key={current.key}
            template={current}
            onSaved={(saved) => setData('notices.templates', {}, templates.map((x) => (x.key === saved.key ? saved : x)))}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The variables a text uses that its notice does not offer (null when it is fine). Broken braces are left to the desk. */
function unknownVariable(text: string, allowed: string[]): string | null {
  for (const m of text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) if (!allowed.includes(m[1]!)) return m[1]!;
  return null;
}

function TemplateEditor({ template, onSaved }: { template: NoticeTemplateView; onSaved: (t: NoticeTemplateView) => void }) {
  const { t, locale } = useI18n();
  const [showDefault, setShowDefault] = useState<{ ja: boolean; en: boolean }>({ ja: false, en: false });
  const allowed = template.variables.map((x) => x.name);
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'notices.saveTemplate',
    initialValues: { ja: template.ja, en: template.en },
    toInput: (v) => ({ kind: template.kind, outcome: template.outcome, ...v }),
    // Said beside the field, naming the variable, before the desk is asked.
    rules: (v) => {
      for (const lang of ['ja', 'en'] as const) {
        const name = unknownVariable(v[lang], allowed);
        if (name) return { [lang]: { key: 'noticeTexts.unknownVariable', vars: { name, allowed: allowed.map((n) => `{{${n}}}`).join(' ') } } };
      }
      return {};
    },
    onSuccess: (saved, _input, f) => {
      f.setValues({ ja: saved.ja, en: saved.en });
      onSaved(saved);
      notifications.show({ message: t('noticeTexts.saved'), color: 'teal' });
    },
  });
  const dirty = form.values.ja !== template.ja || form.values.en !== template.en;

  const editor = (lang: 'ja' | 'en') => {
    const fallback = lang === 'ja' ? template.defaultJa : template.defaultEn;
    return (
      <Stack gap={6}>
        <Textarea
          label={t(`noticeTexts.text.${lang}`)}
          autosize
          minRows={8}
          maxRows={20}
          lang={lang}
          styles={{ input: { lineHeight: 1.6 } }}
          {...field(lang)}
        />
        <Group gap="xs">
          <Button variant="subtle" size="compact-xs" onClick={() => setShowDefault((s) => ({ ...s, [lang]: !s[lang] }))} aria-expanded={showDefault[lang]}>
            {showDefault[lang] ? t('noticeTexts.hideDefault') : t('noticeTexts.showDefault')}
          </Button>
          {form.values[lang] !== fallback && (
            <Button variant="subtle" size="compact-xs" color="gray" onClick={() => form.setFieldValue(lang, fallback)}>
              {t('noticeTexts.useDefault')}
            </Button>
          )}
        </Group>
        <Collapse expanded={showDefault[lang]}>
          <Paper withBorder p="sm" bg="gray.0" data-testid={`default-${lang}`}>
            <Text size="xs" c="dimmed" mb={4}>
              {t('noticeTexts.default')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }} lang={lang}>
              {fallback}
            </Text>
          </Paper>
        </Collapse>
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={template.title[locale]} data-testid="notice-template-editor" data-template={template.key}>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={0}>
                <Title order={3} size="h5" lang="ja">
                  {template.title.ja}
                </Title>
                <Text size="sm" c="dimmed" lang="en">
                  {template.title.en}
                </Text>
              </Stack>
              {template.customised ? (
                <Badge tt="none" variant="light" color="grape">
                  {t('noticeTexts.customised')}
                </Badge>
              ) : (
                <Badge tt="none" variant="light" color="gray">
                  {t('noticeTexts.isDefault')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('noticeTexts.editHint')}
            </Text>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>{editor('ja')}</Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>{editor('en')}</Grid.Col>
            </Grid>
            <TemplateVariables variables={template.variables} testId="template-variables" />
            <FormProblem problem={formProblem} />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={!dirty}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
      <PreviewOnCase template={template} unsaved={dirty} />
    </Stack>
  );
}

/** The notice as the desk would write it today for a real case (with the saved texts). */
function PreviewOnCase({ template, unsaved }: { template: NoticeTemplateView; unsaved: boolean }) {
  const t = useT();
  const [reference, setReference] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [preview, setPreview] = useState<{ reference: string; value: NoticePreview } | null>(null);
  // The case as typed, then the notice as the desk would write it for that case (null: no such case).
  const look = useDeskStep(
    async (desk, typed: string) => {
      const found = deskValue(await findCaseByReference(desk, typed));
      if (!found) return null;
      return { reference: found.reference, value: deskValue(await desk.notices.preview({ caseId: found.id, kind: template.kind })) };
    },
    {
      onSuccess: (shown) => {
        if (shown) setPreview(shown);
        else setNotFound(true);
      },
    },
  );

  const show = (e: FormEvent) => {
    e.preventDefault();
    setNotFound(false);
    look.mutate(reference);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={show} noValidate aria-label={t('noticeTexts.preview.title')}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('noticeTexts.preview.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {template.kind === 'decision' ? t('noticeTexts.preview.hintDecision') : t('noticeTexts.preview.hint')}
          </Text>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('noticeTexts.preview.reference')}
              placeholder="PD-2026-00001"
              value={reference}
              onChange={(e) => {
                setReference(e.currentTarget.value);
                setNotFound(false);
              }}
              error={notFound ? t('noticeTexts.preview.notFound') : undefined}
              name="reference"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              w={240}
              spellCheck={false}
            />
            <Button type="submit" mt={25} variant="default" leftSection={<IconEye size={16} aria-hidden />} loading={look.isPending} disabled={reference.trim() === ''}>
              {t('noticeTexts.preview.show')}
            </Button>
          </Group>
          {unsaved && (
            <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />}>
              {t('noticeTexts.preview.unsaved')}
            </Alert>
          )}
          <ErrorAlert error={look.error} />
          {preview && (
            <Paper withBorder p="md" bg="gray.0" data-testid="notice-preview">
              <Stack gap={6}>
                <Text size="xs" c="dimmed">
                  {preview.reference} · {preview.value.email.to ?? t('noticeTexts.preview.noEmail')}
                </Text>
                <Text fw={600} size="sm" data-testid="notice-preview-subject">
                  {preview.value.email.subject}
                </Text>
                <ScrollArea.Autosize mah={420} type="auto">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }} data-testid="notice-preview-body">
                    {preview.value.email.body}
                  </Text>
                </ScrollArea.Autosize>
              </Stack>
            </Paper>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
