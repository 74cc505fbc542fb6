import { Stepper } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';

/** The three steps of the first run, shown above the wizard and above the recovery key sheet. */
export function SetupSteps({ active, onBack }: { active: 0 | 1 | 2; onBack?: (step: 0) => void }) {
  const t = useT();
  return (
    <Stepper
      active={active}
      size="sm"
      allowNextStepsSelect={false}
      // Only the wizard may go back to the desk details; once the desk exists there is no going back.
      onStepClick={onBack ? (step) => step === 0 && onBack(0) : undefined}
      className="no-print"
      mb="xl"
    >
      <Stepper.Step label={t('setup.step.desk')} description={t('setup.step.desk.description')} />
      <Stepper.Step label={t('setup.step.supervisor')} description={t('setup.step.supervisor.description')} />
      <Stepper.Step label={t('setup.step.recoveryKey')} description={t('setup.step.recoveryKey.description')} />
    </Stepper>
  );
}
