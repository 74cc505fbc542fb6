// The queue's state in the address: #/queue?view=overdue&type=disclosure&search=田中&page=3. Read through
// one zod schema so a bookmark, a hand-edited address or an old link can never put the screen in a state
// the form could not: an unknown value falls back to its default, field by field.
import { z } from 'zod';
import { caseStatuses, queueSortKeys, reportFilter, caseTypes, savedViews } from '../../../../electron/contract/index.ts';
import { initialQueueState, type QueueState } from './queueState.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fallback = <T extends z.ZodType>(schema: T, value: z.output<T>) => schema.catch(value);

const schema = z.object({
  view: fallback(z.enum(savedViews), initialQueueState.view),
  types: fallback(z.array(z.enum(caseTypes)), []),
  statuses: fallback(z.array(z.enum(caseStatuses)), []),
  assigneeMode: fallback(z.enum(['anyone', 'me', 'unassigned', 'user']), 'anyone'),
  assigneeUser: fallback(z.string().max(64), ''),
  dueFrom: fallback(isoDate.nullable(), null),
  dueTo: fallback(isoDate.nullable(), null),
  overdue: fallback(z.boolean(), false),
  paused: fallback(z.enum(['any', 'paused', 'running']), 'any'),
  unsentNotice: fallback(z.boolean(), false),
  search: fallback(z.string().max(200), ''),
  sort: fallback(z.enum(queueSortKeys), initialQueueState.sort),
  direction: fallback(z.enum(['asc', 'desc']), 'asc'),
  page: fallback(z.coerce.number().int().min(1).max(100_000), 1),
  // The cases behind one report figure (Reports → a figure): the contract's own filter plus its label.
  report: fallback(reportFilter.extend({ label: z.string().max(200) }).nullable(), null),
});

/** Address parameter names: short, as people read and share them. */
const NAMES: Record<keyof QueueState, string> = {
  view: 'view',
  types: 'type',
  statuses: 'status',
  assigneeMode: 'assignee',
  assigneeUser: 'user',
  dueFrom: 'dueFrom',
  dueTo: 'dueTo',
  overdue: 'overdue',
  paused: 'paused',
  unsentNotice: 'unsent',
  search: 'search',
  sort: 'sort',
  direction: 'dir',
  page: 'page',
  report: 'report',
};

export function queueStateOf(params: URLSearchParams): QueueState {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(NAMES) as Array<[keyof QueueState, string]>) {
    if (key === 'types' || key === 'statuses') raw[key] = params.getAll(name);
    else if (key === 'overdue' || key === 'unsentNotice') raw[key] = params.get(name) === '1';
    else if (key === 'report') raw[key] = parseReport(params.get(name));
    else raw[key] = params.get(name) ?? undefined;
  }
  return schema.parse(raw) as QueueState;
}

/** Only what differs from the defaults, so the plain queue is just #/queue. */
export function queueParamsOf(state: QueueState): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, name] of Object.entries(NAMES) as Array<[keyof QueueState, string]>) {
    const value = state[key];
    if (JSON.stringify(value) === JSON.stringify(initialQueueState[key])) continue;
    if (Array.isArray(value)) for (const v of value) out.append(name, v);
    else if (typeof value === 'boolean') out.set(name, value ? '1' : '0');
    else if (key === 'report' && value !== null) out.set(name, JSON.stringify(value));
    else if (value !== null) out.set(name, String(value));
  }
  return out;
}

function parseReport(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
