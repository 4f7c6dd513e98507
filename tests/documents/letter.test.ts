// The letter as the correspondence regulation lays it out (DOMAIN.md §4.8), read back from the printed PDF: where
// the emblem is, how pages are numbered, that the body is justified with the space between words, where the
// contact block and the signature sit. Lists keep their own "หน้า x/y".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBatch, renderForm, type RenderOptions } from '../../main/documents/engine';
import { letterForm } from '../../main/documents/forms/letter';
import { nameListForm } from '../../main/documents/forms/name-list';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { cm, defaultPageStyle } from '../../main/documents/style';
import { comparable, multiply, pdfText, type Matrix } from './pdf-tools';

const TODAY = '2026-11-27';
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
const office = { ...sampleOffice(), logo: SAMPLE_LOGO, thaiDigits: false };
const options: RenderOptions = { office, today: TODAY };
const margins = defaultPageStyle.marginsCm;
const PAGE = { width: cm(21), height: cm(29.7) };
const TEXT = { left: cm(margins.left), right: cm(21 - margins.right), centre: (cm(margins.left) + cm(21 - margins.right)) / 2 };

const SIGNER = 'นางบุญมี ศรีสุข';
/** Long paragraphs of ordinary hard data, enough for a second page. */
const paragraphs = [
  'ตามที่สภาองค์กรชุมชนตำบลหนองบัวทองได้จัดทำแผนพัฒนาตำบลประจำปีงบประมาณ 2570 ร่วมกับผู้ใหญ่บ้านทุกหมู่บ้าน ผู้แทนกลุ่มแม่บ้าน กลุ่มผู้สูงอายุ และหน่วยงานต่าง ๆ ที่เกี่ยวข้อง โดยมีนางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์ เป็นผู้ประสานงาน และนายฐิติวัฒน์ บุญญฤทธิ์ เป็นผู้รับผิดชอบโครงการ นั้น',
  'ในการนี้ สภาองค์กรชุมชนตำบลหนองบัวทองขอรายงานผลการดำเนินงานของกองทุนสวัสดิการชุมชน ซึ่งมียอดเงินคงเหลือ ณ วันที่ 30 กันยายน 2569 จำนวน 20,046.79 บาท (สองหมื่นสี่สิบหกบาทเจ็ดสิบเก้าสตางค์) และมีสมาชิกเพิ่มขึ้นร้อยละ 12 จากปีที่ผ่านมา ทั้งนี้ ได้แนบรายละเอียดการรับจ่ายเงิน รายชื่อสมาชิก และเอกสารประกอบอื่น ๆ ฯลฯ มาพร้อมหนังสือนี้แล้ว',
  'สภาองค์กรชุมชนตำบลหนองบัวทองจึงขอความอนุเคราะห์จากองค์การบริหารส่วนตำบลหนองบัวทองในการสนับสนุนงบประมาณสมทบกองทุนสวัสดิการชุมชน เพื่อให้การช่วยเหลือสมาชิกในด้านการเกิด การเจ็บป่วย การเสียชีวิต และการดูแลผู้สูงอายุและผู้พิการเป็นไปอย่างต่อเนื่อง โดยสามารถติดต่อผู้ประสานงานได้ที่หมายเลขโทรศัพท์ 081-234-5678 ในวันและเวลาราชการ',
  'อนึ่ง สภาองค์กรชุมชนตำบลหนองบัวทองจะจัดประชุมชี้แจงแผนการใช้จ่ายเงินกองทุนแก่สมาชิกและผู้แทนหน่วยงานที่เกี่ยวข้องในวันพฤหัสบดีที่ 10 ธันวาคม 2569 เวลา 09.30 น. ณ ศาลาอเนกประสงค์หมู่ที่ 1 จึงขอเรียนเชิญผู้แทนองค์การบริหารส่วนตำบลเข้าร่วมประชุมและให้ข้อเสนอแนะเพื่อประโยชน์ของประชาชนในตำบล',
  'จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ด้วย จะขอบคุณยิ่ง',
];
const contact = ['สำนักงานสภาองค์กรชุมชนตำบลหนองบัวทอง', 'โทร. 043-000-451', 'โทรสาร 043-000-452', 'e-mail: sapa.nongbuathong@example.org'];
const twoPageLetter = { ...letterForm.sample(), paragraphs, signer: { name: SIGNER, position: 'ประธานสภาองค์กรชุมชนตำบลหนองบัวทอง' }, contact };

/** Letters whose body ends a line later each time: together they end at every height of a page. */
const endings = Array.from({ length: 30 }, (_, index) => ({
  ...twoPageLetter,
  paragraphs: ['สมาชิกทุกครัวเรือนได้รับการดูแลอย่างทั่วถึง '.repeat(index + 1).trim(), 'จึงเรียนมาเพื่อโปรดพิจารณา'],
}));
/** The longest last paragraph the form takes, with no space at all, and the longest contact lines. */
const longLastLetter = {
  ...twoPageLetter,
  paragraphs: [paragraphs[0]!, 'ฐิติวัฒน์บุญญฤทธิ์กัญญ์ณัฏฐ์ศรีสุวรรณ์ปุณณ์ญาดาพิชญ์สินีญาณิศา'.repeat(50).slice(0, 3000)],
  contact: Array.from({ length: 4 }, (_, index) => `${index + 1} ${'หน่วยงานเจ้าของเรื่องสภาองค์กรชุมชน '.repeat(8)}`.slice(0, 200)),
};

let outDir = '';
const files = new Map<string, string>();

async function render(name: string, run: () => Promise<{ pdf: Buffer }>): Promise<void> {
  const file = path.join(outDir, `${name}.pdf`);
  fs.writeFileSync(file, (await run()).pdf);
  files.set(name, file);
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-letter-'));
  await render('sample', () => renderForm('letter', letterForm.sample(), options));
  await render('two-pages', () => renderForm('letter', twoPageLetter, options));
  await render('two-pages-thai', () => renderForm('letter', twoPageLetter, { ...options, office: { ...office, thaiDigits: true } }));
  await render('no-logo', () => renderForm('letter', twoPageLetter, { ...options, office: { ...office, logo: null } }));
  await render('small-emblem', () => renderForm('letter', letterForm.sample(), { ...options, style: { emblemHeightCm: 1.5, emblemTopCm: 1 } }));
  await render('batch', () => renderBatch('letter', [twoPageLetter, letterForm.sample()], options));
  await render('name-list', () => renderForm('name-list', nameListForm.sample(), options));
  await render('endings', () => renderBatch('letter', endings, options));
  await render('long-last', () => renderForm('letter', longLastLetter, options));
});

afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

// ---- reading the drawing back: pdfjs's operator list, with pdfkit's one text object per pdfmake inline ----

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One pdfmake inline (a piece of text between two places where the line may break), as drawn. */
interface Run {
  /** without the zero-width break marks */
  text: string;
  x: number;
  /** where the pen stops, after any trailing space */
  end: number;
  /** right edge of the last visible glyph */
  inkEnd: number;
  baseline: number;
  /** the run ends at a break between words: a space or a break mark */
  endsAtBreak: boolean;
}

interface DrawnPage {
  height: number;
  images: Box[];
  runs: Run[];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface Glyph {
  unicode: string;
  width: number;
}

async function drawnPages(file: string): Promise<DrawnPage[]> {
  const document = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  const pages: DrawnPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const height = page.view[3]!;
    const { fnArray, argsArray } = await page.getOperatorList();
    const images: Box[] = [];
    const runs: Run[] = [];
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let size = 0;
    let pen: [number, number] = [0, 0];
    let run: Run | null = null;
    // pdfkit draws the break mark as an empty glyph whose advance it takes back right away (net zero)
    let pendingSpace: { width: number } | null = null;
    for (let index = 0; index < fnArray.length; index++) {
      const args = argsArray[index] as unknown[];
      switch (fnArray[index]) {
        case OPS.save:
          stack.push(ctm);
          break;
        case OPS.restore:
          ctm = stack.pop() ?? ctm;
          break;
        case OPS.transform:
          ctm = multiply(args as Matrix, ctm);
          break;
        case OPS.paintImageXObject: {
          const [x0, y0] = apply(ctm, 0, 0);
          const [x1, y1] = apply(ctm, 1, 1);
          images.push({ left: Math.min(x0, x1), right: Math.max(x0, x1), top: height - Math.max(y0, y1), bottom: height - Math.min(y0, y1) });
          break;
        }
        case OPS.beginText:
          run = null;
          break;
        case OPS.setFont:
          size = args[1] as number;
          break;
        case OPS.setTextMatrix: {
          const tm = Array.from(args[0] as ArrayLike<number>) as Matrix;
          const [x, y] = apply(multiply(tm, ctm), 0, 0);
          pen = [x, height - y];
          if (!run) {
            run = { text: '', x, end: x, inkEnd: x, baseline: height - y, endsAtBreak: false };
            runs.push(run);
          }
          break;
        }
        case OPS.showText: {
          if (!run) break;
          for (const item of args[0] as (Glyph | number | null)[]) {
            if (item === null) continue;
            if (typeof item === 'number') {
              const back = (item * size) / 1000;
              pen[0] -= back;
              const breakMark = pendingSpace && Math.abs(item - pendingSpace.width) < 1;
              pendingSpace = null;
              if (breakMark) {
                // a break mark, not a space: its advance is taken back, so the pen ends where the mark began
                run.text = run.text.slice(0, -1);
                run.end = pen[0];
                continue;
              }
            } else {
              pen[0] += (item.width * size) / 1000;
              const blank = item.unicode.trim() === '' || item.unicode === '\u200B';
              pendingSpace = blank ? { width: item.width } : null;
              run.text += blank ? ' ' : item.unicode;
              if (!blank) run.inkEnd = Math.max(run.inkEnd, pen[0]);
              run.endsAtBreak = blank;
            }
            run.end = Math.max(run.end, pen[0]);
          }
          break;
        }
      }
    }
    pages.push({ height, images, runs });
  }
  return pages;
}

interface Line {
  baseline: number;
  runs: Run[];
  text: string;
  left: number;
  /** right edge of the last visible glyph */
  inkRight: number;
}

function lines(page: DrawnPage): Line[] {
  const byBaseline = new Map<number, Run[]>();
  for (const run of page.runs) {
    const key = [...byBaseline.keys()].find((baseline) => Math.abs(baseline - run.baseline) < 1) ?? run.baseline;
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), run]);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => a - b)
    .map(([baseline, runs]) => {
      runs.sort((a, b) => a.x - b.x);
      return { baseline, runs, text: runs.map((run) => run.text).join(''), left: runs[0]!.x, inkRight: Math.max(...runs.map((run) => run.inkEnd)) };
    });
}

/** The line that starts with `start` (ำ compared as its two parts, as the engine prints it: prepare.ts). */
const lineWith = (page: DrawnPage, start: string) => lines(page).find((line) => line.text.trimStart().normalize('NFKC').startsWith(start.normalize('NFKC')));

/** The body: from the first indented line to the line before the closing, over all pages. */
function bodyLines(pages: DrawnPage[]): Line[][] {
  const indent = TEXT.left + cm(2.5);
  let started = false;
  let ended = false;
  return pages.map((page) =>
    lines(page).filter((line) => {
      if (line.text.trimStart().startsWith('ขอแสดงความนับถือ')) ended = true;
      if (!started && Math.abs(line.left - indent) < 1) started = true;
      return started && !ended && line.baseline > cm(margins.top);
    }),
  );
}

// ---- the tests ----

describe('the letter: page numbers', () => {
  it.each([
    ['two-pages', '- 2 -'],
    ['two-pages-thai', '- ๒ -'],
  ])('%s: none on the first page, "%s" centred at the top of the second', async (name, expected) => {
    const file = files.get(name)!;
    const pages = await drawnPages(file);
    expect(pages).toHaveLength(2);
    expect(comparable(await pdfText(file, 1))).not.toMatch(/-[12๑๒]-|หน้า/);
    const top = lines(pages[1]!)[0]!;
    expect(top.text.replace(/\s/g, '')).toBe(expected.replace(/\s/g, ''));
    expect(top.baseline).toBeLessThan(cm(margins.top)); // in the top margin, above the text
    expect(Math.abs((top.left + top.inkRight) / 2 - TEXT.centre)).toBeLessThan(1.5);
    expect(comparable(await pdfText(file))).not.toContain('หน้า');
  });

  it('numbers each letter of a batch on its own: a one-page letter after a two-page one has no number', async () => {
    const file = files.get('batch')!;
    const pages = await drawnPages(file);
    expect(pages).toHaveLength(3);
    expect(lines(pages[1]!)[0]!.text.replace(/\s/g, '')).toBe('-2-');
    expect(comparable(await pdfText(file, 3))).not.toMatch(/^-\d-/);
    expect(lines(pages[2]!)[0]!.text).toMatch(/^ที่/);
  });

  it('a list keeps "หน้า x/y" at the foot of every page, the first included', async () => {
    const file = files.get('name-list')!;
    const pages = await drawnPages(file);
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      const foot = lines(page).at(-1)!;
      expect(foot.text.replace(/\s/g, '')).toBe(`หน้า${index + 1}/${pages.length}`);
      expect(foot.baseline).toBeGreaterThan(page.height - cm(margins.bottom));
    }
  });
});

describe('the letter: letterhead', () => {
  it('prints the emblem about 3 cm high, its top about 1.5 cm from the paper\'s edge, centred over the text', async () => {
    const [first, second] = await drawnPages(files.get('two-pages')!);
    expect(first!.images).toHaveLength(1);
    const emblem = first!.images[0]!;
    expect(emblem.bottom - emblem.top).toBeCloseTo(cm(3), 0);
    expect(emblem.top).toBeCloseTo(cm(1.5), 0);
    expect((emblem.left + emblem.right) / 2).toBeCloseTo(TEXT.centre, 0);
    expect(second!.images).toHaveLength(0);
  });

  it('takes the emblem\'s size and place from the page style', async () => {
    const [first] = await drawnPages(files.get('small-emblem')!);
    const emblem = first!.images[0]!;
    expect(emblem.bottom - emblem.top).toBeCloseTo(cm(1.5), 0);
    expect(emblem.top).toBeCloseTo(cm(1), 0);
  });

  it('puts ที่ on the left under the emblem, the office on the right, the date right of centre without "วันที่"', async () => {
    for (const name of ['two-pages', 'no-logo']) {
      const [first] = await drawnPages(files.get(name)!);
      const reference = lineWith(first!, 'ที่ สอช.')!;
      expect(reference.left).toBeCloseTo(TEXT.left, 0);
      const emblem = first!.images[0];
      if (emblem) expect(reference.baseline).toBeGreaterThan(emblem.bottom);
      else expect(reference.baseline).toBeLessThan(cm(margins.top) + 25);
      const officeRun = first!.runs.find((run) => run.text.startsWith('สภา') && Math.abs(run.baseline - reference.baseline) < 1)!;
      expect(officeRun.x).toBeGreaterThan(TEXT.left + cm(5));
      const date = lineWith(first!, '27 พฤศจิกายน 2569')!;
      expect(date.left).toBeGreaterThanOrEqual(TEXT.centre - 1);
      expect(date.baseline).toBeGreaterThan(reference.baseline);
    }
    expect(comparable(await pdfText(files.get('two-pages-thai')!, 1))).toContain(comparable('๒๗ พฤศจิกายน ๒๕๖๙'));
    expect(comparable(await pdfText(files.get('two-pages')!, 1))).not.toContain('วันที่27');
  });
});

describe('the letter: body', () => {
  it.each(['two-pages', 'two-pages-thai', 'sample'])('%s: justified — every line but a paragraph\'s last reaches the right margin; the last stays left', async (name) => {
    const body = bodyLines(await drawnPages(files.get(name)!)).flat();
    const indent = TEXT.left + cm(2.5);
    let justified = 0;
    let lastLines = 0;
    for (const [index, line] of body.entries()) {
      const next = body[index + 1];
      const endsParagraph = next === undefined || Math.abs(next.left - indent) < 1;
      const gaps = line.runs.slice(1).map((run, i) => run.x - line.runs[i]!.end);
      const where = `"${line.text}"`;
      if (endsParagraph) {
        lastLines++;
        expect(Math.max(0, ...gaps), `${where} is a paragraph's last line: not stretched`).toBeLessThan(0.2);
      } else {
        justified++;
        expect(Math.abs(line.inkRight - TEXT.right), `${where} ends at ${line.inkRight.toFixed(1)}, the margin is ${TEXT.right.toFixed(1)}`).toBeLessThan(1);
      }
    }
    expect(lastLines).toBe(name === 'sample' ? 3 : paragraphs.length);
    expect(justified).toBeGreaterThan(name === 'sample' ? 2 : 10);
  });

  it('spreads a justified line evenly between its characters (Thai distributed), never between a letter and its marks', async () => {
    const indent = TEXT.left + cm(2.5);
    let linesSeen = 0;
    for (const name of ['two-pages', 'two-pages-thai']) {
      const body = bodyLines(await drawnPages(files.get(name)!)).flat();
      for (const [index, line] of body.entries()) {
        const next = body[index + 1];
        if (next === undefined || Math.abs(next.left - indent) < 1) continue; // a paragraph's last line stays as set
        linesSeen++;
        const gaps = line.runs.slice(1).map((run, i) => run.x - line.runs[i]!.end);
        const where = `"${line.text}"`;
        // the spare width is shared by every gap between characters: no wide holes between words
        expect(Math.min(...gaps), where).toBeGreaterThan(0);
        expect(Math.max(...gaps) - Math.min(...gaps), where).toBeLessThan(0.05);
        for (const run of line.runs.slice(1)) expect(run.text, `a mark cut from its letter in ${where}`).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
        for (const run of line.runs) {
          expect(run.text, `ำ split in ${where}`).not.toMatch(/\u0E4D$/);
          // one letter with its marks per drawn piece (ำ's two halves count as one): the space is spread between letters
          const letters = [...graphemes.segment(run.text.trim().replace(/\u0E4D\u0E32/g, '\u0E33'))];
          expect(letters.length, `"${run.text}" is drawn as one piece in ${where}`).toBeLessThanOrEqual(1);
        }
      }
    }
    expect(linesSeen).toBeGreaterThan(10);
  });
});

describe('the letter: closing, signature and contact block', () => {
  it('prints the signer\'s name in brackets with no space inside, the closing and position centred over it', async () => {
    const pages = await drawnPages(files.get('two-pages')!);
    const last = pages.at(-1)!;
    const name = lineWith(last, '(')!;
    expect(name.text.trim()).toBe(`(${SIGNER})`);
    const closing = lineWith(last, 'ขอแสดงความนับถือ')!;
    const position = lineWith(last, 'ประธานสภา')!;
    const centre = (line: Line) => (line.left + line.inkRight) / 2;
    expect(centre(closing)).toBeCloseTo(centre(name), -1);
    expect(centre(position)).toBeCloseTo(centre(name), -1);
    expect(centre(name)).toBeGreaterThan(TEXT.centre);
    expect(name.baseline - closing.baseline).toBeGreaterThan(cm(1.5)); // room to sign
  });

  it('never leaves the closing and signature alone on a page: the last paragraph goes with them', async () => {
    const pages = await drawnPages(files.get('endings')!);
    const closings = pages.filter((page) => lineWith(page, 'ขอแสดงความนับถือ'));
    expect(closings).toHaveLength(endings.length);
    for (const page of closings) {
      const all = lines(page);
      const closing = all.findIndex((line) => line.text.startsWith('ขอแสดงความนับถือ'));
      const before = all.slice(0, closing).filter((line) => !/^\s*-\s*\d+\s*-\s*$/.test(line.text));
      expect(before.length, `the page with the closing starts "${all[0]!.text}"`).toBeGreaterThan(0);
      expect(before.at(-1)!.text).toMatch(/^\s*จึงเรียนมาเพื่อ/);
    }
    // the letters did end on both pages: some closings share a page with the letterhead, some do not
    expect(closings.some((page) => page.images.length > 0)).toBe(true);
    expect(closings.some((page) => page.images.length === 0)).toBe(true);
  });

  it('prints every character of a 3,000-character last paragraph with no space, and of long contact lines', async () => {
    const file = files.get('long-last')!;
    // pdf.js gives the page number "- 2 -" (drawn last) in the middle of the text
    const text = comparable(await pdfText(file)).replace(/-\d+-/g, '');
    expect(text).toContain(comparable(longLastLetter.paragraphs[1]!));
    for (const line of longLastLetter.contact) expect(text).toContain(comparable(line));
    const last = (await drawnPages(file)).at(-1)!;
    const bottom = last.height - cm(margins.bottom);
    for (const line of lines(last)) expect(line.baseline, `"${line.text}"`).toBeLessThan(bottom);
  });

  it.each(['sample', 'two-pages', 'no-logo'])('%s: the contact block sits at the foot of the page where the letter ends, bottom left', async (name) => {
    const pages = await drawnPages(files.get(name)!);
    const expected = name === 'sample' ? letterForm.input.parse(letterForm.sample()).contact : contact;
    for (const page of pages.slice(0, -1)) expect(lineWith(page, expected[0]!)).toBeUndefined();
    const last = pages.at(-1)!;
    const block = expected.map((text) => lineWith(last, text)!);
    for (const line of block) expect(line.left).toBeCloseTo(TEXT.left, 0);
    const bottom = PAGE.height - cm(margins.bottom);
    // the last line's letters end just above the bottom margin (its line box on the margin)
    expect(block.at(-1)!.baseline).toBeGreaterThan(bottom - 12);
    expect(block.at(-1)!.baseline).toBeLessThan(bottom);
    const position = lineWith(last, 'ประธานสภา')!;
    expect(block[0]!.baseline - position.baseline).toBeGreaterThan(20); // below the signature, not over it
  });
});
