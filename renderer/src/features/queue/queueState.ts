// The queue's filters, sort and page as the person set them. Turned into the contract's listInput by
// toListInput(); the desk does the filtering, sorting and counting.
import type { z } from 'zod';
import type { CaseStatus, listInput, queueSortKeys, ReportFilter, CaseType, savedViews } from '../../../../electron/contract/index.ts';

export type SavedView = (typeof savedViews)[number];
export type SortKey = (typeof queueSortKeys)[number];
export const assigneeModes = ['anyone', 'me', 'unassigned', 'user'] as const;
export type AssigneeMode = (typeof assigneeModes)[number];
export const pausedFilters = ['any', 'paused', 'running'] as const;
export type PausedFilter = (typeof pausedFilters)[number];

export interface QueueState {
  view: SavedView;
  types: CaseType[];
  statuses: CaseStatus[];
  assigneeMode: AssigneeMode;
  assigneeUser: string;
  dueFrom: string | null;
  dueTo: string | null;
  overdue: boolean;
  paused: PausedFilter;
  /** Only cases with a notice email not yet sent. */
  unsentNotice: boolean;
  /** What is typed in the search box; the list follows it after a short pause. */
  search: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  page: number;
  /** The cases behind one report figure (from the Reports screen), with the figure's label as shown there. */
  report: (ReportFilter & { label: string }) | null;
}

export const PAGE_SIZE = 50;

export const initialQueueState: QueueState = {
  view: 'all_open',
  types: [],
  statuses: [],
  assigneeMode: 'anyone',
  assigneeUser: '',
  dueFrom: null,
  dueTo: null,
  overdue: false,
  paused: 'any',
  unsentNotice: false,
  search: '',
  sort: 'due',
  direction: 'asc',
  page: 1,
  report: null,
};

export type ListInput = z.input<typeof listInput>;

/** The cases.list input of a queue state: what the screen asks with, and the route's loader before it (queueLoader.ts). */
export function toListInput(s: QueueState): ListInput {
  const assignee =
    s.assigneeMode === 'me' ? 'me' : s.assigneeMode === 'unassigned' ? 'unassigned' : s.assigneeMode === 'user' && s.assigneeUser.trim() ? s.assigneeUser.trim() : null;
  return {
    view: s.view,
    types: s.types,
    statuses: s.statuses,
    assignee,
    dueFrom: s.dueFrom,
    dueTo: s.dueTo,
    overdue: s.overdue,
    paused: s.paused === 'any' ? null : s.paused === 'paused',
    unsentNotice: s.unsentNotice,
    search: s.search,
    sort: s.sort,
    direction: s.direction,
    page: s.page,
    pageSize: PAGE_SIZE,
    report: s.report ? { from: s.report.from, to: s.report.to, bucket: s.report.bucket } : null,
  };
}

/** Whether anything beyond the saved view narrows the list. */
export const hasFilters = (s: QueueState) =>
  s.types.length > 0 ||
  s.statuses.length > 0 ||
  s.assigneeMode !== 'anyone' ||
  s.dueFrom !== null ||
  s.dueTo !== null ||
  s.overdue ||
  s.paused !== 'any' ||
  s.unsentNotice ||
  s.search.trim() !== '';

/** The filters bar's fields (QueueFilters) without any filter set, back on page 1; the view, sort and search stay. */
export const noFilters = {
  types: [],
  statuses: [],
  assigneeMode: 'anyone',
  assigneeUser: '',
  dueFrom: null,
  dueTo: null,
  overdue: false,
  paused: 'any',
  unsentNotice: false,
  page: 1,
} as const satisfies Partial<QueueState>;

export const clearedFilters = (s: QueueState): QueueState => ({ ...s, ...noFilters, types: [], statuses: [], search: '' });
