// Table layout by content: every form's tables (lists, receipts, registers, ผ.02) size their columns here, then
// hand the plan to dataTable() (blocks.ts). measureTable() measures the cells once, on the text as printed and
// with the real font (measure.ts); planTable() chooses the page, the text size and the column widths.
import type { DocumentNotice } from './forms/types';
import type { PageOrientation } from 'pdfmake/interfaces';
import { CELL_PADDING, RULE } from './blocks';
import { toThaiDigits } from './format';
import { lineHeight, numberTextWidths, preparedText, textWidth } from './measure';
import { BREAK_MARK } from './prepare';
import { breakUnits, syllables } from './segment';
import { cm, contentWidth, pageStyle, type PageStyle } from './style';

export interface TableColumn {
  heading: string;
  align?: 'left' | 'center' | 'right';
  /**
   * A set width, in points at 14 pt, for a column filled in by hand (a signature): its content does not size it.
   * Other columns are sized by what they hold: never narrower than their widest word or number.
   */
  handwritten?: number;
  /**
   * Lines break only at spaces in this column, not between Thai words: person names printed with personName()
   * (person-name.ts), where "title+first name" and "last name" each stay whole.
   */
  wholeWords?: boolean;
  /**
   * Share of the room left once every column has its longest line (default 1; 0: never wider than its
   * content — order numbers, IDs, phones).
   */
  grow?: number;
}

export interface TablePlanOptions {
  /** the page style; its orientation is the first tried */
  style: PageStyle;
  /**
   * When a portrait page cannot hold the columns: turn landscape before making the text smaller ('first', the
   * page was not chosen by the caller), only after ('last', the caller asked for portrait), or never (the page
   * is already set).
   */
  turn: 'first' | 'last' | 'never';
  thaiDigits: boolean;
  /** points the document uses above the table on its first page (office header, title), for choosing the page */
  above?: number;
}

export interface TablePlan {
  orientation: PageOrientation;
  /** text size of the whole table */
  fontSize: number;
  /** column widths in points, for dataTable */
  widths: number[];
  /** the cells' text as printed: break marks added inside the rare word no column can hold */
  body: readonly string[][];
  /** body rows too tall to keep on one page (dataTable tallRows) */
  tallRows: Set<number>;
  /** what the office should know about the table (a smaller font, a turned page); empty when nothing changed */
  notices: DocumentNotice[];
}

/** The table sizes tried, largest first, before a table gives up: never below 12 pt. */
const SIZE_STEPS = [0, 1, 2];

/** A piece no line may break inside that is made of digits and their punctuation: never cut. */
const NUMBER_LIKE = /^[0-9๐-๙.,:/()\-+#%\u00A0]+$/;

/** A text column's widest piece is cut between syllables above this share of the table's width. */
const LONGEST_WORD_SHARE = 0.4;

/** Before saving lines, every column may widen to this share of the table's width (if its text needs it). */
const COMFORTABLE_SHARE = 0.12;

/** A row taller than this share of the page body may break across pages; shorter rows stay whole. */
const TALL_ROW_SHARE = 0.45;

/** Widths at 1 pt with the office's Arabic digits [0] or Thai digits [1] (prepare.ts converts them later). */
type ByDigits = [number, number];

interface ColumnMeasure {
  /** widest number-like piece (never cut) */
  numberMinimum: ByDigits;
  /** distinct breakable pieces, widest first (by their Arabic-digit width) */
  words: { text: string; width: ByDigits }[];
  /** longest line */
  preferred: ByDigits;
  /** header: widest word and whole width, bold */
  headerMinimum: ByDigits;
  headerPreferred: ByDigits;
}

interface CellMeasure {
  /** as printed with Arabic digits */
  prepared: string;
  preferred: ByDigits;
  /** pieces between break opportunities: no more lines than this, unless one is wider than the column */
  pieces: number;
  widestPiece: ByDigits;
  /** the pieces' widths at 1 pt, each with the width of the space after it (0 after a break mark), for counting lines */
  flow: Float64Array;
}

/** Lines the text takes in a column `width` wide (at 1 pt), filled greedily as pdfmake fills them. */
function flowLines(flow: Float64Array, columnWidth: number): number {
  // pieces measured one by one add up to their line measured whole only to within rounding
  const width = columnWidth + 1e-3;
  let lines = 1;
  let used = 0;
  for (let index = 0; index < flow.length; index += 2) {
    const piece = flow[index]!;
    if (used > 0 && used + piece > width) {
      lines++;
      used = 0;
    }
    if (piece > width) {
      lines += Math.ceil(piece / width) - 1;
      used = piece % width;
    } else used += piece + flow[index + 1]!;
  }
  return lines;
}

function textFlow(prepared: string): Float64Array {
  const parts = prepared.split(/([ \u200B\n]+)/);
  const flow = new Float64Array(Math.ceil(parts.length / 2) * 2);
  for (let index = 0; index < parts.length; index += 2) {
    flow[index] = textWidth(parts[index]!, 1);
    const separator = parts[index + 1] ?? '';
    // a hard line break is counted as a line full of space; several spaces as one
    flow[index + 1] = separator.includes('\n') ? Number.MAX_SAFE_INTEGER / 4 : separator.includes(' ') ? textWidth(' ', 1) : 0;
  }
  return flow;
}

/** What a table's content asks of its columns, measured once (a batch lays a list out once per orientation). */
export interface TableMeasure {
  columns: readonly TableColumn[];
  rows: readonly string[][];
  measures: ColumnMeasure[];
  /** per cell; null for an empty cell or a number, which is one line and never cut */
  cells: (CellMeasure | null)[][];
}

/** Text with no Thai letters: the Thai pass only converts its digits (no break marks, no ำ). */
const PLAIN_NUMBER_TEXT = /^[0-9.,:/()\-+#% ]*$/;

function byDigits(text: string, bold = false): ByDigits {
  const arabic = textWidth(text, 1, bold);
  return [arabic, /[0-9]/.test(text) ? textWidth(toThaiDigits(text), 1, bold) : arabic];
}

function maxByDigits(into: ByDigits, value: ByDigits): void {
  if (value[0] > into[0]) into[0] = value[0];
  if (value[1] > into[1]) into[1] = value[1];
}

interface MeasuredText {
  cell: CellMeasure;
  pieces: { text: string; width: ByDigits; number: boolean }[];
}

/**
 * One cell's text as printed, its pieces and widths. In a `wholeWords` column (person names) a line breaks only
 * at spaces: the break marks the Thai pass would add are not there (prepare.ts leaves a personName() alone).
 */
function measureText(text: string, wholeWords: boolean): MeasuredText {
  const marked = preparedText(text, false);
  const prepared = wholeWords ? marked.replace(/\u200B/g, '') : marked;
  const units = wholeWords ? prepared.split(/[ \n]+/).filter((unit) => unit !== '') : breakUnits(prepared);
  const pieces = units.map((unit) => ({ text: unit, width: byDigits(unit), number: NUMBER_LIKE.test(unit) }));
  const preferred: ByDigits = [0, 0];
  prepared.split('\n').forEach((line) => maxByDigits(preferred, byDigits(line.trim())));
  const widestPiece: ByDigits = [0, 0];
  pieces.forEach((piece) => maxByDigits(widestPiece, piece.width));
  return { cell: { prepared, preferred, pieces: Math.max(1, units.length), widestPiece, flow: textFlow(prepared) }, pieces };
}

/**
 * Measures every cell with both digit sets, so that choosing the page and building the table share one
 * measurement. Each distinct text is measured once (a register repeats names, villages and notes); numbers,
 * mostly unique, are summed character by character (measure.ts numberTextWidths).
 */
export function measureTable(columns: readonly TableColumn[], rows: readonly string[][]): TableMeasure {
  const textMemo = new Map<string, MeasuredText>();
  const measures = columns.map((column): ColumnMeasure => {
    const heading = preparedText(column.heading, false);
    const headerMinimum: ByDigits = [0, 0];
    breakUnits(heading).forEach((unit) => maxByDigits(headerMinimum, byDigits(unit, true)));
    return { numberMinimum: [0, 0], words: [], preferred: [0, 0], headerMinimum, headerPreferred: byDigits(heading, true) };
  });
  const textSeen = measures.map(() => new Set<string>());
  const wordSeen = measures.map(() => new Set<string>());
  const cells = rows.map((row) => {
    const measuredRow: (CellMeasure | null)[] = new Array<CellMeasure | null>(columns.length).fill(null);
    for (let index = 0; index < columns.length; index++) {
      const text = row[index] ?? '';
      const column = columns[index]!;
      const measure = measures[index]!;
      if (text === '' || column.handwritten !== undefined) continue;
      const numbers = PLAIN_NUMBER_TEXT.test(text) ? numberTextWidths(text) : undefined;
      if (numbers) {
        const [widest, whole, widestThai, wholeThai] = numbers;
        if (widest > measure.numberMinimum[0]) measure.numberMinimum[0] = widest;
        if (widestThai > measure.numberMinimum[1]) measure.numberMinimum[1] = widestThai;
        if (whole > measure.preferred[0]) measure.preferred[0] = whole;
        if (wholeThai > measure.preferred[1]) measure.preferred[1] = wholeThai;
        continue;
      }
      const key = column.wholeWords ? `\u0001${text}` : text;
      let known = textMemo.get(key);
      if (known === undefined) {
        known = measureText(text, column.wholeWords ?? false);
        textMemo.set(key, known);
      }
      measuredRow[index] = known.cell;
      if (textSeen[index]!.has(text)) continue;
      textSeen[index]!.add(text);
      maxByDigits(measure.preferred, known.cell.preferred);
      for (const piece of known.pieces) {
        if (piece.number) maxByDigits(measure.numberMinimum, piece.width);
        else if (!wordSeen[index]!.has(piece.text)) {
          wordSeen[index]!.add(piece.text);
          measure.words.push({ text: piece.text, width: piece.width });
        }
      }
    }
    return measuredRow;
  });
  for (const measure of measures) measure.words.sort((a, b) => b.width[0] - a.width[0]);
  return { columns, rows, measures, cells };
}

/** Widest piece of a word cut between syllables (at 1 pt). */
function widestSyllable(word: string, digits: 0 | 1): number {
  return Math.max(0, ...syllablePieces(word).map((piece) => byDigits(piece)[digits]));
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Where a word too wide for any column is cut: between Thai syllables (segment.ts), and in a run of anything else
 * (a long code, Latin letters, digits) between its characters. What no line may start with — ๆ, ฯ, a closing
 * bracket or punctuation, and both sides of a no-break space — stays on the piece before.
 */
function syllablePieces(word: string): string[] {
  const pieces: string[] = [];
  let glue = false;
  const add = (piece: string, toPrevious: boolean) => {
    if (pieces.length > 0 && (toPrevious || glue)) pieces[pieces.length - 1] += piece;
    else pieces.push(piece);
    glue = false;
  };
  for (const syllable of syllables(word)) {
    // a run of Thai (a syllable, ฯลฯ) whole; anything else character by character
    let thai = '';
    for (const { segment } of graphemes.segment(syllable)) {
      if (/[\u0E01-\u0E4F]/.test(segment)) {
        thai += segment;
        continue;
      }
      if (thai) add(thai, false);
      thai = '';
      const space = /^\s$/.test(segment);
      add(segment, space || /^[)\]}.,:;!?%]/.test(segment));
      if (space) glue = true;
    }
    if (thai) add(thai, false);
  }
  return pieces;
}

/** The narrowest a column may be at 1 pt when words wider than `cap` (at 1 pt) are cut between syllables. */
function columnMinimum(column: TableColumn, measure: ColumnMeasure, cap: number, digits: 0 | 1): { minimum: number; cut: Set<string> } {
  const cut = new Set<string>();
  if (column.handwritten !== undefined) return { minimum: Math.max(column.handwritten / 14, measure.headerMinimum[digits]), cut };
  let minimum = Math.max(measure.numberMinimum[digits], measure.headerMinimum[digits]);
  for (const word of measure.words) {
    if (word.width[digits] <= cap) {
      // sorted by the Arabic width: the next words may still be wider in Thai digits, look a little further
      if (word.width[0] * 1.3 < minimum) break;
      minimum = Math.max(minimum, word.width[digits]);
      continue;
    }
    cut.add(word.text);
    minimum = Math.max(minimum, widestSyllable(word.text, digits));
  }
  return { minimum, cut };
}

/**
 * Besides the rows' height, a little weight on every cell's own lines: between two layouts of the same height,
 * the one with names on one line and fewer wrapped cells.
 */
const CELL_LINE_WEIGHT = 0.1;

/** Rows the height-saving pass looks at: all of a short table, an even sample of a long one. */
const HEIGHT_SAMPLE = 240;

/**
 * Gives room, a few points at a time, to the column where it saves the most lines over the table's rows (a row
 * is as tall as its tallest cell): a long note gets the width that shortens its rows, not the empty signature
 * column or a name that is on two lines anyway. Stops when more room would save no line.
 */
function saveLines(widths: number[], minimums: readonly number[], preferred: readonly number[], cells: readonly (CellMeasure | null)[][], usable: number, fontSize: number): number[] {
  const sample = cells.length <= HEIGHT_SAMPLE ? cells : Array.from({ length: HEIGHT_SAMPLE }, (_, index) => cells[Math.floor((index * cells.length) / HEIGHT_SAMPLE)]!);
  const lines = sample.map((row) => row.map((cell, column) => (cell ? flowLines(cell.flow, widths[column]! / fontSize) : 1)));
  let room = usable - widths.reduce((sum, width) => sum + width, 0);
  const textColumns = widths.map((_, column) => column).filter((column) => sample.some((row) => row[column] !== null));
  while (room > 0.5) {
    // Lines come off in steps (a name is on one line only once the whole name fits): each column is tried at
    // several widths, and the best lines saved per point wins.
    let best: { column: number; width: number; lines: number[]; perPoint: number } | null = null;
    // each row's tallest cell without the column being tried: the tallest, or the second tallest in its own
    const tallest = lines.map((row) => Math.max(...row));
    const tallestColumn = lines.map((row, index) => row.indexOf(tallest[index]!));
    const secondTallest = lines.map((row, index) => Math.max(1, ...row.filter((_, column) => column !== tallestColumn[index])));
    for (const column of textColumns) {
      const most = Math.min(widths[column]! + room, preferred[column]!);
      for (let increment = 2; widths[column]! < most; increment *= 2) {
        const wider = Math.min(widths[column]! + increment, most);
        let gain = 0;
        const columnLines = sample.map((row, index) => {
          const cell = row[column];
          if (!cell) return 1;
          const after = flowLines(cell.flow, wider / fontSize);
          const tallestOther = tallestColumn[index] === column ? secondTallest[index]! : tallest[index]!;
          gain += tallest[index]! - Math.max(tallestOther, after) + CELL_LINE_WEIGHT * (lines[index]![column]! - after);
          return after;
        });
        const perPoint = gain / (wider - widths[column]!);
        if (gain > 0 && (!best || perPoint > best.perPoint)) best = { column, width: wider, lines: columnLines, perPoint };
        if (wider >= most) break;
      }
    }
    if (!best) break;
    room -= best.width - widths[best.column]!;
    widths[best.column] = best.width;
    best.lines.forEach((count, index) => (lines[index]![best.column] = count));
  }
  return exchangeRoom(widths, minimums, preferred, sample, lines, textColumns, fontSize);
}

/**
 * The greedy pass can spend the last points where they save a line each and leave a neighbour just short of the
 * width that would save many (a name 7 points short of one line). Moving room between two columns, while that
 * saves lines, mends it.
 */
function exchangeRoom(
  widths: number[],
  minimums: readonly number[],
  preferred: readonly number[],
  sample: readonly (readonly (CellMeasure | null)[])[],
  lines: number[][],
  textColumns: readonly number[],
  fontSize: number,
): number[] {
  const linesAt = (column: number, width: number) => sample.map((row) => (row[column] ? flowLines(row[column]!.flow, width / fontSize) : 1));
  for (let pass = 0; pass < 12; pass++) {
    let best: { to: number; from: number; amount: number; saved: number; toLines: number[]; fromLines: number[] } | null = null;
    for (const to of textColumns) {
      for (const from of textColumns) {
        if (to === from) continue;
        for (let amount = 2; amount <= 64; amount *= 2) {
          const give = Math.min(amount, widths[from]! - minimums[from]!, preferred[to]! - widths[to]!);
          if (give <= 0.01) break;
          const toLines = linesAt(to, widths[to]! + give);
          const fromLines = linesAt(from, widths[from]! - give);
          let saved = 0;
          lines.forEach((row, index) => {
            let others = 1;
            for (let column = 0; column < row.length; column++) if (column !== to && column !== from && row[column]! > others) others = row[column]!;
            saved += Math.max(others, row[to]!, row[from]!) - Math.max(others, toLines[index]!, fromLines[index]!);
            saved += CELL_LINE_WEIGHT * (row[to]! + row[from]! - toLines[index]! - fromLines[index]!);
          });
          if (saved > 1e-9 && (!best || saved > best.saved)) best = { to, from, amount: give, saved, toLines, fromLines };
          if (give < amount) break;
        }
      }
    }
    if (!best) break;
    widths[best.to]! += best.amount;
    widths[best.from]! -= best.amount;
    best.toLines.forEach((count, index) => (lines[index]![best.to] = count));
    best.fromLines.forEach((count, index) => (lines[index]![best.from] = count));
  }
  return widths;
}

/** Spreads `usable` points over columns: each its minimum, then evenly towards its longest line, then by grow. */
function spreadWidths(minimums: number[], preferred: number[], grow: number[], usable: number, fillTheRest = true): number[] {
  const widths = [...minimums];
  let room = usable - widths.reduce((sum, width) => sum + width, 0);
  // Evenly raise every column still below its longest line (water filling): a column that needs a little more
  // gets it all; one that wants the moon (a long note) takes what is left.
  for (let wanting = widths.map((_, index) => index).filter((index) => preferred[index]! > widths[index]!); room > 0.01 && wanting.length > 0; ) {
    const step = Math.min(room / wanting.length, ...wanting.map((index) => preferred[index]! - widths[index]!));
    for (const index of wanting) widths[index]! += step;
    room -= step * wanting.length;
    wanting = wanting.filter((index) => preferred[index]! - widths[index]! > 0.01);
  }
  if (!fillTheRest) return widths;
  const totalGrow = grow.reduce((sum, share) => sum + share, 0);
  if (room > 0.01 && totalGrow > 0) grow.forEach((share, index) => (widths[index]! += (room * share) / totalGrow));
  else if (room > 0.01) widths[widths.length - 1]! += room;
  return widths;
}

/**
 * Lays a table out by its content: each column at least as wide as its widest word or number (measured on the
 * text as printed, with the real font), the room left to the columns whose text needs it, a column filled by
 * hand at its set width. When the columns do not fit the page: landscape (if the caller allows), then the
 * text one point smaller, down to 12 pt — said in `notices`. A word wider than any column could be (a long
 * unbroken string) is cut between syllables; a number never is.
 */
export function planTable(table: TableMeasure, options: TablePlanOptions): TablePlan {
  const baseSize = options.style.tableSize;
  const sizes = SIZE_STEPS.map((step) => Math.max(12, baseSize - step)).filter((size, index, all) => all.indexOf(size) === index);
  const own = options.style.orientation;
  const canTurn = own === 'portrait' && options.turn !== 'never';
  const attempts: { orientation: PageOrientation; fontSize: number }[] =
    canTurn && options.turn === 'first'
      ? [{ orientation: own, fontSize: baseSize }, ...sizes.map((fontSize) => ({ orientation: 'landscape' as const, fontSize }))]
      : [...sizes.map((fontSize) => ({ orientation: own, fontSize })), ...(canTurn ? sizes.map((fontSize) => ({ orientation: 'landscape' as const, fontSize })) : [])];
  for (const [attemptIndex, attempt] of attempts.entries()) {
    const plan = planAt(table, options, attempt, attemptIndex === attempts.length - 1);
    if (!plan) continue;
    // Free to turn and both fit: landscape when its wider columns make the list much shorter (long notes).
    if (canTurn && options.turn === 'first' && attemptIndex === 0) {
      const turned = planAt(table, options, attempts[1]!, false);
      const pages = (candidate: { estimatedPages: number }, orientation: PageOrientation) =>
        Math.ceil(candidate.estimatedPages + (options.above ?? 0) / pageBodyHeight(pageStyle(options.style, { orientation })));
      // Only when it saves much: a register people expect upright stays upright for a third fewer pages.
      if (turned && pages(turned, 'landscape') <= Math.min(pages(plan, 'portrait') - 1, pages(plan, 'portrait') * LANDSCAPE_SAVING)) {
        return { ...withoutEstimate(turned), notices: [...turned.notices.filter((notice) => notice !== TURNED_NOTICE), TURNED_FOR_LENGTH_NOTICE] };
      }
    }
    return withoutEstimate(plan);
  }
  throw new RangeError('ตารางมีคอลัมน์มากเกินกว่าจะพิมพ์บนกระดาษ A4 ได้ แม้เป็นแนวนอนและตัวอักษร 12 พอยต์ กรุณาเลือกคอลัมน์ให้น้อยลง');
}

/** Landscape instead of a portrait page that fits: only at this share of the pages or fewer. */
const LANDSCAPE_SAVING = 0.6;

export const TURNED_NOTICE: DocumentNotice = {
  th: 'ตารางกว้างเกินหน้ากระดาษแนวตั้ง จึงพิมพ์เป็นแนวนอน',
  en: 'The table is wider than a portrait page, so it is printed landscape',
};
export const TURNED_FOR_LENGTH_NOTICE: DocumentNotice = {
  th: 'ตารางมีข้อความยาว จึงพิมพ์เป็นแนวนอนเพื่อให้ใช้กระดาษน้อยลง',
  en: 'The table holds long text, so it is printed landscape to use less paper',
};
const CUT_BETWEEN_SYLLABLES_NOTICE: DocumentNotice = {
  th: 'ข้อความบางช่องยาวต่อเนื่องเกินความกว้างของคอลัมน์ จึงตัดขึ้นบรรทัดใหม่ระหว่างพยางค์',
  en: 'Some cells hold text longer than their column without a break, so it wraps between syllables',
};

function withoutEstimate(plan: TablePlan & { estimatedPages: number }): TablePlan {
  const { estimatedPages: _estimate, ...rest } = plan;
  return rest;
}

/** The table at one orientation and text size, or null when its columns do not fit the page. */
function planAt(
  table: TableMeasure,
  options: TablePlanOptions,
  attempt: { orientation: PageOrientation; fontSize: number },
  last: boolean,
): (TablePlan & { estimatedPages: number }) | null {
  const { columns, rows, measures, cells } = table;
  const digits: 0 | 1 = options.thaiDigits ? 1 : 0;
  const baseSize = options.style.tableSize;
  const grow = columns.map((column) => column.grow ?? 1);
  const style = pageStyle(options.style, { orientation: attempt.orientation });
  const usable = contentWidth(style) - columns.length * (CELL_PADDING + RULE) - RULE - 1;
  // At the last size, words may be cut down to an equal share of the width before the table gives up.
  const caps = last ? [LONGEST_WORD_SHARE, 1 / columns.length] : [LONGEST_WORD_SHARE];
  for (const share of caps) {
    const cap = (usable * share) / attempt.fontSize;
    const minimums = columns.map((column, index) => columnMinimum(column, measures[index]!, cap, digits));
    const minimumWidths = minimums.map(({ minimum }) => minimum * attempt.fontSize);
    if (minimumWidths.reduce((sum, width) => sum + width, 0) > usable) continue;
    // Room goes first where it saves lines, then to the cells' longest lines, then to headings that would
    // rather not wrap, then by grow.
    const contentPreferred = columns.map((column, index) =>
      column.handwritten !== undefined ? minimumWidths[index]! : Math.max(minimumWidths[index]!, measures[index]!.preferred[digits] * attempt.fontSize),
    );
    const headerPreferred = columns.map((column, index) => Math.max(contentPreferred[index]!, column.handwritten !== undefined ? 0 : measures[index]!.headerPreferred[digits] * attempt.fontSize));
    // Every text column first up to a comfortable width (a name on one or two lines), so that a long note taking
    // the room that saves lines never squeezes its neighbours to a word a line.
    const comfortable = spreadWidths(
      minimumWidths,
      contentPreferred.map((preferred, index) => (grow[index]! > 0 ? Math.min(preferred, usable * COMFORTABLE_SHARE) : 0)),
      grow.map(() => 0),
      usable,
      false,
    );
    const shortest = saveLines(comfortable.map((width, index) => Math.max(width, minimumWidths[index]!)), minimumWidths, contentPreferred, cells, usable, attempt.fontSize);
    const spread = spreadWidths(spreadWidths(shortest, contentPreferred, grow.map(() => 0), usable, false), headerPreferred, grow, usable);
    // Round down to a hundredth of a point, never below what the widest piece needs, nor below the longest line of
    // a column that was given it (rounded down, "บุญเรือน แก้วมณี" at 95.872 pt got 95.87 and wrapped). Rounding up
    // adds at most a hundredth a column: `usable` keeps a point to spare.
    const ceilHundredth = (width: number) => Math.ceil(width * 100 - 1e-6) / 100;
    const widths = spread.map((width, index) =>
      Math.max(Math.floor(width * 100) / 100, ceilHundredth(minimumWidths[index]!), contentPreferred[index]! <= width + 1e-9 ? ceilHundredth(contentPreferred[index]!) : 0),
    );
    const cutting = minimums.some(({ cut }) => cut.size > 0);
    const body = cutting
      ? rows.map((row, rowIndex) =>
          row.map((text, index) => {
            const cell = cells[rowIndex]![index];
            return cell && minimums[index]!.cut.size ? cutLongWords(text, cell.prepared, minimums[index]!.cut, columns[index]!.wholeWords) : text;
          }),
        )
      : rows;
    const notices: DocumentNotice[] = [];
    if (attempt.orientation !== options.style.orientation) notices.push(TURNED_NOTICE);
    if (attempt.fontSize < baseSize) {
      notices.push({
        th: `ตารางมีหลายคอลัมน์ จึงพิมพ์ด้วยตัวอักษรขนาด ${attempt.fontSize} พอยต์ (ปกติ ${baseSize} พอยต์)`,
        en: `The table has many columns, so it is printed at ${attempt.fontSize} pt (normally ${baseSize} pt)`,
      });
    }
    if (cutting) notices.push(CUT_BETWEEN_SYLLABLES_NOTICE);
    return {
      orientation: attempt.orientation,
      fontSize: attempt.fontSize,
      widths,
      body,
      tallRows: tallRows(cells, widths, attempt.fontSize, style, digits),
      notices,
      estimatedPages: estimatePages(cells, widths, attempt.fontSize, style),
    };
  }
  return null;
}

/** Pages of page body the rows fill (an even sample of a long table, scaled up). */
function estimatePages(cells: readonly (CellMeasure | null)[][], widths: readonly number[], fontSize: number, style: PageStyle): number {
  const sample = cells.length <= HEIGHT_SAMPLE ? cells : Array.from({ length: HEIGHT_SAMPLE }, (_, index) => cells[Math.floor((index * cells.length) / HEIGHT_SAMPLE)]!);
  const line = lineHeight(fontSize, style.lineHeight);
  let height = 0;
  for (const row of sample) {
    let tallest = 1;
    row.forEach((cell, column) => {
      if (cell) tallest = Math.max(tallest, flowLines(cell.flow, widths[column]! / fontSize));
    });
    height += tallest * line + 2 + RULE;
  }
  return (height * cells.length) / Math.max(1, sample.length) / pageBodyHeight(style);
}

function pageBodyHeight(style: PageStyle): number {
  return (style.orientation === 'landscape' ? cm(21) : cm(29.7)) - cm(style.marginsCm.top) - cm(style.marginsCm.bottom);
}

/**
 * The cell text with break marks between the syllables of the words in `cut` (and nowhere else). The words are
 * found in the prepared text; the raw text keeps its own characters, so the break marks go into it by position
 * of the word's characters, which prepare.ts changes only by adding marks, writing ำ as ํ + า and digits.
 */
function cutLongWords(text: string, prepared: string, cut: ReadonlySet<string>, wholeWords = false): string {
  // prepare.ts changes the text only by adding break marks, writing ำ as ํ + า, converting digits and turning a
  // space it must not break at into a no-break space: each of those is undone when matching
  const units = (wholeWords ? prepared.split(/[ \n]+/) : breakUnits(prepared)).filter((unit) => cut.has(unit));
  if (units.length === 0) return text;
  let result = text;
  for (const unit of units) {
    const raw = rawSpan(result, unit);
    if (raw === null) continue;
    const broken = syllablePieces(result.slice(raw.start, raw.end)).join(BREAK_MARK);
    result = result.slice(0, raw.start) + broken + result.slice(raw.end);
  }
  return result;
}

/** Where the prepared word `unit` sits in the raw text (ignoring break marks, ำ's two parts, digits, no-break spaces). */
function rawSpan(raw: string, unit: string): { start: number; end: number } | null {
  const normalise = (character: string) => (/[๐-๙]/.test(character) ? String(character.charCodeAt(0) - 0x0e50) : character === '\u00A0' ? ' ' : character);
  const target = unit.replace(/\u0E4D\u0E32/g, '\u0E33');
  for (let start = raw.indexOf(target.charAt(0)) >= 0 ? 0 : raw.length; start < raw.length; start++) {
    let index = start;
    let matched = 0;
    while (index < raw.length && matched < target.length) {
      if (raw[index] === BREAK_MARK) {
        index++;
        continue;
      }
      if (normalise(raw[index]!) !== normalise(target[matched]!)) break;
      index++;
      matched++;
    }
    if (matched === target.length) return { start, end: index };
  }
  return null;
}

/** Body rows whose estimated height is more than TALL_ROW_SHARE of the page body. */
function tallRows(cells: readonly (CellMeasure | null)[][], widths: readonly number[], fontSize: number, style: PageStyle, digits: 0 | 1): Set<number> {
  const pageBody = pageBodyHeight(style);
  const line = lineHeight(fontSize, style.lineHeight);
  const limit = Math.floor((pageBody * TALL_ROW_SHARE - 2 - RULE) / line);
  const tall = new Set<number>();
  const counted = widths.map(() => new Map<string, number>());
  cells.forEach((row, rowIndex) => {
    for (const [index, cell] of row.entries()) {
      // Cheap answers first: text that fits its column is one line; no more lines than pieces.
      if (!cell || cell.preferred[digits] * fontSize <= widths[index]!) continue;
      if (cell.pieces <= limit && cell.widestPiece[digits] * fontSize <= widths[index]!) continue;
      let lines = counted[index]!.get(cell.prepared);
      if (lines === undefined) {
        lines = flowLines(cell.flow, widths[index]! / fontSize);
        counted[index]!.set(cell.prepared, lines);
      }
      if (lines > limit) {
        tall.add(rowIndex);
        break;
      }
    }
  });
  return tall;
}
