// Input schemas and results of the letter methods: printed notices (A4, bilingual), one at a time or in
// batches. The core renders a letter as a complete HTML document; printing it is the transport's job:
//   - Electron: letters.print (system print dialog) and letters.savePdf (printToPDF + save dialog) run
//     in the main process (electron/main/print.ts), in a hidden window with scripts off;
//   - browser mode: those two answer DESKTOP_ONLY; the renderer shows letters.preview / letters.batch in a
//     sandboxed iframe and calls the browser's own print on it — for "print all", letters.batch with one
//     letter at a time, one print job each (the browser cannot learn page counts to add duplex blank pages).
// Either way the desk records the letter with letters.recordPrinted once the person confirms it printed.
import { z } from 'zod';
import { caseId } from './cases.ts';
import { noticeKinds, type CaseStatus, type CaseType, type NoticeKind } from './case-vocabulary.ts';
import type { LetterAddressWarning } from './codes.ts';

/** The most letters one batch (one document, one print job) takes. */
export const MAX_BATCH_LETTERS = 500;

const letterRef = z.object({ caseId, kind: z.enum(noticeKinds) }).strict();
const letterList = z
  .array(letterRef)
  .min(1, 'Choose at least one letter.')
  .max(MAX_BATCH_LETTERS, `At most ${MAX_BATCH_LETTERS} letters at a time.`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((l, i) => {
      const key = `${l.caseId}:${l.kind}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'This letter is in the list twice.' });
      seen.add(key);
    });
  });

export const letterInputs = {
  preview: letterRef,
  ready: z.object({}).strict(),
  batch: z
    .object({
      letters: letterList,
      /** Pages of each letter, from a measuring render: footers then read "X / Y" within each letter. */
      pageCounts: z.array(z.number().int().min(1).max(9999)).max(MAX_BATCH_LETTERS).optional(),
      /** The measuring render (every other letter printed landscape; see core/letters/pdf-pages.ts). */
      measure: z.boolean().default(false),
    })
    .strict()
    .superRefine((b, ctx) => {
      if (b.pageCounts !== undefined && b.pageCounts.length !== b.letters.length) {
        ctx.addIssue({ code: 'custom', path: ['pageCounts'], message: 'Give one page count per letter.' });
      }
      if (b.pageCounts !== undefined && b.measure) ctx.addIssue({ code: 'custom', path: ['measure'], message: 'A measuring render takes no page counts.' });
    }),
  recordPrinted: z
    .object({
      caseId,
      kind: z.enum(noticeKinds),
      /** Another copy of a letter already recorded: a timeline event only, the status does not move. */
      reprint: z.boolean().default(false),
      /** The notice already went by email: a person confirms this letter is a copy (recorded as one). */
      copy: z.boolean().default(false),
      mode: z.enum(['print', 'pdf']),
    })
    .strict(),
  print: z.object({ letters: letterList }).strict(),
  savePdf: z.object({ letters: letterList }).strict(),
} as const;

/** The field of the address block that leaves the envelope window. */
export type WindowField = 'postalCode' | 'address' | 'onBehalfOf' | 'name';

/** A letter the window envelope would show without an address, or whose address leaves the window (contract/codes.ts). */
export type LetterWarning = LetterAddressWarning & { caseId: number };

/** A letter (or a batch) as one printable HTML document: show it in a sandboxed iframe, print it there. */
export interface LetterDocument {
  html: string;
  /** A file name for a saved PDF, e.g. PD-2026-0042-decision.pdf. */
  fileName: string;
  letters: number;
  references: string[];
  warnings: LetterWarning[];
}

export interface ReadyLetter {
  caseId: number;
  reference: string;
  kind: NoticeKind;
  /** A request's, or an inquiry's or complaint's (its reply goes on paper when there is no email). */
  type: CaseType;
  status: CaseStatus;
  memberName: string;
  /** Who the letter is addressed to: the member, or their representative or agent. */
  recipientName: string;
  /** Why this goes on paper: the member has no email address, asked for a paper copy, or the email came back. */
  reason: 'no_email' | 'paper_requested' | 'bounced';
  /** When the letter became due (approval, withdrawal, pause, extension, arrival). */
  since: string;
  hasPostalAddress: boolean;
  /** Not ready: the address block leaves the 長形3号 window (shorten it, or print a separate address label). */
  notReady: { code: 'WINDOW_OVERFLOW'; field: WindowField; overflowMm: number } | null;
}

export interface LetterPrintResult {
  /** printed: handed to the printer; cancelled: the person closed the print dialog. */
  outcome: 'printed' | 'cancelled';
  letters: number;
}

export interface LetterPdfResult {
  outcome: 'saved' | 'cancelled';
  /** Where the PDF was written; null when cancelled. */
  path: string | null;
  letters: number;
  pages: number;
}
