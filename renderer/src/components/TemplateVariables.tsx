// The placeholders a bilingual template may use, listed beside its editor: click one to copy `{{name}}`.
// One list for the notice texts and the inquiry reply templates, which offer the same kind of variables.
import { Code, CopyButton, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface TemplateVariable {
  name: string;
  description: { ja: string; en: string };
}

export function TemplateVariables({ variables, testId }: { variables: readonly TemplateVariable[]; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {t('noticeTexts.variables')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('noticeTexts.variablesHint')}
      </Text>
      <Table verticalSpacing={2} fz="sm" withRowBorders={false}>
        <Table.Tbody>
          {variables.map((x) => (
            <Table.Tr key={x.name} data-variable={x.name}>
              <Table.Td w={230} style={{ whiteSpace: 'nowrap' }}>
                <CopyButton value={`{{${x.name}}}`}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('common.copied') : t('noticeTexts.copyVariable')} withArrow>
                      <UnstyledButton onClick={copy} aria-label={`${t('noticeTexts.copyVariable')}: {{${x.name}}}`}>
                        <Code>{`{{${x.name}}}`}</Code>
                        {copied && <IconCheck size={12} style={{ marginLeft: 4 }} aria-hidden />}
                      </UnstyledButton>
                    </Tooltip>
                  )}
                </CopyButton>
              </Table.Td>
              <Table.Td c="dimmed">{x.description[locale]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
