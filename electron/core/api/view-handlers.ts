// Saved queue views (contract/views.ts): a person's own, plus those a supervisor shared with the desk.
// Saving under a name one already uses replaces that view. Only a supervisor shares; a shared view is
// removed by its owner or a supervisor, a private one only by its owner.
import type { MethodsOf, SavedQueueView, SessionUser } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

interface Row {
  id: number;
  owner: string;
  name: string;
  params: string;
  shared: number;
}

const view = (r: Row, user: SessionUser): SavedQueueView => ({
  id: r.id,
  name: r.name,
  params: r.params,
  shared: r.shared === 1,
  owner: r.owner,
  mine: r.owner === user.username || (r.shared === 1 && user.role === 'supervisor'),
});

export function viewHandlers(ctx: DeskContext): HandlerMap<MethodsOf<'views'>> {
  const columns = ['id', 'owner', 'name', 'params', 'shared'] as const;
  return {
    'views.list': async (_input, user) => {
      const rows = await ctx
        .db()
        .selectFrom('saved_views')
        .select(columns)
        .where((eb) => eb.or([eb('owner', '=', user.username), eb('shared', '=', 1)]))
        .orderBy('shared')
        .orderBy('name')
        .execute();
      return rows.map((r) => view(r, user));
    },
    'views.save': async ({ name, params, shared }, user) => {
      if (shared && user.role !== 'supervisor') throw new DeskError({ code: 'SUPERVISOR_ONLY' }, { field: 'shared' });
      const db = ctx.db();
      await db
        .insertInto('saved_views')
        .values({ owner: user.username, name, params, shared: shared ? 1 : 0, created_at: ctx.now().toISOString() })
        .onConflict((oc) => oc.columns(['owner', 'name']).doUpdateSet({ params, shared: shared ? 1 : 0 }))
        .execute();
      const row = await db.selectFrom('saved_views').select(columns).where('owner', '=', user.username).where('name', '=', name).executeTakeFirstOrThrow();
      return view(row, user);
    },
    'views.remove': async ({ id }, user) => {
      const db = ctx.db();
      const row = await db.selectFrom('saved_views').select(columns).where('id', '=', id).executeTakeFirst();
      if (!row || (row.owner !== user.username && row.shared !== 1)) throw new DeskError({ code: 'SAVED_VIEW_NOT_FOUND', id });
      if (!view(row, user).mine) throw new DeskError({ code: 'FORBIDDEN' });
      await db.deleteFrom('saved_views').where('id', '=', id).execute();
      return null;
    },
  } satisfies HandlerMap<MethodsOf<'views'>>;
}
