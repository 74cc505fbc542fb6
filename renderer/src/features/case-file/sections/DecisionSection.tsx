// The decision and its approval (four eyes), or the withdrawal / rejection that ended the request.
import { DataList, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseFile, RejectionGround } from '../../../../../electron/contract/index.ts';
import { rejectionGrounds } from '../../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { outcomeLabel } from '../../../i18n/vocabulary.ts';
import { Section } from './Section.tsx';

export function DecisionSection({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  const c = file.case;
  const rows: Array<[string, ReactNode]> = [];
  if (c.outcome) {
    rows.push([t('caseFile.outcome'), <Text key="o" size="sm" fw={600} data-testid="decision-outcome" data-outcome={c.outcome}>{outcomeLabel(t, c.outcome)}</Text>]);
    if (c.grounds.length > 0) {
      rows.push([
        t('caseFile.grounds'),
        <Stack key="g" gap={4} data-testid="decision-grounds">
          {c.grounds.map((g) => (
            <div key={g} data-ground={g}>
              <Text size="sm" fw={500}>
                {t(`ground.${g}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`ground.${g}.text`)}
              </Text>
            </div>
          ))}
        </Stack>,
      ]);
    }
    if (c.alternativeMeasure) rows.push([t('caseFile.alternativeMeasure'), <Text key="m" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.alternativeMeasure}</Text>]);
    if (c.reasoning) rows.push([t('caseFile.reasoning'), <Text key="r" size="sm" style={{ whiteSpace: 'pre-wrap' }} lang="ja">{c.reasoning}</Text>]);
    if (c.decidedBy && c.decidedAt) rows.push([t('caseFile.decided'), <span key="d">{c.decidedBy} · <JapanDateTime at={c.decidedAt} /></span>]);
    rows.push([
      t('caseFile.approved'),
      c.approvedBy && c.approvedAt ? (
        <span key="a" data-testid="approved-by">
          {c.approvedBy} · <JapanDateTime at={c.approvedAt} />
        </span>
      ) : (
        <Text key="a" size="sm" c="dimmed">
          {t('caseFile.notApproved')}
        </Text>
      ),
    ]);
  }
  if (c.closureGround) {
    const ground = c.closureGround === 'withdrawn' ? t('status.withdrawn') : (rejectionGrounds as readonly string[]).includes(c.closureGround) ? t(`rejectionGround.${c.closureGround as RejectionGround}`) : c.closureGround;
    rows.push([t('caseFile.closureGround'), ground]);
    if (c.closureReason) rows.push([t('caseFile.reason'), <Text key="cr" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.closureReason}</Text>]);
  }
  return (
    <Section title={t('caseFile.section.decision')} testId="section-decision">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseFile.noDecision')}
        </Text>
      ) : (
        <DataList size="sm" labelWidth={160} gap={6}>
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </Section>
  );
}
