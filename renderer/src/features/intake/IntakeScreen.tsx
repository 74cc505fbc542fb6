// Taking a request in (email, post, phone): checked with the contract's intakeInput before it is sent,
// duplicates shown before saving, the new case file opened after. The arrival is typed as Japan time
// whatever zone this PC is in, and sent with its +09:00 offset.
import { Anchor, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import {
  caseTypes,
  deliveryPreferences,
  intakeChannels,
  isContactType,
  kindsOfType,
  memberEmail as memberEmailSchema,
  requesterKinds,
  type CaseType,
  type DeliveryPreference,
  type DuplicateCandidate,
  type Input,
  type IntakeChannel,
  type RequesterKind,
} from '../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { useShell, type IntakeStart, type MailIntake } from '../../app/ShellContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { TimeField } from '../../components/TimeField.tsx';
import { parseTypedTime } from '../../forms/typedInput.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { japanInstant, japanParts } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindLabel } from '../../i18n/vocabulary.ts';
import { DuplicatesModal } from './DuplicatesModal.tsx';

type Values = {
  type: CaseType;
  kinds: string[];
  channel: IntakeChannel;
  /** Not an input of its own: where problems with the arrival instant are shown (beside the date). */
  arrivedAt: string;
  arrivalDate: string;
  arrivalTime: string;
  requesterKind: RequesterKind;
  requesterName: string;
  requesterPostalCode: string;
  requesterAddress: string;
  requesterEmail: string;
  requesterPhone: string;
  memberName: string;
  memberKana: string;
  memberEmail: string;
  memberPostalCode: string;
  memberAddress: string;
  memberId: string;
  requestText: string;
  delivery: DeliveryPreference | '';
  /** A training or test case. */
  training: boolean;
};

function initialValues(mail?: MailIntake, start?: IntakeStart): Values {
  const now = japanParts(mail ? new Date(mail.prefill.arrivedAt) : new Date());
  const values: Values = {
    type: start?.type ?? 'disclosure',
    kinds: [],
    channel: 'email',
    arrivedAt: '',
    arrivalDate: now.date,
    arrivalTime: now.time,
    requesterKind: 'member',
    requesterName: '',
    requesterPostalCode: '',
    requesterAddress: '',
    requesterEmail: '',
    requesterPhone: '',
    memberName: '',
    memberKana: '',
    memberEmail: '',
    memberPostalCode: '',
    memberAddress: '',
    memberId: '',
    requestText: '',
    delivery: '',
    training: false,
  };
  // From an incoming mail: name and email from From, the text, arrival when the desk's server received it.
  return mail ? { ...values, channel: mail.prefill.channel, memberName: mail.prefill.memberName, memberEmail: mail.prefill.memberEmail, requestText: mail.prefill.requestText } : values;
}

const isCaseType = (s: string): s is CaseType => (caseTypes as readonly string[]).includes(s);
const isChannel = (s: string): s is IntakeChannel => (intakeChannels as readonly string[]).includes(s);
const isRequesterKind = (s: string): s is RequesterKind => (requesterKinds as readonly string[]).includes(s);
const isDelivery = (s: string): s is DeliveryPreference => (deliveryPreferences as readonly string[]).includes(s);

/** What the form's values stand for in the contract's intake input. */
function intakeOf(v: Values, relatedCaseId: number | null): Input<'cases.create'> {
  const arrival = parseTypedTime(v.arrivalTime);
  const member = v.requesterKind === 'member';
  return {
    type: v.type,
    kinds: v.kinds,
    channel: v.channel,
    arrivedAt: v.arrivalDate && arrival ? japanInstant(v.arrivalDate, arrival) : '',
    requesterKind: v.requesterKind,
    requesterName: member ? '' : v.requesterName,
    // A representative's or agent's own contact: their notices go there.
    requesterPostalCode: member ? '' : v.requesterPostalCode,
    requesterAddress: member ? '' : v.requesterAddress,
    requesterEmail: member ? '' : v.requesterEmail,
    requesterPhone: member ? '' : v.requesterPhone,
    memberName: v.memberName,
    memberKana: v.memberKana,
    memberEmail: v.memberEmail,
    memberPostalCode: v.memberPostalCode,
    memberAddress: v.memberAddress,
    memberId: v.memberId,
    requestText: v.requestText,
    delivery: v.type === 'disclosure' && v.delivery !== '' ? v.delivery : null,
    training: v.training,
    relatedCaseId,
  };
}

export function IntakeScreen({ mail, start }: { mail?: MailIntake; start?: IntakeStart } = {}) {
  const { t, say } = useI18n();
  const { go } = useShell();
  const [initial] = useState(() => initialValues(mail, start));
  const relatedCaseId = start?.related?.id ?? null;
  // Possible duplicates found before saving, with the send that saves anyway.
  const [duplicates, setDuplicates] = useState<{ candidates: DuplicateCandidate[]; save: () => void } | null>(null);
  // The look for duplicates between the check and the save: a look that fails does not stop the save.
  const findDuplicates = useDeskMutation('cases.findDuplicates');
  const { form, formId, onSubmit, field, busy: sending, error, formProblem } = useDeskForm({
    // From a mail: the case and the mail's attachment to it are one change (core/inbox).
    method: mail ? 'inbox.createCase' : 'cases.create',
    initialValues: initial,
    toInput: (v) => (mail ? { id: mail.inboxId, intake: intakeOf(v, relatedCaseId) } : intakeOf(v, relatedCaseId)),
    rules: (v) => {
      const arrivedAt = intakeOf(v, relatedCaseId).arrivedAt;
      return {
        arrivedAt: !v.arrivalDate || !v.arrivalTime
          ? 'intake.arrivalMissing'
          : !parseTypedTime(v.arrivalTime)
            ? 'intake.arrivalTimeInvalid'
            : Date.parse(arrivedAt) > Date.now() + 60_000
              ? 'intake.arrivalFuture'
              : undefined,
        // An address with its dots in the wrong place fails a contract rule whose message is about the
        // address's form: say that, rather than the "email or postal address" rule of the same kind.
        memberEmail: v.memberEmail.trim() && !memberEmailSchema.safeParse(v.memberEmail).success ? 'validation.pattern.memberEmail' : undefined,
      };
    },
    beforeSend: (input, save) => {
      const intake = 'intake' in input ? input.intake : input;
      findDuplicates.mutate(
        { type: intake.type, memberName: intake.memberName, memberEmail: intake.memberEmail },
        {
          onSuccess: (found) => (found.length > 0 ? setDuplicates({ candidates: found, save }) : save()),
          onError: save,
        },
      );
    },
    onSuccess: (created) => {
      // What intake should point out at once (sub-kind not known yet, due date after the Art. 39 mark) goes
      // with the saved message. Not as toasts that stay until closed: they piled up over the form's submit
      // button, so the next intake could not be saved; the case file opened now keeps showing the flags.
      const flags = created.flags.map((flag) => say(flag));
      notifications.show({
        message: [t('intake.saved', { reference: created.reference }), ...flags].join('\n'),
        color: flags.length ? 'orange' : 'teal',
        autoClose: flags.length ? 10_000 : 4_000,
        style: { whiteSpace: 'pre-line' },
      });
      go({ name: 'case', id: created.id }, { replace: true });
    },
  });
  const busy = sending || findDuplicates.isPending;
  const v = form.values;
  const type = v.type;
  const arrivalError = form.errors.arrivedAt;

  return (
    <Stack gap="lg" maw={1000}>
      <Group gap="sm">
        <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'queue' })}>
          <Group gap={4}>
            <IconArrowLeft size={16} aria-hidden />
            {t('caseFile.backToQueue')}
          </Group>
        </Anchor>
      </Group>
      <Stack gap={4}>
        <Title order={2}>{t('intake.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('intake.intro')}
        </Text>
        {mail && (
          <Text size="sm" c="indigo" data-testid="intake-from-mail">
            {t('inbox.fromMail', { subject: mail.subject || t('inbox.noSubject') })}
          </Text>
        )}
        {start?.related && (
          <Text size="sm" c="indigo" data-testid="intake-related">
            {t('intake.related', { reference: start.related.reference })}
          </Text>
        )}
      </Stack>

      <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('intake.title')}>
        <Stack gap="lg">
          <Section title={t('intake.section.request')}>
            <Radio.Group
              label={t('intake.type')}
              value={v.type}
              onChange={(next) => {
                if (!isCaseType(next)) return;
                form.setFieldValue('type', next);
                form.setFieldValue('kinds', []);
              }}
              required
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                {caseTypes.map((rt) => (
                  <Radio key={rt} value={rt} label={t(`type.${rt}.long`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            <Checkbox.Group
              label={type === 'disclosure' ? t('intake.kinds.disclosure') : isContactType(type) ? t('intake.kinds.contact') : t('intake.kinds')}
              {...form.getInputProps('kinds')}
              description={type !== 'disclosure' ? t('caseRules.intake.kindsOptional') : undefined}
            >
              <Group mt="xs" gap="lg">
                {kindsOfType(type).map((k) => (
                  <Checkbox key={k} value={k} label={kindLabel(t, type, k)} name="kinds" />
                ))}
              </Group>
            </Checkbox.Group>
            {type === 'disclosure' && (
              <Radio.Group label={t('intake.delivery')} value={v.delivery} onChange={(next) => isDelivery(next) && form.setFieldValue('delivery', next)} error={form.errors.delivery} required>
                <Group mt="xs" gap="lg">
                  {deliveryPreferences.map((d) => (
                    <Radio key={d} value={d} label={t(`delivery.${d}`)} name="delivery" />
                  ))}
                </Group>
              </Radio.Group>
            )}
          </Section>

          <Section title={t('intake.section.arrival')}>
            <Checkbox
              label={t('intake.training')}
              description={t('intake.trainingHint')}
              {...form.getInputProps('training', { type: 'checkbox' })}
              data-testid="intake-training"
            />
            <Radio.Group label={t('intake.channel')} value={v.channel} onChange={(next) => isChannel(next) && form.setFieldValue('channel', next)} required>
              <Group mt="xs" gap="lg">
                {intakeChannels.map((c) => (
                  <Radio key={c} value={c} label={t(`channel.${c}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="arrival-label">
                {t('intake.arrival')}
              </Text>
              <Group gap="sm" align="flex-start">
                <DateField
                  label={t('intake.arrivalDate')}
                  name="arrivedAt"
                  value={v.arrivalDate || null}
                  onChange={(d) => {
                    form.setFieldValue('arrivalDate', d ?? '');
                    form.clearFieldError('arrivedAt');
                  }}
                  error={arrivalError}
                  aria-invalid={arrivalError ? true : undefined}
                  w={230}
                  required
                />
                <TimeField
                  label={t('intake.arrivalTime')}
                  value={v.arrivalTime}
                  onChange={(time) => {
                    form.setFieldValue('arrivalTime', time);
                    form.clearFieldError('arrivedAt');
                  }}
                  w={230}
                  required
                />
              </Group>
              <Text size="xs" c="dimmed">
                {t('intake.arrivalHint')}
              </Text>
            </Stack>
          </Section>

          <Section title={t('intake.section.requester')}>
            <Radio.Group label={t('intake.requesterKind')} value={v.requesterKind} onChange={(next) => isRequesterKind(next) && form.setFieldValue('requesterKind', next)} required>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                {requesterKinds.map((k) => (
                  <Radio key={k} value={k} label={t(`requesterKind.${k}`)} description={t(`requesterKind.${k}.hint`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            {v.requesterKind !== 'member' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
                <TextInput label={t('intake.requesterName')} description={t('intake.requesterNameHint')} required lang="ja" style={{ gridColumn: '1 / -1' }} {...field('requesterName')} />
                <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
                  {t('intake.requesterContactHint')}
                </Text>
                <TextInput label={t('intake.requesterEmail')} inputMode="email" autoComplete="off" {...field('requesterEmail')} />
                <TextInput label={t('intake.requesterPhone')} inputMode="tel" autoComplete="off" {...field('requesterPhone')} />
                <TextInput label={t('intake.requesterPostalCode')} inputMode="numeric" autoComplete="off" w={{ sm: 180 }} {...field('requesterPostalCode')} />
                <div />
                <Textarea
                  label={t('intake.requesterAddress')}
                  description={t('intake.requesterAddressHint')}
                  lang="ja"
                  autoComplete="off"
                  autosize
                  minRows={2}
                  maxRows={5}
                  style={{ gridColumn: '1 / -1' }}
                  {...field('requesterAddress')}
                />
              </SimpleGrid>
            )}
          </Section>

          <Section title={t('intake.section.member')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              <TextInput label={t('intake.memberName')} required lang="ja" autoComplete="off" {...field('memberName')} />
              <TextInput label={t('intake.memberKana')} description={t('intake.memberKanaHint')} lang="ja" autoComplete="off" {...field('memberKana')} />
              <TextInput
                label={t('intake.memberEmail')}
                description={t('intake.memberEmailHint')}
                inputMode="email"
                autoComplete="off"
                {...field('memberEmail')}
              />
              <TextInput label={t('intake.memberId')} description={t('intake.memberIdHint')} autoComplete="off" {...field('memberId')} />
              <TextInput label={t('intake.memberPostalCode')} inputMode="numeric" autoComplete="off" w={{ sm: 180 }} {...field('memberPostalCode')} />
              <div />
              <Textarea
                label={t('intake.memberAddress')}
                description={t('intake.memberAddressHint')}
                lang="ja"
                autoComplete="off"
                autosize
                minRows={2}
                maxRows={5}
                style={{ gridColumn: '1 / -1' }}
                {...field('memberAddress')}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('intake.section.text')}>
            <Textarea
              label={t('intake.requestText')}
              description={t('intake.requestTextHint')}
              required
              autosize
              minRows={8}
              maxRows={24}
              lang="ja"
              {...field('requestText')}
            />
          </Section>

          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => go({ name: 'queue' })} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>

      <DuplicatesModal
        candidates={duplicates?.candidates ?? null}
        onCancel={() => setDuplicates(null)}
        onOpen={(id) => {
          setDuplicates(null);
          go({ name: 'case', id }, { replace: true });
        }}
        onSaveAnyway={() => {
          duplicates?.save();
          setDuplicates(null);
        }}
        busy={busy}
      />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="fieldset" style={{ margin: 0 }}>
      <Text component="legend" fw={700} size="sm" px={4}>
        {title}
      </Text>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
