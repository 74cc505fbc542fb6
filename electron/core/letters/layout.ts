// Where things sit on a printed letter, in millimetres from the top-left corner of the A4 sheet.
//
// The envelope: 長形3号 (120 × 235 mm) with an address window (窓付き封筒). The usual ready-made window
// is 90 × 45 mm, 23 mm from the left edge and 13 mm from the top edge, reading the envelope with its
// long side horizontal (the way the address is read; the flap at the right). The sheet is folded in
// three (Z-fold, 99 mm panels) with its top third facing the window, text upright, pushed into the
// closed end and top of the envelope: the window then shows the sheet's own rectangle below. The
// address block sits inside it with 5 mm clear on the left and right and 4 mm at the top, so a sheet
// that slides a few millimetres in the envelope still shows the whole address. Nothing else is printed
// inside the window rectangle. The sender, the reference and the date sit to its right (x ≥ 122 mm),
// which stays inside the envelope.
//
// Tests check the printed address's bounding box (pdftotext -bbox-layout) against WINDOW.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const A4 = { width: 210, height: 297 } as const;

/** The page margins (the top one is small: the window starts 13 mm from the top edge). */
export const PAGE_MARGIN = { top: 12, right: 18, bottom: 16, left: 20 } as const;

/** What a 長形3号 window shows of the sheet. */
export const WINDOW: Rect = { left: 23, top: 13, width: 90, height: 45 };

/** The member's postal code, address and name: inside WINDOW with margins. */
export const ADDRESS_BLOCK: Rect = { left: 28, top: 17, width: 80, height: 37 };

/** The right-hand column of the first page's head: reference, date, sender. */
export const SENDER_COLUMN = { left: 122, right: A4.width - PAGE_MARGIN.right } as const;

/**
 * Height of the first page's head (address window and sender), from the top margin: the letter's text
 * starts below the window (12 + 49 = 61 mm > 13 + 45 = 58 mm), so nothing but the address shows through.
 */
export const HEAD_HEIGHT = 49;

/** The Z-fold lines (for reference; nothing important is printed across them on page 1's head). */
export const FOLDS = [99, 198] as const;
