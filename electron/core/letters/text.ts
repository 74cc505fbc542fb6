// Text as a letter prints it. Every value that reaches a letter (a member's name, the request as they
// wrote it, the notice texts the desk edits) is untrusted: it is cleaned, then escaped for where it goes.
// Nothing here expands templates: `{{member_name}}` in a value prints as those characters.
//
// Bidi controls: the explicit embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
// are removed from values, so a value prints in the order it was typed and cannot run backwards
// (e.g. a name ending in U+202E that would reverse "様" or the reference after it). Each value is also
// wrapped in <bdi> by the renderer, so even right-to-left script in a value (an Arabic or Hebrew name,
// which needs no controls) cannot reorder the text around it. The marks (LRM, RLM, ALM) are kept: they
// only steer neutral characters inside the value and are used in real mixed-direction names.

/** Embedding/override/isolate controls: removed (see above). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls except tab and line feed; DEL; the non-characters U+FFFE and U+FFFF. */
const isControl = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffe || cp === 0xffff;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value made safe to print: line breaks normalised to \n, controls and bidi controls removed. */
export function cleanText(value: string): string {
  let out = '';
  for (const ch of String(value).replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(BIDI_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD')) {
    if (!isControl(ch.codePointAt(0)!)) out += ch;
  }
  return out;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for a text node or a quoted attribute value (both quotes escaped). Cleans first. */
export function escapeHtml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A value as an isolated, escaped inline run: it cannot reorder the text around it. */
export function bdi(value: string): string {
  return `<bdi>${escapeHtml(value)}</bdi>`;
}

/**
 * A CSS string literal ("…") for `content:` in a page-margin box. Only letters, digits, space and a few
 * punctuation marks pass as themselves; everything else becomes a CSS hex escape, so no value can close
 * the string, the rule or the <style> element (`"`, `\`, `<`, `}`, newlines all become escapes).
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of cleanText(value).replace(/\n/g, ' ')) {
    if (/^[A-Za-z0-9 .,_:;/()#-]$/.test(ch)) out += ch;
    else out += `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** Text with its line breaks kept: escaped lines joined by <br>. */
export function multiline(value: string): string {
  return escapeHtml(value).split('\n').join('<br>');
}
