// Japanese mail labels its charset in ways the decoders do not all know. Microsoft's variants of
// ISO-2022-JP (CP50220, CP50221, CP50222: half-width katakana, NEC and IBM extensions) and the other
// ISO-2022-JP-* labels are decoded by the ISO-2022-JP (JIS) decoder, which reads those escapes; without
// this they would fall back to UTF-8 and show as garbage. Only the ASCII charset labels are rewritten
// (in Content-Type parameters and RFC 2047 encoded words); the stored raw mail is never changed.
const LABEL = /(charset\s*=\s*"?|=\?)(cp5022[012]|x-cp5022[012]|ms50221|iso-2022-jp-(?:1|2|3|ms|2004)|csiso2022jp2|x-sjis|windows-31j|ms_kanji|ms932)(?=["?;\s]|$)/gim;

const TARGET: Record<string, string> = {
  'x-sjis': 'Shift_JIS',
  'windows-31j': 'CP932',
  ms_kanji: 'CP932',
  ms932: 'CP932',
};

export function normaliseCharsetLabels(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  if (!LABEL.test(text)) return raw;
  LABEL.lastIndex = 0;
  return Buffer.from(text.replace(LABEL, (_m, prefix: string, name: string) => prefix + (TARGET[name.toLowerCase()] ?? 'ISO-2022-JP')), 'latin1');
}
