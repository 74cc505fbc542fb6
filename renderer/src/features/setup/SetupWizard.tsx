// First run: the desk's sender details (prefilled from Article 11), then the first supervisor, then
// desk.setup. Each step is checked with the contract's own schema before anything is sent.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { deskDetails, methods, type DeskDetails, type DeskErrorData, type SetupResult } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ARTICLE_11_DESK, DeskDetailsFields } from '../settings/DeskDetailsFields.tsx';
import { RestoreLink } from '../backup/RestoreLink.tsx';
import { SetupSteps } from './SetupSteps.tsx';

const supervisorSchema = methods['desk.setup'].input.shape.supervisor;

export function SetupWizard({ onCreated, onRestore }: { onCreated: (result: SetupResult, details: DeskDetails) => void; onRestore?: () => void }) {
  const { t, locale } = useI18n();
  const desk = useDesk();
  const [step, setStep] = useState<0 | 1>(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const deskForm = useContractForm(ARTICLE_11_DESK);
  const supervisorForm = useContractForm({ username: '', displayName: '', password: '', confirm: '' });

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (deskForm.check(deskDetails, deskForm.values)) {
      setError(null);
      setStep(1);
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const { username, displayName, password, confirm } = supervisorForm.values;
    const supervisor = supervisorForm.check(
      supervisorSchema,
      { username, displayName, password },
      confirmationProblem(password, confirm, 'confirm'),
    );
    if (!supervisor) return;
    setBusy(true);
    setError(null);
    // Send what was typed: the desk normalises (NFKC) and validates again on its side.
    const result = await desk.desk.setup({ desk: deskForm.values, supervisor: { username, displayName, password }, locale });
    setBusy(false);
    if (result.ok) {
      onCreated(result.value, deskDetails.parse(deskForm.values));
      return;
    }
    const field = result.error.field ?? result.error.issues?.[0]?.field ?? '';
    if (field.startsWith('desk.')) {
      setStep(0);
      deskForm.applyServerError(result.error);
    } else if (!supervisorForm.applyServerError(result.error)) {
      setError(result.error);
    }
  };

  return (
    <PublicLayout size="md">
      <Stack gap="xs" mb="lg">
        <Title order={2}>{t('setup.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('setup.intro')}
        </Text>
        {onRestore && <RestoreLink onRestore={onRestore} />}
      </Stack>
      <SetupSteps active={step} onBack={busy ? undefined : setStep} />
      <Paper withBorder p="xl" radius="md">
        {step === 0 ? (
          <form id={deskForm.formId} onSubmit={next} noValidate aria-label={t('setup.step.desk')}>
            <Stack gap="lg">
              <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />} role="note">
                {t('setup.prefilled')}
              </Alert>
              <DeskDetailsFields field={deskForm.text} />
              <Group justify="flex-end">
                <Button type="submit">{t('common.next')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form id={supervisorForm.formId} onSubmit={(e) => void create(e)} noValidate aria-label={t('setup.step.supervisor')}>
            <Stack gap="md">
              <Text size="sm">{t('setup.supervisorIntro')}</Text>
              <TextInput
                label={t('account.username')}
                description={t('account.usernameHint')}
                required
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                data-autofocus
                {...supervisorForm.text('username')}
              />
              <TextInput
                label={t('account.displayName')}
                description={t('account.displayNameHint')}
                required
                autoComplete="name"
                {...supervisorForm.text('displayName')}
              />
              <NewPasswordFields
                form={supervisorForm}
                name="password"
                confirmName="confirm"
                label={t('account.password')}
                confirmLabel={t('account.passwordConfirm')}
              />
              <ErrorAlert error={error} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)} disabled={busy}>
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('setup.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </PublicLayout>
  );
}
