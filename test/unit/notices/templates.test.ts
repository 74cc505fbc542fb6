// The notice texts' small template language: plain text and {{variable}} from a fixed list per notice.
// Any template made of known variables and text validates; any unknown {{x}}, or broken braces, is refused
// naming the problem; filling is a single pass, so a value is never expanded again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noticeKinds, type NoticeKind } from '../../../electron/contract/index.ts';
import { TEMPLATE_KEYS, defaultTemplate, fillTemplate, kindOfKey, paragraphsOf, templateProblem, variableNamesFor, variablesFor } from '../../../electron/core/notices/templates.ts';

const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '\n', '様', '。', '令', '{', '}', '$', '\\'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 })
  // A single brace is text; two in a row would start or end a variable.
  .map((s) => s.replace(/\{(?=\{)/g, '{ ').replace(/\}(?=\})/g, '} ').replace(/\{$/, '{ ').replace(/^\}/, ' }'));
const kind = fc.constantFrom(...noticeKinds);

function templateOf(k: NoticeKind) {
  const variable = fc.constantFrom(...variableNamesFor(k)).chain((n) => fc.constantFrom(`{{${n}}}`, `{{ ${n} }}`));
  return fc.array(fc.oneof(text, variable), { maxLength: 12 }).map((parts) => parts.join(''));
}

describe('template validation', () => {
  it('any template made only of known variables and text validates, and fills completely', () => {
    fc.assert(
      fc.property(kind.chain((k) => fc.tuple(fc.constant(k), templateOf(k))), ([k, t]) => {
        expect(templateProblem(t, k)).toBeNull();
        const values = Object.fromEntries(variableNamesFor(k).map((n) => [n, `<${n}>`]));
        const filled = fillTemplate(t, values);
        expect(filled).not.toMatch(/\{\{\s*[A-Za-z][A-Za-z0-9]*\s*\}\}/);
      }),
      { numRuns: 500 },
    );
  });

  it('any unknown {{x}} is refused, naming it', () => {
    const unknownName = kind.chain((k) => fc.tuple(fc.constant(k), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/).filter((n) => !variableNamesFor(k).includes(n))));
    fc.assert(
      fc.property(unknownName.chain(([k, n]) => fc.tuple(fc.constant(k), fc.constant(n), templateOf(k), templateOf(k))), ([k, name, before, after]) => {
        const problem = templateProblem(`${before}{{${name}}}${after}`, k);
        expect(problem).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', name });
      }),
      { numRuns: 500 },
    );
  });

  it('broken braces are refused with the line', () => {
    const k = 'acknowledgement';
    expect(templateProblem('ok\n{{reference', k)).toEqual({ code: 'TEMPLATE_BRACES', problem: 'unclosed', line: 2 });
    expect(templateProblem('reference}} here', k)).toEqual({ code: 'TEMPLATE_BRACES', problem: 'stray_close', line: 1 });
    expect(templateProblem('{{ref {{reference}}', k)).toMatchObject({ code: 'TEMPLATE_BRACES', problem: 'nested' });
    expect(templateProblem('{{}}', k)).toMatchObject({ code: 'TEMPLATE_BRACES', problem: 'not_a_name' });
    expect(templateProblem('{{due-date}}', k)).toEqual({ code: 'TEMPLATE_BRACES', problem: 'not_a_name', line: 1, text: 'due-date' });
    expect(templateProblem('{{{reference}}}', k)).toMatchObject({ code: 'TEMPLATE_BRACES', problem: 'not_a_name' });
    expect(templateProblem('{{newDueDate}}', k)).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', name: 'newDueDate' });
    expect(templateProblem('{{newDueDate}}', 'extension')).toBeNull();
    expect(templateProblem('a {single} brace } and { are text', k)).toBeNull();
  });

  it('filling is one pass: a value holding {{…}} is not expanded', () => {
    expect(fillTemplate('{{memberName}} 様 {{reference}}', { memberName: '{{reference}}', reference: 'PD-1' })).toBe('{{reference}} 様 PD-1');
  });

  it('every default text is valid for its notice and every variable is described in both languages', () => {
    expect(TEMPLATE_KEYS).toHaveLength(18);
    for (const key of TEMPLATE_KEYS) {
      const { kind: k } = kindOfKey(key);
      const t = defaultTemplate(key);
      expect([key, templateProblem(t.ja, k), templateProblem(t.en, k)]).toEqual([key, null, null]);
      expect(t.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(t.en).not.toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    for (const k of noticeKinds) for (const v of variablesFor(k)) expect(v.description.ja && v.description.en).toBeTruthy();
  });

  it('paragraphs are split at blank lines; empty ones are dropped', () => {
    expect(paragraphsOf('a\nb\n\n \n\nc\r\n\r\nd  \n')).toEqual(['a\nb', 'c', 'd']);
  });
});
