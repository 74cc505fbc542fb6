// The case and calendar methods of the contract, each a thin call into core/cases or core/desk-calendar
// inside one transaction.
import { bumpCaseVersion, checkCaseVersion } from '../cases/versions.ts';
import type { z } from 'zod';
import type { caseInputs, CaseFile, SessionUser, MethodsOf, CalendarYear } from '../../contract/index.ts';
import { holidaysMayBeOutdated, japanDateOf } from '../calendar/index.ts';
import { importHolidays, previewHolidayImport } from '../desk-calendar/holiday-import.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as caseActions from '../cases/actions.ts';
import * as inquiryActions from '../inquiries/actions.ts';
import { createCase, findDuplicates } from '../cases/intake.ts';
import { listCases } from '../cases/queue.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { caseIdOf, caseRow } from '../cases/records.ts';
import { listDeskDays } from '../desk-calendar/store.ts';
import { setDeskDay } from '../desk-calendar/changes.ts';
import { draftsAfterCreate, draftsAfterMove } from '../mail/drafts.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type CaseMethod = MethodsOf<'cases' | 'calendar'>;

// The lifecycle's moves: a request's (core/cases) and an inquiry's or complaint's (core/inquiries, issue 19).
const actions = { ...caseActions, ...inquiryActions };
type ActionName = Exclude<keyof typeof actions, 'bulk'>;

export function caseHandlers(ctx: DeskContext): HandlerMap<CaseMethod> {
  const caseFile = async (id: number, user: SessionUser): Promise<CaseFile> =>
    loadCaseFile(ctx.db(), await ctx.calendar(), user, ctx.now(), id, (await ctx.settings()).legalMarkWarnDays);

  /** Runs one lifecycle move in a transaction and returns the case file as it now stands. */
  const move =
    <K extends ActionName>(name: K) =>
    async (input: z.output<(typeof caseInputs)[K]>, user: SessionUser): Promise<CaseFile> => {
      const calendar = await ctx.calendar();
      const settings = await ctx.settings();
      await ctx
        .db()
        .transaction()
        .execute(async (db) => {
          const now = ctx.now();
          await checkCaseVersion(db, input.id, input.version);
          // Must stay: for a generic K, TypeScript cannot see that actions[K] takes caseInputs[K]'s output
          // (each action is declared with its own contract input, and each handler is typed per method).
          await (actions[name] as (c: caseActions.ActionContext, i: typeof input) => Promise<unknown>)({ db, calendar, actor: user, now }, input);
          await bumpCaseVersion(db, input.id, user.username);
          // The email draft this move causes, if any, in the same transaction (core/mail/drafts.ts).
          await draftsAfterMove(name, db, input, { calendar, actor: user, now, settings });
        });
      return caseFile(input.id, user);
    };

  const bulkMove =
    (name: 'assign' | 'startReview' | 'close') =>
    async (input: { ids: number[]; assignee?: string | null }, user: SessionUser) => {
      const calendar = await ctx.calendar();
      const settings = await ctx.settings();
      return actions.bulk(
        input.ids,
        (id) =>
          ctx
            .db()
            .transaction()
            .execute(async (db) => {
              const c = { db, calendar, actor: user, now: ctx.now() };
              await checkCaseVersion(db, id, undefined);
              if (name === 'assign') await actions.assign(c, { id, assignee: input.assignee ?? null });
              else if (name === 'startReview') await actions.startReview(c, { id });
              else {
                await actions.close(c, { id, dropUnsent: false });
                await draftsAfterMove('close', db, { id }, { calendar, actor: user, now: c.now, settings });
              }
              await bumpCaseVersion(db, id, user.username);
            }),
        async (id) => (await caseRow(ctx.db(), id)).reference,
      );
    };

  return {
    'calendar.year': async ({ year }, user): Promise<CalendarYear> => {
      const calendar = await ctx.calendar();
      const outdated = user?.role === 'supervisor' && holidaysMayBeOutdated(japanDateOf(ctx.now()), calendar.knownThrough);
      return {
        year,
        provisional: year > calendar.knownThrough,
        knownThrough: calendar.knownThrough,
        outdated: outdated ? { code: 'HOLIDAYS_MAY_BE_OUTDATED', knownThrough: calendar.knownThrough } : null,
        closedDays: calendar.closedDays(year).map((d) => ({ date: d.date, kind: d.kind, reasonJa: d.reasonJa, reasonEn: d.reasonEn, provisional: d.provisional })),
        deskDays: await listDeskDays(ctx.db(), year),
        businessHours: calendar.rules.businessHours,
      };
    },
    'calendar.previewHolidays': async ({ file }) => previewHolidayImport(ctx.db(), Buffer.from(file, 'base64')),
    'calendar.importHolidays': async ({ file, acceptContradictions }, user) => {
      const result = await ctx.db().transaction().execute((db) => importHolidays(db, Buffer.from(file, 'base64'), acceptContradictions === true, user.username, ctx.now()));
      ctx.calendarChanged();
      return result;
    },
    'calendar.setDay': async (input, user) => {
      const result = await ctx.db().transaction().execute((db) => setDeskDay(db, input, user.username, ctx.now()));
      ctx.calendarChanged();
      return result;
    },
    'cases.list': async (input, user) => listCases(ctx.db(), await ctx.calendar(), user, ctx.now(), input, (await ctx.settings()).legalMarkWarnDays),
    'cases.get': async (input, user) => {
      const id = input.id ?? (await caseIdOf(ctx.db(), input.reference!));
      const file = await caseFile(id, user);
      // Opening a case file shows a member's personal information: recorded every time.
      await appendAudit(ctx.db(), { actor: user.username, action: 'case.view', entity: 'case', entityId: String(id), detail: { reference: file.case.reference } }, ctx.now());
      return file;
    },
    'cases.create': async (input, user) => {
      const calendar = await ctx.calendar();
      const settings = await ctx.settings();
      const created = await ctx
        .db()
        .transaction()
        .execute(async (db) => {
          const now = ctx.now();
          const made = await createCase(db, calendar, user.username, now, input);
          // The acknowledgement email draft, in the same transaction (core/mail/drafts.ts).
          await draftsAfterCreate(db, made.id, { calendar, actor: user, now, settings });
          return made;
        });
      // Sent automatically (a desk setting): the sender takes it now rather than at its next probe.
      if (settings.notices?.autoSendAcknowledgements) ctx.mailQueued?.();
      return created;
    },
    'cases.findDuplicates': async (input) => findDuplicates(ctx.db(), input),
    'cases.startReview': move('startReview'),
    'cases.pause': move('pause'),
    'cases.resume': move('resume'),
    'cases.decide': move('decide'),
    'cases.returnForRevision': move('returnForRevision'),
    'cases.approve': move('approve'),
    'cases.withdraw': move('withdraw'),
    'cases.reject': move('reject'),
    'cases.recordNotice': move('recordNotice'),
    'cases.close': move('close'),
    'cases.extend': move('extend'),
    'cases.assign': move('assign'),
    'cases.recordIdentityCheck': move('recordIdentityCheck'),
    'cases.recordFee': move('recordFee'),
    'cases.addNote': move('addNote'),
    'cases.answer': move('answer'),
    'cases.convert': move('convert'),
    'cases.bulkAssign': bulkMove('assign'),
    'cases.bulkStartReview': bulkMove('startReview'),
    'cases.bulkClose': bulkMove('close'),
  } satisfies HandlerMap<CaseMethod>;
}
