import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PublicLayout } from '../../app/PublicLayout.tsx';

/** The card every pre-login form sits in. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <PublicLayout size={440}>
      <Paper withBorder p="xl" radius="md" mt="xl">
        <Stack gap="md">
          <Title order={2}>{title}</Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
          {children}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
