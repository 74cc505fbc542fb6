// The request as received: type, what it asks, channel, arrival, requester, member, delivery, the text.
import { Box, DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseFile } from '../../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { kindLabel } from '../../../i18n/vocabulary.ts';
import { Section } from './Section.tsx';

export function RequestSection({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  const c = file.case;
  const rows: Array<[string, ReactNode]> = [
    [t('caseFile.type'), `${t(`type.${c.type}.long`)}${c.kinds.length ? ` — ${c.kinds.map((k) => kindLabel(t, c.type, k)).join('・')}` : ''}`],
    [t('intake.channel'), t(`channel.${c.channel}`)],
    [t('caseFile.arrivedAt'), <JapanDateTime key="a" at={file.deadline.arrivedAt} />],
    [t('intake.requesterKind'), c.requesterKind === 'member' ? t('requesterKind.member') : `${t(`requesterKind.${c.requesterKind}`)}: ${c.requesterName}`],
    // A representative's or agent's own contact: where the case's notices go.
    ...(c.requesterKind === 'member'
      ? []
      : ([
          [t('intake.requesterEmail'), c.requesterEmail || '—'],
          [t('intake.requesterAddress'), c.requesterPostalCode || c.requesterAddress ? <span key="ra" lang="ja" style={{ whiteSpace: 'pre-line' }}>{`〒${c.requesterPostalCode} ${c.requesterAddress}`.trim()}</span> : '—'],
          [t('intake.requesterPhone'), c.requesterPhone || '—'],
        ] as Array<[string, ReactNode]>)),
    [t('intake.memberName'), <span key="n" lang="ja">{`${c.memberName}${c.memberKana ? `（${c.memberKana}）` : ''}`}</span>],
    [t('intake.memberEmail'), c.memberEmail || '—'],
    [t('intake.memberAddress'), c.memberPostalCode || c.memberAddress ? <span key="ma" lang="ja" style={{ whiteSpace: 'pre-line' }}>{`〒${c.memberPostalCode} ${c.memberAddress}`.trim()}</span> : '—'],
    [t('intake.memberId'), c.memberId || '—'],
  ];
  if (c.type === 'disclosure') rows.push([t('intake.delivery'), c.delivery ? t(`delivery.${c.delivery}`) : '—']);
  rows.push([t('caseFile.createdBy'), <span key="c">{c.createdBy} · <JapanDateTime at={c.createdAt} /></span>]);
  return (
    <Section title={t('caseFile.section.request')} testId="section-request">
      <DataList size="sm" labelWidth={160} gap={6}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Text size="sm" fw={500} mt="md" mb={4}>
        {t('intake.requestText')}
      </Text>
      <Box
        p="sm"
        bg="gray.0"
        lang="ja"
        style={{ whiteSpace: 'pre-wrap', borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-gray-3)', maxHeight: 360, overflow: 'auto' }}
        data-testid="request-text"
      >
        <Text size="sm">{c.requestText}</Text>
      </Box>
    </Section>
  );
}
