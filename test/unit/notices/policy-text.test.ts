// The policy passages notices quote: the English is verbatim from the policy's English text; each has a
// Japanese rendering, marked in the source as to be checked against the Japanese original (which prevails).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { POLICY, citation } from '../../../electron/core/notices/policy-text.ts';

// The policy's English text is kept in the repository (docs/policy/), so the test never reads outside it.
const POLICY_FILE = fileURLToPath(new URL('../../../docs/policy/privacy-policy.en.txt', import.meta.url));

describe('policy passages', () => {
  it('each English passage is verbatim in the policy', () => {
    const policy = readFileSync(POLICY_FILE, 'utf8');
    for (const [name, p] of Object.entries(POLICY)) expect([name, policy.includes(p.text.en)]).toEqual([name, true]);
  });

  it('each passage has a Japanese rendering, and the source says the Japanese original prevails', () => {
    for (const p of Object.values(POLICY)) expect(p.text.ja.length).toBeGreaterThan(10);
    const source = readFileSync(fileURLToPath(new URL('../../../electron/core/notices/policy-text.ts', import.meta.url)), 'utf8');
    expect(source).toMatch(/Japanese original/);
    expect(source).toMatch(/MUST be checked against/);
  });

  it('a citation names the article and quotes the text', () => {
    expect(citation(POLICY.art6HarmToInterests)).toEqual({
      ja: 'プライバシーポリシー第6条（個人情報の開示）第1項第1号：「本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある場合」',
      en: 'Privacy Policy, Article 6 (Disclosure of personal information), paragraph 1, item 1: “When there is a risk of harming the life, body, property or other rights and interests of the person or a third party”',
    });
  });
});
