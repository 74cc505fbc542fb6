// Settings → Reply templates (supervisors, issue 19): the bilingual answers to inquiries drawn from the policy
// (purpose of use, third-party provision, promotional mail, how to make a request, blank), edited like the
// notice texts. The placeholders a template may use are listed beside it; the desk refuses an unknown one
// on save, naming it beside the field (TEMPLATE_UNKNOWN_VARIABLE), and keeps the text that was in force.
import { Badge, Button, FileInput, Grid, Group, NavLink, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReplyTemplateView } from '../../../../electron/contract/index.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { TemplateVariables } from '../../components/TemplateVariables.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { toBase64 } from '../inbox/InboxScreen.tsx';

export function ReplyTextsSection() {
  const { t } = useI18n();
  const query = useDeskQuery('inquiries.replyTemplates', {});
  const setData = useSetDeskQuery();
  const [selected, setSelected] = useState<string | null>(null);
  if (!query.isSuccess) return <QueryPending query={query} />;
  const templates = query.data;
  const current = templates.find((x) => x.template === selected) ?? templates[0]!;
  return (
    <Stack gap="md">
      <RequestFormPdfPanel />
      <Text size="sm" c="dimmed">
        {t('replyTexts.intro')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p="xs">
            <Stack gap={2} data-testid="reply-template-list">
              {templates.map((x) => (
                <NavLink
                  key={x.template}
                  component="button"
                  type="button"
                  label={t(`replyTemplate.${x.template}`)}
                  active={x.template === current.template}
                  onClick={() => setSelected(x.template)}
                  data-template={x.template}
                  rightSection={x.customised ? <Badge tt="none" size="xs" variant="light" color="grape">{t('noticeTexts.customised')}</Badge> : undefined}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                />
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <ReplyEditor key={current.template} template={current} onSaved={(saved) => setData('inquiries.replyTemplates', {}, templates.map((x) => (x.template === saved.template ? saved : x)))} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ReplyEditor({ template, onSaved }: { template: ReplyTemplateView; onSaved: (t: ReplyTemplateView) => void }) {
  const { t } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'inquiries.saveReplyTemplate',
    initialValues: { ja: template.ja, en: template.en },
    toInput: (v) => ({ template: template.template, ...v }),
    // An unknown placeholder comes back for its field (ja or en), naming it: shown beside that field.
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
        <Textarea label={t(`noticeTexts.text.${lang}`)} autosize minRows={8} maxRows={20} lang={lang} styles={{ input: { lineHeight: 1.6 } }} {...field(lang)} />
        {form.values[lang] !== fallback && (
          <Group gap="xs">
            <Button variant="subtle" size="compact-xs" color="gray" onClick={() => form.setFieldValue(lang, fallback)}>
              {t('noticeTexts.useDefault')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  };

  return (
    <form
      id={formId}
      onSubmit={onSubmit}
      noValidate
      aria-label={t(`replyTemplate.${template.template}`)}
      data-testid="reply-template-editor"
      data-template={template.template}
    >
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5">
              {t(`replyTemplate.${template.template}`)}
            </Title>
            <Badge tt="none" variant="light" color={template.customised ? 'grape' : 'gray'}>
              {template.customised ? t('noticeTexts.customised') : t('noticeTexts.isDefault')}
            </Badge>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>{editor('ja')}</Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>{editor('en')}</Grid.Col>
          </Grid>
          <TemplateVariables variables={template.variables} testId="reply-template-variables" />
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
  );
}

/** The request form PDF the "how to make a request" email carries: stored by a supervisor, replaced at will. */
function RequestFormPdfPanel() {
  const { t, locale } = useI18n();
  const query = useDeskQuery('inquiries.requestFormPdf', {});
  const save = useDeskMutation('inquiries.saveRequestFormPdf', { onSuccess: () => notifications.show({ message: t('requestFormPdf.saved'), color: 'teal' }) });
  const busy = save.isPending;
  const problem = save.error;
  const store = async (file: File | null) => {
    if (!file) return;
    save.mutate({ base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
  };
  const info = query.data;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="request-form-pdf">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('requestFormPdf.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('requestFormPdf.intro')}
        </Text>
        {query.isSuccess && (
          <Text size="sm" data-testid="request-form-pdf-state" data-stored={info !== null}>
            {info
              ? t('requestFormPdf.stored', { size: Math.max(1, Math.round(info.size / 1024)), by: info.storedBy, at: formatDateTime(locale, info.storedAt) })
              : t('requestFormPdf.none')}
          </Text>
        )}
        <FileInput
          label={t('requestFormPdf.choose')}
          accept="application/pdf"
          value={null}
          onChange={(f) => void store(f)}
          disabled={busy}
          clearable={false}
          maw={360}
        />
        <ErrorAlert error={problem} />
      </Stack>
    </Paper>
  );
}
