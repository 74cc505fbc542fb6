// The letter methods of the contract (core/letters). Rendering is pure and transport-neutral; the core
// never prints: letters.print and letters.savePdf are answered by the Electron main process itself
// (electron/main/print.ts), so here they only tell a browser-mode caller what to do instead.
import type { LetterDocument, MethodsOf, NoticeKind, SessionUser } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { auditLetterView, letterOf, readyLetters, recordPrinted, type LetterSource } from '../letters/service.ts';
import { renderLetterBatch, type Letter } from '../letters/render.ts';
import { japanDateOf } from '../calendar/index.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type LetterMethod = MethodsOf<'letters'>;

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);


export function letterHandlers(ctx: DeskContext): HandlerMap<LetterMethod> {
  const source = async (user: SessionUser): Promise<LetterSource> => ({ db: ctx.db(), calendar: await ctx.calendar(), user, now: ctx.now(), settings: await ctx.settings() });

  /** Builds the letters in order, recording each rendering in the audit log. */
  const build = async (user: SessionUser, refs: Array<{ caseId: number; kind: NoticeKind }>, purpose: 'preview' | 'print' | 'measure') => {
    const src = await source(user);
    const letters: Letter[] = [];
    const references: string[] = [];
    const warnings: LetterDocument['warnings'] = [];
    await src.db.transaction().execute(async (db) => {
      for (const ref of refs) {
        const one = await letterOf({ ...src, db }, ref.caseId, ref.kind);
        letters.push(one.letter);
        references.push(one.reference);
        warnings.push(...one.warnings);
        await auditLetterView(db, user.username, src.now, ref.caseId, one.reference, ref.kind, purpose);
      }
    });
    return { letters, references, warnings, today: japanDateOf(src.now) };
  };

  return {
    'letters.preview': async ({ caseId, kind }, user): Promise<LetterDocument> => {
      const b = await build(user, [{ caseId, kind }], 'preview');
      const html = renderLetterBatch(b.letters);
      return { html, fileName: `${safeName(b.references[0]!)}-${kind}.pdf`, letters: 1, references: b.references, warnings: b.warnings };
    },
    'letters.batch': async ({ letters, pageCounts, measure }, user): Promise<LetterDocument> => {
      const b = await build(user, letters, measure ? 'measure' : 'print');
      const html = renderLetterBatch(b.letters, { pageCounts, measure });
      const fileName = letters.length === 1 ? `${safeName(b.references[0]!)}-${letters[0]!.kind}.pdf` : `letters-${b.today}-${letters.length}.pdf`;
      return { html, fileName, letters: letters.length, references: b.references, warnings: b.warnings };
    },
    'letters.ready': async () => readyLetters(ctx.db()),
    'letters.recordPrinted': async (input, user) => {
      const calendar = await ctx.calendar();
      await ctx.db().transaction().execute((db) => recordPrinted({ db, calendar, actor: user, now: ctx.now() }, input));
      return loadCaseFile(ctx.db(), calendar, user, ctx.now(), input.caseId, (await ctx.settings()).legalMarkWarnDays);
    },
    'letters.print': async () => {
      throw new DeskError({ code: 'DESKTOP_ONLY' });
    },
    'letters.savePdf': async () => {
      throw new DeskError({ code: 'DESKTOP_ONLY' });
    },
  } satisfies HandlerMap<LetterMethod>;
}
