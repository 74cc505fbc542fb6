// The inquiry and complaint methods of the contract (issue 19): the reply templates a supervisor edits,
// a template filled for a case (what staff edit before answering), and the blank request form.
import { z } from 'zod';
import { caseId } from './cases.ts';
import { requiredText, shortText } from './fields.ts';
import * as v from './case-vocabulary.ts';

export const inquiryInputs = {
  replyTemplates: z.object({}).strict(),
  /** Both languages are checked on save: an unknown {{placeholder}} is refused, naming it. */
  saveReplyTemplate: z.object({ template: z.enum(v.replyTemplates), ja: requiredText(20_000), en: shortText(20_000).default('') }).strict(),
  fillReply: z.object({ id: caseId, template: z.enum(v.replyTemplates) }).strict(),
  requestForm: z.object({}).strict(),
  /** The request form PDF the desk sends with the "how to make a request" email (none stored: null). */
  requestFormPdf: z.object({}).strict(),
  /** A supervisor stores the PDF saved from the printable form (base64; at most 5 MB, checked by the desk). */
  saveRequestFormPdf: z.object({ base64: z.string().min(1).max(Math.ceil((5 * 1024 * 1024 * 4) / 3) + 4) }).strict(),
} as const;

export interface ReplyVariable {
  name: string;
  description: { ja: string; en: string };
}

export interface ReplyTemplateView {
  template: v.ReplyTemplate;
  ja: string;
  en: string;
  defaultJa: string;
  defaultEn: string;
  variables: readonly ReplyVariable[];
  customised: boolean;
}

/** A reply template filled for one case, and the channel its reply will go by. */
export interface FilledReply {
  template: v.ReplyTemplate;
  ja: string;
  en: string;
  channel: 'mail' | 'letter';
  /** The "how to make a request" answer carries the request form (a PDF with the email, enclosed with a letter). */
  withRequestForm: boolean;
  /** By email: whether the desk has the form's PDF to attach (otherwise the reply offers to post it). */
  formAttached: boolean;
}

/** The stored request form PDF (never its bytes). */
export interface RequestFormPdfInfo {
  filename: string;
  size: number;
  storedBy: string;
  storedAt: string;
}

/** The blank request form as a printable document (the Letters screen prints it like a letter). */
export interface RequestFormDocument {
  html: string;
  fileName: string;
}
