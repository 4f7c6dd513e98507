// A list longer than one run (a 50,000-person register) is laid out a part at a time so that memory stays flat
// (render.ts drawInParts). On paper nothing may show it: every row once and in order, pages as full as one layout
// of the whole list makes them, the header row on every page, "หน้า x/y" counting every page of the list, the
// office heading once at the top and the signatures once after the last row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument, parseFormData, requireForm } from '../../main/documents/document';
import { renderBatch, type RenderResult } from '../../main/documents/engine';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { renderDocument } from '../../main/documents/render';
import { RUN_WEIGHT } from '../../main/documents/runs';
import { comparable, pdfPageCount, pdfText } from './pdf-tools';

const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
const options = { office, today: '2026-11-27' };
const TITLE = 'ทะเบียนรายชื่อสมาชิกกองทุนสวัสดิการชุมชน';
const SIGNER = 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์';

/** A note of 2,000 characters with no space: its row is taller than a page and breaks over pages. */
const LONG_NOTE = 'ผู้แทนกลุ่มเกษตรกรทำสวนยางพารา'.repeat(65).slice(0, 2000);

/**
 * Two and a half runs' worth of people; every seventh has a note that wraps, so rows differ in height, and where
 * the first part ends every row has a note taller than a page: the cut falls inside a row broken over pages.
 */
function longList(rows = Math.ceil(RUN_WEIGHT * 2.5), title = TITLE) {
  return {
    title,
    subtitle: 'หมู่ที่ 1–12 ตำบลหนองบัวทอง',
    // the note (never empty) after the name, so that no number runs into the name's in the extracted text
    columns: ['order', 'name', 'note', 'village', 'phone'],
    people: Array.from({ length: rows }, (_, index) => ({
      title: index % 2 ? 'นาง' : 'นาย',
      firstName: `ปุณณ์ญาดา${index + 1}`,
      lastName: 'ศรีสุวรรณ์',
      village: (index % 12) + 1,
      phone: '081-234-5678',
      note: rows > RUN_WEIGHT && index >= RUN_WEIGHT - 20 && index < RUN_WEIGHT + 5 ? LONG_NOTE : index % 7 === 3 ? 'ผู้แทนองค์กรชุมชนกลุ่มเกษตรกรทำสวนยางพาราและกลุ่มแม่บ้านบ้านหนองบัวทอง ฯลฯ' : 'สมาชิกสามัญ',
    })),
    signers: [{ role: 'ผู้จัดทำ', name: SIGNER, position: 'เลขานุการสภาองค์กรชุมชนตำบล' }],
  };
}

let outDir = '';

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-long-documents-'));
});

afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

async function save(name: string, pdf: Buffer): Promise<{ file: string; pages: string[] }> {
  const file = path.join(outDir, name);
  fs.writeFileSync(file, pdf);
  const count = await pdfPageCount(file);
  const pages = await Promise.all(Array.from({ length: count }, async (_, index) => comparable(await pdfText(file, index + 1))));
  return { file, pages };
}

/**
 * The rows on a page, by the number in each name ("…12นายปุณณ์ญาดา12…"), whose order number comes just before it
 * (run together with the previous row's last cell in the extracted text, hence endsWith).
 */
function rowNumbers(page: string): number[] {
  return [...page.matchAll(new RegExp(`(\\d+)${comparable('น(?:าย|าง)ปุณณ์ญาดา')}(\\d+)`, 'g'))].map(([, order, name]) => {
    expect(order!.endsWith(name!)).toBe(true);
    return Number(name);
  });
}

function footer(page: string): string | undefined {
  return new RegExp(`${comparable('หน้า')}(\\d+/\\d+)`).exec(page)?.[1];
}

describe('a list longer than one run', () => {
  let result: RenderResult;
  let pages: string[] = [];
  const progress: number[] = [];

  beforeAll(async () => {
    result = await renderBatch('name-list', [longList()], options, { onProgress: ({ done }) => progress.push(done) });
    ({ pages } = await save('long-list.pdf', result.pdf));
  });

  it('prints every row exactly once, in order', () => {
    const numbers = pages.flatMap(rowNumbers);
    expect(numbers).toEqual(Array.from({ length: Math.ceil(RUN_WEIGHT * 2.5) }, (_, index) => index + 1));
  });

  it('lays its pages out exactly as one layout of the whole list would: full pages at every join', async () => {
    const form = requireForm('name-list');
    const composed = composeDocument(form, parseFormData(form, longList()), options);
    const whole = await save('long-list-whole.pdf', await renderDocument(composed.definition, { thaiDigits: composed.thaiDigits }));
    expect(pages.length).toBe(whole.pages.length);
    expect(pages.map(rowNumbers)).toEqual(whole.pages.map(rowNumbers));
    expect(pages).toEqual(whole.pages);
  });

  it('numbers its pages หน้า 1/N … N/N, N being every page of the list', () => {
    expect(result.pages).toBe(pages.length);
    expect(pages.map(footer)).toEqual(pages.map((_, index) => `${index + 1}/${pages.length}`));
  });

  it('repeats the header row on every page, and prints the heading once at the top and the signature once after the last row', () => {
    const headerRow = comparable('ลำดับ ชื่อ-สกุล หมายเหตุ หมู่ที่ โทรศัพท์');
    for (const page of pages) expect(page).toContain(headerRow);
    expect(pages.filter((page) => page.includes(comparable(TITLE)))).toEqual([pages[0]]);
    expect(pages.filter((page) => page.includes(comparable(office.councilName)))).toEqual([pages[0]]);
    const last = pages.at(-1)!;
    expect(pages.filter((page) => page.includes(comparable('ลงชื่อ')))).toEqual([last]);
    expect(last.indexOf(comparable(SIGNER))).toBeGreaterThan(last.lastIndexOf(comparable(`ปุณณ์ญาดา${Math.ceil(RUN_WEIGHT * 2.5)}`)));
  });

  it('reports its progress in whole percent, rising to 100', () => {
    expect(progress.length).toBeGreaterThan(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    expect(progress.at(-1)).toBe(100);
  });
});

describe('a batch mixing short lists and a long one', () => {
  it('numbers each list on its own, the long one across all its parts', async () => {
    const short = (title: string, rows: number) => ({ ...longList(rows, title), signers: [] });
    const items = [short('หมู่ที่ 1', 40), longList(), short('หมู่ที่ 3', 3)];
    const result = await renderBatch('name-list', items, options);
    const { pages } = await save('mixed-batch.pdf', result.pdf);
    expect(result.pages).toBe(pages.length);
    const numbers = pages.map(footer);
    const starts = numbers.flatMap((number, index) => (number?.startsWith('1/') ? [index] : []));
    expect(starts).toHaveLength(3);
    const [long, last] = [starts[1]!, starts[2]!];
    expect(numbers.slice(0, long)).toEqual(numbers.slice(0, long).map((_, index) => `${index + 1}/${long}`));
    expect(numbers.slice(long, last)).toEqual(numbers.slice(long, last).map((_, index) => `${index + 1}/${last - long}`));
    expect(numbers.slice(last)).toEqual(['1/1']);
    // every row of each list once, each list numbered from 1
    const lists = [pages.slice(0, long), pages.slice(long, last), pages.slice(last)].map((part) => part.flatMap(rowNumbers));
    expect(lists.map((numbers) => numbers.length)).toEqual([40, Math.ceil(RUN_WEIGHT * 2.5), 3]);
    for (const list of lists) expect(list).toEqual(list.map((_, index) => index + 1));
  });
});

describe('printing a long list', () => {
  it('can be cancelled midway, and the next print still works', async () => {
    const controller = new AbortController();
    const reports: number[] = [];
    const run = renderBatch('name-list', [longList()], options, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        reports.push(done);
        if (done >= 10) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'RenderCancelledError' });
    expect(Math.max(...reports)).toBeLessThan(100);
    const next = await renderBatch('name-list', [longList(30)], options);
    expect(next.pages).toBeGreaterThan(0);
  });
});
