// Issue 19: what links a case to another — the inquiry a request followed, the decision a complaint is
// about — shown on BOTH files (the core gives relatedCase and linkedFrom), with the intake that makes such
// a link: the request that followed an inquiry, a complaint about a request's decision. An inquiry's or
// complaint's answer (its template and text) is shown here too once written.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import type { CaseFile, LinkedCase } from '../../../../../electron/contract/index.ts';
import { isContactType } from '../../../../../electron/contract/index.ts';
import { useShell } from '../../../app/ShellContext.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { typeLabel } from '../../../i18n/vocabulary.ts';
import { Section } from './Section.tsx';

/** A request whose decision a member may complain about: it has one (decided and after). */
const DECIDED = new Set(['decided', 'approved', 'rejected', 'notified', 'closed']);

export function LinkedCasesSection({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  const { go } = useShell();
  const c = file.case;
  const contact = isContactType(c.type);
  const related = { id: c.id, reference: c.reference };
  const followUp = c.type === 'inquiry' ? ('disclosure' as const) : !contact && DECIDED.has(c.status) ? ('complaint' as const) : null;
  const answered = contact && c.replyJa !== '';
  if (!file.relatedCase && file.linkedFrom.length === 0 && !followUp && !answered) return null;
  return (
    <Section title={contact ? t('related.answerTitle') : t('related.title')} testId="section-linked">
      <Stack gap="sm">
        {answered && (
          <Stack gap={4} data-testid="reply-text">
            <Text size="sm" c="dimmed">
              {c.replyTemplate ? t(`replyTemplate.${c.replyTemplate}`) : t('noticeKind.reply')}
            </Text>
            <Text size="sm" lang="ja" style={{ whiteSpace: 'pre-wrap' }}>
              {c.replyJa}
            </Text>
          </Stack>
        )}
        {file.relatedCase && (
          <Group gap="xs" data-testid="related-case" data-reference={file.relatedCase.reference}>
            <Text size="sm" c="dimmed">
              {t('related.about')}
            </Text>
            <CaseLink target={file.relatedCase} />
          </Group>
        )}
        {file.linkedFrom.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('related.from')}
            </Text>
            {file.linkedFrom.map((l) => (
              <Group key={l.id} gap="xs" data-testid="linked-from" data-reference={l.reference}>
                <CaseLink target={l} />
              </Group>
            ))}
          </Stack>
        )}
        {followUp && (
          <Group justify="flex-end">
            <Button variant="light" size="xs" leftSection={<IconLink size={14} aria-hidden />} onClick={() => go({ name: 'intake', start: { type: followUp, related } })}>
              {followUp === 'disclosure' ? t('inquiry.followUp') : t('related.complain')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function CaseLink({ target }: { target: LinkedCase }) {
  const { t } = useI18n();
  const { go } = useShell();
  return (
    <>
      <Anchor component="button" type="button" ff="monospace" size="sm" fw={600} onClick={() => go({ name: 'case', id: target.id })}>
        {target.reference}
      </Anchor>
      <Badge variant="outline" color={isContactType(target.type) ? 'cyan' : 'indigo'} size="sm" tt="none">
        {typeLabel(t, target.type)}
      </Badge>
      <StatusBadge status={target.status} size="sm" data-testid="linked-status" />
    </>
  );
}
