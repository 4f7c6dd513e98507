// Every registered form, printed from its sample data through the worker, must: carry its Thai text, keep every
// word inside the page margins and every table word inside its column, and look like its golden page image.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { ContentTable } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument, parseFormData, requireForm } from '../../main/documents/document';
import { installFonts } from '../../main/documents/fonts';
import { prepareDocument } from '../../main/documents/prepare';
import { renderDocument } from '../../main/documents/render';
import { groupIntoRuns, RUN_WEIGHT } from '../../main/documents/runs';
import type { FormDefinition } from '../../main/documents/forms/index';
import { renderBatch, renderForm, type RenderResult } from '../../main/documents/engine';
import { bahtTextInBrackets, formatSatang } from '../../main/documents/format';
import { maskCitizenId } from '../../main/people/citizen-id';
import { forms, formSummaries } from '../../main/documents/forms/index';
import { nameListForm } from '../../main/documents/forms/name-list';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { STRESS_WORDS } from '../../main/documents/forms/thai-stress';
import { cm, pageStyle } from '../../main/documents/style';
import { compareImages, pageImage, pdfActualTexts, pdfFonts, pdfPageCount, pdfText, pdfWords, comparable, type PageWords } from './pdf-tools';

const GOLDEN_DIR = path.join(import.meta.dirname, 'golden');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
/** Share of page pixels allowed to differ (anti-aliasing across skia builds). */
const GOLDEN_TOLERANCE = 0.002;
const TODAY = '2026-11-27';

const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
const options = { office, today: TODAY };
let outDir = '';
const rendered = new Map<string, { result: RenderResult; file: string }>();

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-documents-'));
  for (const form of forms) {
    const result = await renderForm(form.id, form.sample(), options);
    const file = path.join(outDir, `${form.id}.pdf`);
    fs.writeFileSync(file, result.pdf);
    rendered.set(form.id, { result, file });
  }
});

afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

/** Strings each form's sample must show, compared as pdf-tools.ts comparable() says. */
function expectedText(formId: string): string[] {
  const sample = requireForm(formId).sample() as Record<string, unknown>;
  switch (formId) {
    case 'name-list': {
      const data = nameListForm.input.parse(sample);
      const first = data.people[0]!;
      return [data.title, 'ลำดับ', 'ชื่อ-สกุล', 'ลายมือชื่อ', `${first.title}${first.firstName}${first.lastName}`, maskCitizenId(first.citizenId), office.councilName, 'หน้า1/'];
    }
    case 'letter':
      return ['ที่สอช.015/2569', '27พฤศจิกายน2569', 'เรื่อง', 'เรียน', 'อ้างถึง', 'สิ่งที่ส่งมาด้วย', 'ขอแสดงความนับถือ', '(นายสมศักดิ์ใจดีมาก)', '3,600.00บาท(สามพันหกร้อยบาทถ้วน)'];
    case 'thai-stress':
      return [...STRESS_WORDS, 'SmartFarmer4.0', `${formatSatang(123_450)}บาท`, bahtTextInBrackets(123_450), '27พฤศจิกายนพ.ศ.2569', '27พ.ย.69'];
    default:
      return [requireForm(formId).titleTh];
  }
}

function margins(formId: string): { left: number; right: number; top: number; bottom: number } {
  const form = requireForm(formId);
  const style = pageStyle({ orientation: form.orientationFor?.(parseFormData(form, form.sample())) ?? form.orientation });
  return { left: cm(style.marginsCm.left), right: cm(style.marginsCm.right), top: cm(style.marginsCm.top), bottom: cm(style.marginsCm.bottom) };
}

/** x of each inner vertical rule of the form's first table, from the widths it gave pdfmake. */
function columnRules(formId: string): number[] {
  const form = requireForm(formId);
  const [section] = composeDocument(form, parseFormData(form, form.sample()), options).definition.content as Array<{ section: unknown[] }>;
  const table = section!.section.find((node): node is ContentTable => typeof node === 'object' && node !== null && 'table' in node);
  if (!table) return [];
  const padding = 8; // gridLayout: 4 pt each side
  const rules: number[] = [];
  let x = margins(formId).left;
  for (const width of table.table.widths as number[]) {
    x += width + padding + 0.5;
    rules.push(x);
  }
  return rules.slice(0, -1);
}

/** Words inside a table: from the first header word down to the first word after the table (or the footer). */
function tableWords(page: PageWords, headerWordText: string, afterWord: string | null, footerTop: number) {
  const headerWord = headerWordText.normalize('NFKC'); // page words are NFKC (pdf-tools.ts)
  const header = page.words.filter((word) => word.text.startsWith(headerWord)).sort((a, b) => a.yMin - b.yMin)[0];
  if (!header) return [];
  const after = afterWord ? page.words.filter((word) => word.text.startsWith(afterWord) && word.yMin > header.yMin).sort((a, b) => a.yMin - b.yMin)[0] : undefined;
  const bottom = after ? after.yMin : footerTop;
  return page.words.filter((word) => word.yMin >= header.yMin - 1 && word.yMax <= bottom);
}

describe('the forms registry', () => {
  it('lists every form with its Thai title, and marks the stress page as a test page', () => {
    const list = formSummaries();
    expect(list.map((form) => form.id)).toEqual(expect.arrayContaining(['name-list', 'letter', 'thai-stress']));
    expect(list.find((form) => form.id === 'thai-stress')?.test).toBe(true);
    expect(list.find((form) => form.id === 'letter')?.test).toBe(false);
  });
});

describe.each(forms.map((form) => form.id))('form %s from sample data', (formId) => {
  it('shows the expected Thai text', async () => {
    const text = comparable(await pdfText(rendered.get(formId)!.file));
    for (const expected of expectedText(formId)) expect(text, `"${expected}" missing`).toContain(comparable(expected));
  });

  it('keeps every word inside the page margins (the footer inside the bottom margin)', async () => {
    const margin = margins(formId);
    for (const [index, page] of (await pdfWords(rendered.get(formId)!.file)).entries()) {
      for (const word of page.words) {
        const where = `page ${index + 1}: "${word.text}" at ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)}, ${word.yMin.toFixed(1)}`;
        expect(word.xMin, where).toBeGreaterThanOrEqual(margin.left - 1);
        expect(word.xMax, where).toBeLessThanOrEqual(page.width - margin.right + 1);
        expect(word.yMin, where).toBeGreaterThanOrEqual(margin.top - 8);
        expect(word.yMax, where).toBeLessThanOrEqual(page.height - 2);
        if (word.yMin > page.height - margin.bottom) expect(word.text, `only the page number may sit in the bottom margin: ${where}`).toMatch(/^[หน้า0-9๐-๙/]+$/);
      }
    }
  });

  it('matches its golden page image', async () => {
    const { file, result } = rendered.get(formId)!;
    // The stress page is checked on every page; forms on their first page.
    const pages = formId === 'thai-stress' ? result.pages : 1;
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    for (let page = 1; page <= pages; page++) {
      const golden = path.join(GOLDEN_DIR, `${formId}-p${page}.png`);
      const image = await pageImage(file, page);
      if (UPDATE_GOLDEN) {
        fs.writeFileSync(golden, PNG.sync.write(image));
        continue;
      }
      expect(fs.existsSync(golden), `golden image missing: run with UPDATE_GOLDEN=1 and look at ${golden}`).toBe(true);
      const comparison = compareImages(image, PNG.sync.read(fs.readFileSync(golden)), path.join(outDir, `${formId}-p${page}-diff.png`));
      expect(comparison.ratio, `page ${page} differs from ${golden} (diff: ${comparison.diffFile ?? 'size'})`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    }
  });
});

describe('tables', () => {
  const cases = [
    // the first word of the header row, and of what follows the table (the signature's dotted line, the next text)
    { formId: 'name-list', headerWord: 'ลำ', afterWord: '.....', pages: Infinity },
    { formId: 'thai-stress', headerWord: 'โครงการ', afterWord: 'ผสม', pages: 1 },
  ];
  it.each(cases)('$formId: no table word crosses a column rule', async ({ formId, headerWord, afterWord, pages }) => {
    const rules = columnRules(formId);
    expect(rules.length).toBeGreaterThan(1);
    const footerTop = (page: PageWords) => page.height - margins(formId).bottom;
    let checked = 0;
    for (const [index, page] of (await pdfWords(rendered.get(formId)!.file)).slice(0, pages).entries()) {
      for (const word of tableWords(page, headerWord, afterWord, footerTop(page))) {
        checked++;
        for (const rule of rules) {
          const crosses = word.xMin < rule - 1 && word.xMax > rule + 1;
          expect(crosses, `page ${index + 1}: "${word.text}" (${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)}) crosses the rule at ${rule.toFixed(1)}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('name-list repeats its header row on every page and masks citizen IDs', async () => {
    const { file, result } = rendered.get('name-list')!;
    expect(result.pages).toBeGreaterThan(1);
    const firstRule = columnRules('name-list')[0]!;
    for (const page of await pdfWords(file)) expect(page.words.some((word) => word.text.startsWith('ลำ'.normalize('NFKC')) && word.xMax < firstRule)).toBe(true);
    const sample = nameListForm.input.parse(nameListForm.sample());
    const text = await pdfText(file);
    for (const entry of sample.people.slice(0, 10)) expect(text).not.toContain(entry.citizenId.slice(0, 9));
  });
});

describe('a three-row header table on landscape pages (the shape of แบบ ผ.02)', () => {
  it('turns the page landscape and repeats all three header rows on every page the table runs over', async () => {
    const { file } = rendered.get('thai-stress')!;
    const pages = await pdfWords(file);
    const landscape = pages.map((page, index) => ({ page, number: index + 1 })).filter(({ page }) => page.width > page.height);
    expect(landscape.length).toBeGreaterThan(1);
    for (const { number } of landscape) {
      const text = comparable(await pdfText(file, number));
      for (const heading of ['งบประมาณ', '2566', '2570', '(บาท)', 'ตัวชี้วัด(KPI)', 'หน่วยงาน']) expect(text, `page ${number}`).toContain(comparable(heading));
    }
  });
});

describe('the letter', () => {
  it('fits on one page', () => {
    expect(rendered.get('letter')!.result.pages).toBe(1);
  });
});

describe('break marks and fonts', () => {
  it('embeds only the bundled Sarabun faces', async () => {
    const names = await pdfFonts(rendered.get('thai-stress')!.file);
    expect(names.length).toBeGreaterThan(0);
    // subset fonts are named "ABCDEF+Sarabun-Bold"
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+Sarabun-/);
  });

  it('prints the break marks as nothing: a line with them looks exactly like the line without', async () => {
    const line = 'ผู้ใหญ่บ้านน้ำกิ่งปั้นญี่ปุ่นกตัญญูฤๅษีก๊ก';
    // A fresh definition each time: preparing works in place.
    const definition = () => ({ content: [{ text: line }], defaultStyle: { font: 'Sarabun', fontSize: 20 } });
    expect(prepareDocument(definition(), { thaiDigits: false }).content).toMatchObject([{ text: expect.stringContaining('\u200B') }]);
    const withMarks = await renderDocument(definition(), { thaiDigits: false });
    const plainFile = path.join(outDir, 'marks-none.pdf');
    const markedFile = path.join(outDir, 'marks-some.pdf');
    fs.writeFileSync(markedFile, withMarks);
    // The same text through pdfmake with no prepare pass: no marks at all.
    fs.writeFileSync(plainFile, await installFonts().createPdf(definition()).getBuffer());
    const difference = compareImages(await pageImage(markedFile, 1, 150), await pageImage(plainFile, 1, 150), path.join(outDir, 'marks-diff.png'));
    expect(difference.differentPixels).toBe(0);
  });

  it('keeps every letter in text copied out of the PDF (า after ำ, stacked tone marks)', async () => {
    const file = path.join(outDir, 'copy-text.pdf');
    const line = 'ตำบลหนองบัว นายทองดี น้ำท่วม ผู้ใหญ่บ้าน กำนัน';
    fs.writeFileSync(file, await renderDocument({ content: [{ text: line }], defaultStyle: { font: 'Sarabun' } }, { thaiDigits: false }));
    // pdf.js reads the glyphs' own mapping: every letter, ำ as ํ + า
    expect(comparable(await pdfText(file))).toBe(comparable(line));
    // poppler and Adobe Reader copy each line's ActualText: exactly as written, ำ whole, no break marks
    expect(pdfActualTexts(file).join('').trim()).toBe(line);
  });

  it('copies every line of a form as written (ActualText), marks and ำ in place', async () => {
    const { file } = rendered.get('letter')!;
    const copied = pdfActualTexts(file).join('\n');
    expect(copied).not.toMatch(/[\u200B\u2060\u00A0]|\u0E4D\u0E32/);
    for (const expected of ['สภาองค์กรชุมชนตำบล', 'ขอแสดงความนับถือ', 'หมู่ที่ 1']) expect(copied).toContain(expected);
    // the same letters as pdf.js finds, line for line
    expect(comparable(copied)).toBe(comparable((await pdfText(file)).split('\n').filter((line) => /[\u0E00-\u0E7F]/.test(line)).join('')));
  });

  it('prints Thai digits everywhere when the office asks for them', async () => {
    const result = await renderForm('letter', requireForm('letter').sample(), { ...options, office: { ...office, thaiDigits: true } });
    const file = path.join(outDir, 'letter-thai-digits.pdf');
    fs.writeFileSync(file, result.pdf);
    const text = await pdfText(file);
    expect(text).not.toMatch(/[0-9]/);
    expect(comparable(text)).toContain(comparable('๒๗ พฤศจิกายน ๒๕๖๙'));
    expect(comparable(text)).toContain(comparable('ที่ สอช. ๐๑๕/๒๕๖๙')); // a letter's page numbers: letter.test.ts
  });
});

describe('the engine', () => {
  it('refuses data that does not fit the form, naming the field', async () => {
    await expect(renderForm('letter', { ...(requireForm('letter').sample() as object), subject: '' }, options)).rejects.toMatchObject({
      zodError: { issues: [expect.objectContaining({ path: ['subject'] })] },
    });
  });

  it('reports progress and can be cancelled', async () => {
    const people = Array.from({ length: 2000 }, (_, index) => ({ firstName: `สมชาย${index}`, lastName: 'ใจดีมีสุขยิ่งนัก', village: (index % 9) + 1 }));
    const controller = new AbortController();
    const reports: number[] = [];
    const run = renderForm('name-list', { title: 'รายชื่อทดสอบการยกเลิก', people }, options, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        reports.push(done);
        if (done >= 5) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'RenderCancelledError' });
    expect(reports.length).toBeGreaterThan(0);
  });
});

describe('batches: many documents in one PDF', () => {
  const list = (title: string, rows: number) => ({
    title,
    columns: ['order', 'name', 'village', 'note'],
    people: Array.from({ length: rows }, (_, index) => ({ title: 'นาง', firstName: `บุญมี${index + 1}`, lastName: 'ศรีสุข', village: 3, note: 'ผู้แทนกลุ่มแม่บ้าน' })),
  });
  const footers = async (file: string, pages: number) =>
    await Promise.all(
      Array.from({ length: pages }, async (_, index) => {
        const text = comparable(await pdfText(file, index + 1));
        return /หน้า(\d+)\/(\d+)/.exec(text)?.slice(1).join('/');
      }),
    );

  it('numbers each document on its own: หน้า x/y restarts with every document', async () => {
    const progress: number[] = [];
    const result = await renderBatch('name-list', [list('หมู่ที่ 1', 40), list('หมู่ที่ 2', 3), list('หมู่ที่ 3', 25)], options, { onProgress: ({ done }) => progress.push(done) });
    const file = path.join(outDir, 'batch-small.pdf');
    fs.writeFileSync(file, result.pdf);
    const pages = await pdfPageCount(file);
    expect(result.pages).toBe(pages);
    const numbers = await footers(file, pages);
    // The first list fills the pages before the one-page list starts.
    expect(numbers[0]).toBe(`1/${numbers.indexOf('1/1')}`);
    expect(numbers).toContain('1/1'); // the 3-row list is one page of its own
    expect(numbers.filter((n) => n?.startsWith('1/'))).toHaveLength(3);
    expect(result.fileName).toContain('3-ฉบับ');
    expect(progress.at(-1)).toBe(3);
  });

  it('joins a batch longer than one run into one PDF, every page numbered within its document', async () => {
    // two and a half runs' worth of rows, in twelve equal lists
    const rows = Math.ceil((RUN_WEIGHT * 2.5) / 12);
    const items = Array.from({ length: 12 }, (_, index) => list(`หมู่ที่ ${index + 1}`, rows));
    expect(groupIntoRuns(nameListForm as unknown as FormDefinition, items.map((item) => nameListForm.input.parse(item))).length).toBe(3);
    const result = await renderBatch('name-list', items, options);
    const file = path.join(outDir, 'batch-runs.pdf');
    fs.writeFileSync(file, result.pdf);
    const pages = await pdfPageCount(file);
    expect(result.pages).toBe(pages);
    const numbers = await footers(file, pages);
    const starts = numbers.filter((n) => n?.startsWith('1/'));
    expect(starts).toHaveLength(12);
    expect(new Set(starts).size).toBe(1); // equal lists, equal lengths
    expect(numbers.every((n) => n !== undefined)).toBe(true);
  });
});
