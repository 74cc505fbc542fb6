import { Progress, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider.tsx';
import { passwordStrength } from './passwordStrength.ts';

const colors = ['red', 'red', 'orange', 'teal', 'green'] as const;

export function PasswordStrengthHint({ password, id }: { password: string; id: string }) {
  const t = useT();
  const score = passwordStrength(password);
  return (
    <Stack gap={4} id={id}>
      {password.length > 0 && (
        <>
          <Progress value={(score + 1) * 20} color={colors[score]} size="sm" aria-hidden />
          <Text size="xs" c={score >= 3 ? 'teal.8' : 'dimmed'} aria-live="polite">
            {t('password.strength', { level: t(`password.strength.${score}`) })}
          </Text>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('password.hint')}
      </Text>
    </Stack>
  );
}
