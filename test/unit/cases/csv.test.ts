// RFC 4180 reading and writing, with the physical line each record starts on.
import { describe, expect, it } from 'vitest';
import { csvField, CsvSyntaxError, parseCsv, toCsv } from '../../../electron/core/cases/csv.ts';

describe('parseCsv', () => {
  it('reads CRLF, LF and lone CR line ends, with or without a final line end', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      for (const end of ['', eol]) {
        expect(parseCsv(`a,b${eol}c,d${end}`)).toEqual([
          { line: 1, fields: ['a', 'b'] },
          { line: 2, fields: ['c', 'd'] },
        ]);
      }
    }
  });

  it('quoted fields hold commas, doubled quotes and line breaks; lines are counted physically', () => {
    const text = 'x,y\r\n"a, b","say ""hi"""\r\n"line 1\r\nline 2\nline 3",z\r\nlast,""\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['x', 'y'] },
      { line: 2, fields: ['a, b', 'say "hi"'] },
      { line: 3, fields: ['line 1\nline 2\nline 3', 'z'] },
      { line: 6, fields: ['last', ''] },
    ]);
  });

  it('keeps empty fields and empty lines (the caller decides what a blank row means)', () => {
    expect(parseCsv('a,,\n\n,b,')).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['', 'b', ''] },
    ]);
  });

  it('an unclosed quote or text after a closing quote is a syntax error naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c\nd')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n"x"y,3');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('round-trips what toCsv writes', () => {
    const rows = [
      ['名前', 'text'],
      ['山田 太郎', 'a "quoted", multi\nline text'],
      [' padded ', ''],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});

describe('csvField', () => {
  it('quotes only when needed and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(null)).toBe('');
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('2026-11-24T09:30:00+09:00')).toBe('2026-11-24T09:30:00+09:00');
  });
});
