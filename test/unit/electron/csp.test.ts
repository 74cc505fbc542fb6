import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../build/csp.ts';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('contentSecurityPolicy', () => {
  for (const mode of ['electron', 'browser'] as const) {
    for (const delivery of ['header', 'meta'] as const) {
      describe(`${mode} / ${delivery}`, () => {
        const policy = contentSecurityPolicy(mode, delivery);
        const d = directives(policy);

        it('never allows eval or inline script', () => {
          expect(policy).not.toContain("'unsafe-eval'");
          expect(policy).not.toContain("'wasm-unsafe-eval'");
          expect(d.get('script-src')).toEqual(["'self'"]);
        });

        it('names no remote host or scheme wildcard', () => {
          expect(policy).not.toMatch(/https?:|wss?:|\*|blob:|filesystem:/);
          for (const [name, values] of d) {
            for (const v of values) {
              expect([`'self'`, `'none'`, `'unsafe-inline'`, 'data:'], `${name} ${v}`).toContain(v);
            }
          }
          expect(d.get('connect-src')).toEqual(["'self'"]);
          expect(d.get('default-src')).toEqual(["'self'"]);
        });

        it('locks down objects, base URI and forms', () => {
          expect(d.get('object-src')).toEqual(["'none'"]);
          expect(d.get('base-uri')).toEqual(["'none'"]);
          expect(d.get('form-action')).toEqual(["'none'"]);
        });

        it("allows data: only for images and 'unsafe-inline' only for styles", () => {
          for (const [name, values] of d) {
            if (values.includes('data:')) expect(name).toBe('img-src');
            if (values.includes("'unsafe-inline'")) expect(name).toBe('style-src');
          }
        });
      });
    }
  }

  it('sends frame-ancestors in headers only (a <meta> policy ignores it)', () => {
    expect(directives(contentSecurityPolicy('electron')).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy('browser', 'header')).get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('browser', 'meta')).not.toContain('frame-ancestors');
  });

  it('refuses an unknown mode', () => {
    expect(() => contentSecurityPolicy('web' as never)).toThrow(/Unknown CSP mode/);
  });
});
