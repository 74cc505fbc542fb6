// Two people acting on one case: the second is told who changed it and when, in the reader's words and
// Japan time — "PD-… was changed by 佐藤 花子 at 10:42 — reload to see it" — on both screens and the CLI.
import { describe, expect, it } from 'vitest';
import { inEnglish, type Coded } from '../../../electron/contract/index.ts';
import { jaCodes } from '../../../renderer/src/i18n/ja-codes.ts';
import { enCodes } from '../../../renderer/src/i18n/en-codes.ts';
import { ja } from '../../../renderer/src/i18n/ja.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { say, wordsFor } from '../../../renderer/src/i18n/codes.ts';
import { interpolate, type MessageKey } from '../../../renderer/src/i18n/catalog.ts';

const jaWords = wordsFor((k: MessageKey, v) => interpolate(ja[k], v), 'ja', ja);
const enWords = wordsFor((k: MessageKey, v) => interpolate(en[k], v), 'en', en);

describe('CASE_CHANGED on screen', () => {
  const changed: Coded = { code: 'CASE_CHANGED', reference: 'PD-2026-00042', by: 'sato', byName: '佐藤 花子', at: '2026-11-24T01:42:00.000Z' };

  it('names the case, the colleague and the time (10:42 Japan time), and says to reload', () => {
    const jaText = say(jaCodes, jaWords, changed);
    const enText = say(enCodes, enWords, changed);
    expect(jaText).toContain('PD-2026-00042');
    expect(jaText).toContain('佐藤 花子');
    expect(jaText).toContain('10:42');
    expect(jaText).toContain('再読み込み');
    expect(enText).toMatch(/^PD-2026-00042 was changed by 佐藤 花子 at .*10:42.* — reload to see it\.$/);
    // The CLI and the logs keep the instant as stored.
    expect(inEnglish(changed)).toBe('PD-2026-00042 was changed by 佐藤 花子 at 2026-11-24T01:42:00.000Z — reload to see it.');
  });

  it('falls back to the user name, then to "a colleague", when the display name is not known', () => {
    expect(say(enCodes, enWords, { ...changed, byName: null })).toContain('changed by sato at');
    expect(say(enCodes, enWords, { ...changed, byName: null, by: null })).toContain('changed by a colleague at');
    expect(say(jaCodes, jaWords, { ...changed, byName: null, by: null })).toContain('他の担当者');
  });
});
