// Where the notice texts a supervisor edited live: the settings table, key `noticeTemplates` (one JSON
// object by template key), read with the rest of the desk settings so a letter and an email built from
// the same settings always say the same thing. A text saved equal to the default removes the override.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { isOneOf, type DeskSettings, type NoticeKind, type NoticeTemplateView } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';
import { NOTICE_TITLES, decisionTitle } from './labels.ts';
import { ALL_OUTCOMES, TEMPLATE_KEYS, defaultTemplate, kindOfKey, requestTypeOfOutcome, templateKey, templateProblem, variablesFor, type TemplateKey, type TemplateText } from './templates.ts';

/** The text in force for a template: the supervisor's, language by language, unless it no longer checks out. */
export function templateFor(key: TemplateKey, settings: Pick<DeskSettings, 'noticeTemplates'>): TemplateText {
  const fallback = defaultTemplate(key);
  const saved = settings.noticeTemplates?.[key];
  if (!saved) return fallback;
  const { kind } = kindOfKey(key);
  // A text saved under an older variable list is not used half-filled: that language falls back.
  return {
    ja: typeof saved.ja === 'string' && templateProblem(saved.ja, kind) === null ? saved.ja : fallback.ja,
    en: typeof saved.en === 'string' && templateProblem(saved.en, kind) === null ? saved.en : fallback.en,
  };
}

function view(key: TemplateKey, settings: Pick<DeskSettings, 'noticeTemplates'>): NoticeTemplateView {
  const { kind, outcome } = kindOfKey(key);
  const requestType = outcome ? requestTypeOfOutcome(outcome) : null;
  const current = templateFor(key, settings);
  const defaults = defaultTemplate(key);
  return {
    key,
    kind,
    outcome,
    requestType,
    title: kind === 'decision' ? decisionTitle(requestType!, outcome!) : NOTICE_TITLES[kind],
    variables: variablesFor(kind),
    ja: current.ja,
    en: current.en,
    defaultJa: defaults.ja,
    defaultEn: defaults.en,
    customised: current.ja !== defaults.ja || current.en !== defaults.en,
  };
}

export function listTemplates(settings: Pick<DeskSettings, 'noticeTemplates'>): NoticeTemplateView[] {
  return TEMPLATE_KEYS.map((k) => view(k, settings));
}

export interface SaveTemplateInput {
  kind: NoticeKind;
  outcome: string | null;
  ja: string;
  en: string;
}

/** Checks both languages against the notice's variable list (refusing with field 'ja' or 'en'), then saves. */
export async function saveTemplate(db: Kysely<DB> | Transaction<DB>, input: SaveTemplateInput, actor: string, now: Date): Promise<NoticeTemplateView> {
  // The contract refuses a decision text without one of the outcomes; other kinds have none.
  const key = templateKey(input.kind, isOneOf(ALL_OUTCOMES, input.outcome) ? input.outcome : null);
  for (const lang of ['ja', 'en'] as const) {
    const problem = templateProblem(input[lang], input.kind);
    if (problem) throw new DeskError(problem, { field: lang });
  }
  const settings = await readSettings(db);
  const all = { ...(settings.noticeTemplates ?? {}) };
  const defaults = defaultTemplate(key);
  if (input.ja === defaults.ja && input.en === defaults.en) delete all[key];
  else all[key] = { ja: input.ja, en: input.en };
  await writeSettings(db, { noticeTemplates: all }, actor, now);
  return view(key, { noticeTemplates: all });
}
