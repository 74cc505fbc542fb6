import { Stack, Tabs, Title } from '@mantine/core';
import { IconBuilding, IconClock, IconDatabase, IconFileText, IconMail, IconMessageReply, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import type { SessionUser } from '../../../../electron/contract/index.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { BackupSettingsSection } from '../backup/BackupSettingsSection.tsx';
import { MailSettingsSection } from '../outbox/MailSettingsSection.tsx';
import { MailboxSettingsSection } from '../inbox/MailboxSettingsSection.tsx';
import { NoticeTextsSection } from '../outbox/NoticeTextsSection.tsx';
import { ReplyTextsSection } from '../inquiries/ReplyTextsSection.tsx';
import { NoticeSettingsSection } from './NoticeSettingsSection.tsx';
import { AccountsPanel } from './AccountsPanel.tsx';
import { RetentionPanel } from '../retention/RetentionPanel.tsx';
import { DeadlineSettingsForm } from './DeadlineSettingsForm.tsx';
import { DeskSettingsForm } from './DeskSettingsForm.tsx';
import { SecurityPanel } from './SecurityPanel.tsx';

/** Supervisors only (the shell hides it from agents; the desk refuses them anyway). */
export function SettingsScreen({ currentUser, onDeskChanged }: { currentUser: SessionUser; onDeskChanged: () => void }) {
  const t = useT();
  return (
    <>
      <Title order={2} mb="lg">
        {t('settings.title')}
      </Title>
      <Tabs defaultValue="desk" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="desk" leftSection={<IconBuilding size={16} aria-hidden />}>
            {t('settings.tab.desk')}
          </Tabs.Tab>
          <Tabs.Tab value="deadlines" leftSection={<IconClock size={16} aria-hidden />}>
            {t('settings.tab.deadlines')}
          </Tabs.Tab>
          <Tabs.Tab value="accounts" leftSection={<IconUsers size={16} aria-hidden />}>
            {t('settings.tab.accounts')}
          </Tabs.Tab>
          <Tabs.Tab value="mail" leftSection={<IconMail size={16} aria-hidden />}>
            {t('outputSettings.tab.mail')}
          </Tabs.Tab>
          <Tabs.Tab value="notices" leftSection={<IconFileText size={16} aria-hidden />}>
            {t('outputSettings.tab.notices')}
          </Tabs.Tab>
          <Tabs.Tab value="replies" leftSection={<IconMessageReply size={16} aria-hidden />}>
            {t('settings.tab.replies')}
          </Tabs.Tab>
          <Tabs.Tab value="backup" leftSection={<IconDatabase size={16} aria-hidden />}>
            {t('outputSettings.tab.backup')}
          </Tabs.Tab>
          <Tabs.Tab value="retention" leftSection={<IconDatabase size={16} aria-hidden />}>
            {t('settings.tab.retention')}
          </Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            {t('settings.tab.security')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="desk">
          <DeskSettingsForm onSaved={onDeskChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines">
          <DeadlineSettingsForm />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <AccountsPanel currentUser={currentUser} />
        </Tabs.Panel>
        <Tabs.Panel value="mail">
          <Stack gap="lg">
            <MailSettingsSection />
            <MailboxSettingsSection />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notices">
          <Stack gap="lg">
            <NoticeSettingsSection />
            <NoticeTextsSection />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="replies">
          <ReplyTextsSection />
        </Tabs.Panel>
        <Tabs.Panel value="retention">
          <RetentionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="backup">
          <BackupSettingsSection />
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <SecurityPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
