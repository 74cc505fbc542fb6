// One figure of the report: its label and its number. A figure backed by cases is a button that opens
// the queue filtered to exactly those cases (cases.list with `report`), the same rule that counted them.
import { Group, Text, UnstyledButton } from '@mantine/core';
import type { ReportBucket } from '../../../../electron/contract/index.ts';
import { initialQueueState } from '../queue/queueState.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { queueParamsOf } from '../queue/queueParams.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { Period } from './periods.ts';

interface FigureProps {
  label: string;
  value: number | string;
  period: Period;
  /** The cases behind the figure; absent for a figure that is not a count of cases (a rate, a median, yen). */
  bucket?: ReportBucket;
  /** A number of cases, when `value` is formatted. */
  count?: number;
  strong?: boolean;
  indent?: boolean;
}

/** Opens the queue filtered to exactly the cases behind a figure (or a chart's bar) of a period. */
export function useOpenCases(): (period: Period, bucket: ReportBucket, label: string) => void {
  const { go } = useShell();
  return (period, bucket, label) => go({ name: 'queue', search: queueParamsOf({ ...initialQueueState, report: { from: period.from, to: period.to, bucket, label } }).toString() });
}

export function Figure({ label, value, period, bucket, count, strong, indent }: FigureProps) {
  const t = useT();
  const openCases = useOpenCases();
  const n = count ?? (typeof value === 'number' ? value : 0);
  const body = (
    <Group justify="space-between" wrap="nowrap" gap="md" py={4} pl={indent ? 'md' : 0}>
      <Text size="sm" fw={strong ? 600 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} ff="monospace" c={bucket && n > 0 ? 'blue.7' : undefined} td={bucket && n > 0 ? 'underline' : undefined}>
        {value}
      </Text>
    </Group>
  );
  if (!bucket || n === 0) return <div data-testid={bucket ? `figure-${bucket}` : undefined} data-value={value}>{body}</div>;
  return (
    <UnstyledButton
      w="100%"
      data-testid={`figure-${bucket}`}
      data-value={value}
      title={t('reports.open.cases', { label, n })}
      onClick={() => openCases(period, bucket, label)}
    >
      {body}
    </UnstyledButton>
  );
}
