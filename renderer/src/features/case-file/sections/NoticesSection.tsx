import { Table, Text } from '@mantine/core';
import type { CaseFile } from '../../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { CaseLetterButton } from '../../letters/CaseLetterButton.tsx';
import { Section } from './Section.tsx';

export function NoticesSection({ file, onChanged }: { file: CaseFile; onChanged?: (file: CaseFile) => void }) {
  const { t } = useI18n();
  return (
    <Section title={t('caseFile.section.notices')} testId="section-notices" aside={<CaseLetterButton file={file} onRecorded={onChanged} />}>
      {file.notices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseFile.noNotices')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('caseFile.noticeKind')}</Table.Th>
              <Table.Th>{t('caseFile.noticeChannel')}</Table.Th>
              <Table.Th>{t('caseFile.noticeNote')}</Table.Th>
              <Table.Th>{t('caseFile.recordedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.notices.map((n) => (
              <Table.Tr key={n.id} data-kind={n.kind}>
                <Table.Td>{t(`noticeKind.${n.kind}`)}</Table.Td>
                <Table.Td>{t(`noticeChannel.${n.channel}`)}</Table.Td>
                <Table.Td>
                  {n.mail ? (
                    <>
                      {t('caseFile.noticeMailed', { to: n.mail.to, messageId: n.mail.messageId })}
                      {n.mail.resent && (
                        <Text size="xs" c="orange.9">
                          {t('caseFile.noticeMailedResent')}
                        </Text>
                      )}
                    </>
                  ) : (
                    n.note
                  )}
                </Table.Td>
                <Table.Td>
                  {n.recordedBy} · <JapanDateTime at={n.recordedAt} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
