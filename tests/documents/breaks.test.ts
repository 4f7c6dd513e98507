// The break rules on paper: a narrow one-column table printed through the real engine, read back with pdf.js.
// Each unit that must never wrap is found whole on one line, and the text still wraps between units.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { bahtTextInBrackets } from '../../main/documents/format';
import { personName } from '../../main/documents/person-name';
import { renderDocument } from '../../main/documents/render';
import { pdfWords, type WordBox } from './pdf-tools';

const cells = [
  'ติดต่อ โทร. 081-234-5678 ในเวลาราชการ',
  'เลขประจำตัวประชาชน 1-1017-00203-45-1 ของผู้ขอ',
  'ยอดเงินคงเหลือ 20,046.79 บาท ณ วันที่ 15/03/2566',
  'ปัญหาต่าง ๆ ของผู้ประสบภัยและเด็กแรกเกิด (ร้อยละ 69) ๑,๒๓๔ คน',
  bahtTextInBrackets(1_234_575),
  personName({ title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์' }),
];

/** 125 pt at 14 pt: narrow enough that every cell wraps, wide enough for its widest unit. */
function narrowTable(): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    defaultStyle: { font: 'Sarabun', fontSize: 14, lineHeight: 1.2 },
    content: [{ table: { widths: [125], body: cells.map((cell) => [cell]) } }],
  };
}

let dir = '';
let words: WordBox[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-breaks-'));
  const file = path.join(dir, 'narrow.pdf');
  fs.writeFileSync(file, await renderDocument(narrowTable(), { thaiDigits: false }));
  words = (await pdfWords(file))[0]!.words;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function word(text: string): WordBox {
  const found = words.find((candidate) => candidate.text === text.normalize('NFKC'));
  expect(found, `"${text}" is not printed whole: ${words.map((candidate) => candidate.text).join(' | ')}`).toBeDefined();
  return found!;
}

function sameLine(first: string, second: string): boolean {
  return Math.abs(word(first).yMin - word(second).yMin) < 1;
}

describe('a narrow column on paper', () => {
  it('prints every number whole, on one line', () => {
    for (const number of ['081-234-5678', '1-1017-00203-45-1', '20,046.79', '15/03/2566', '๑,๒๓๔']) word(number);
  });

  it('keeps a label, a unit, ๆ and a bracket on the line of their word', () => {
    expect(sameLine('โทร.', '081-234-5678')).toBe(true);
    expect(sameLine('20,046.79', 'บาท')).toBe(true);
    expect(sameLine('๑,๒๓๔', 'คน')).toBe(true);
    expect(sameLine('ต่าง', 'ๆ')).toBe(true);
    expect(sameLine('(ร้อยละ', '69)')).toBe(true);
  });

  it('wraps an amount in words only between whole number words, and a name only at its space', () => {
    for (const part of ['สองพัน', 'สามร้อย', 'สี่สิบห้าบาท', 'เจ็ดสิบห้าสตางค์)', 'นางสาวกัญญ์ณัฏฐ์', 'ศรีสุวรรณ์']) word(part);
    expect(sameLine('นางสาวกัญญ์ณัฏฐ์', 'ศรีสุวรรณ์')).toBe(false);
  });
});
