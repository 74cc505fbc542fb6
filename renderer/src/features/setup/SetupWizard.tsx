// First run: the desk's sender details (prefilled from Article 11), then the first supervisor, then
// desk.setup. Each step is checked with the contract's own schema before anything is sent.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useId, useState, type FormEvent } from 'react';
import { deskDetails, type DeskDetails, type SetupResult } from '../../../../electron/contract/index.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import { deskFieldErrors, FormProblem, schemaErrors, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ARTICLE_11_DESK, DeskDetailsFields, type DeskDetailsValues } from '../settings/DeskDetailsFields.tsx';
import { RestoreLink } from '../backup/RestoreLink.tsx';
import { SetupSteps } from './SetupSteps.tsx';

export function SetupWizard({ onCreated, onRestore }: { onCreated: (result: SetupResult, details: DeskDetails) => void; onRestore?: () => void }) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<0 | 1>(0);
  // Step 1 is checked on its own (the desk's part of the set-up input) before the supervisor is asked for.
  const deskForm = useForm<DeskDetailsValues>({
    mode: 'controlled',
    initialValues: ARTICLE_11_DESK,
    validate: (values) => schemaErrors(deskDetails, values, values),
    clearInputErrorOnChange: true,
  });
  const deskFormId = useId();
  const focusDeskProblem = () =>
    requestAnimationFrame(() => document.getElementById(deskFormId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const supervisor = useDeskForm({
    method: 'desk.setup',
    initialValues: { username: '', displayName: '', password: '', confirm: '' },
    // Send what was typed: the desk normalises (NFKC) and validates again on its side.
    toInput: ({ username, displayName, password }) => ({ desk: deskForm.getValues(), supervisor: { username, displayName, password }, locale }),
    rules: (v) => ({ confirm: confirmationProblem(v.password, v.confirm) }),
    onSuccess: (result) => onCreated(result, deskDetails.parse(deskForm.getValues())),
    onDeskError: (e) => {
      const field = e.field ?? e.issues?.[0]?.field ?? '';
      if (!field.startsWith('desk.')) return false;
      // The desk's details were refused: back to their step, the problem beside its field.
      setStep(0);
      deskForm.setErrors(deskFieldErrors(e, deskForm.getValues()));
      focusDeskProblem();
      return true;
    },
  });
  const busy = supervisor.busy;

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (deskForm.validate().hasErrors) focusDeskProblem();
    else setStep(1);
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
          <form id={deskFormId} onSubmit={next} noValidate aria-label={t('setup.step.desk')}>
            <Stack gap="lg">
              <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />} role="note">
                {t('setup.prefilled')}
              </Alert>
              <DeskDetailsFields field={(name) => ({ name, ...deskForm.getInputProps(name) })} />
              <Group justify="flex-end">
                <Button type="submit">{t('common.next')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form id={supervisor.formId} onSubmit={supervisor.onSubmit} noValidate aria-label={t('setup.step.supervisor')}>
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
                {...supervisor.field('username')}
              />
              <TextInput
                label={t('account.displayName')}
                description={t('account.displayNameHint')}
                required
                autoComplete="name"
                {...supervisor.field('displayName')}
              />
              <NewPasswordFields
                password={supervisor.field('password')}
                confirm={supervisor.field('confirm')}
                label={t('account.password')}
                confirmLabel={t('account.passwordConfirm')}
              />
              <FormProblem problem={supervisor.formProblem} />
              <ErrorAlert error={supervisor.error} />
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
