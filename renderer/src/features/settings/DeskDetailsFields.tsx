// The desk's sender block (DOMAIN.md: "Desk defaults"), edited at set-up and in Settings.
import { SimpleGrid, TextInput } from '@mantine/core';
import { ARTICLE_11_DESK as ARTICLE_11_DEFAULTS, type DeskDetails } from '../../../../electron/contract/index.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

export type DeskDetailsValues = { [K in keyof DeskDetails]: string };

/** Article 11 of the privacy policy: the contract owns these defaults. */
export const ARTICLE_11_DESK: DeskDetailsValues = { ...ARTICLE_11_DEFAULTS };

export const deskDetailsValues = (d: DeskDetails): DeskDetailsValues => ({ ...d });

/** `field` binds one input to whichever form holds the values (the set-up wizard's, Settings' @mantine/form). */
export function DeskDetailsFields({ field }: { field: (name: keyof DeskDetailsValues) => object }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput label={t('desk.companyJa')} required lang="ja" {...field('companyJa')} />
      <TextInput label={t('desk.companyEn')} required lang="en" {...field('companyEn')} />
      <TextInput label={t('desk.deskNameJa')} required lang="ja" {...field('deskNameJa')} />
      <TextInput label={t('desk.deskNameEn')} required lang="en" {...field('deskNameEn')} />
      <TextInput label={t('desk.postalCode')} required inputMode="numeric" autoComplete="postal-code" w={{ sm: 180 }} {...field('postalCode')} />
      <div />
      <TextInput label={t('desk.addressJa')} required lang="ja" style={{ gridColumn: '1 / -1' }} {...field('addressJa')} />
      <TextInput label={t('desk.addressEn')} required lang="en" style={{ gridColumn: '1 / -1' }} {...field('addressEn')} />
      <TextInput
        label={t('desk.email')}
        description={t('desk.emailHint')}
        required
        type="text"
        inputMode="email"
        autoComplete="email"
        {...field('email')}
      />
      <TextInput label={t('desk.phone')} description={t('desk.phoneHint')} type="tel" autoComplete="tel" {...field('phone')} />
    </SimpleGrid>
  );
}
