// The frame of every screen shown while nobody is logged in (set-up, login, recovery): no navigation,
// no desk data, only the product name and the language switch.
import { Box, Container, Group, Stack, Text, Title, type MantineSize } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function PublicLayout({ children, size = 'xs' }: { children: ReactNode; size?: MantineSize | number }) {
  const t = useT();
  return (
    <Box mih="100dvh" bg="gray.0" className="public-layout">
      <Box component="header" className="no-print" bg="white" px="lg" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconShieldLock size={26} color="var(--mantine-color-indigo-7)" aria-hidden />
            <Stack gap={0}>
              <Title order={1} size="h4">
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={size} py="xl">
        {children}
      </Container>
    </Box>
  );
}
