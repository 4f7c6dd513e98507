// Where a line of Thai may wrap. Thai is written without spaces between words and pdfmake's line breaker
// (UAX #14 without a dictionary) finds no break inside a Thai run, so it cuts words mid-syllable. The word
// boundaries come from the ICU dictionary behind Intl.Segmenter; this file only decides which of them are
// allowed breaks. Pure: no pdfmake here.

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Thai letters, vowels and marks that can end or begin a word. Left out on purpose: ฯ (U+0E2F) and ๆ (U+0E46),
 * which must stay with the word before them, ๏ (U+0E4F) and the Thai digits ๐–๙ (a number is never split).
 */
const THAI_WORD_CHAR = /[\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E]/;
/** Characters a line may not start with, even after a Thai word (repetition and abbreviation marks). */
const NO_BREAK_BEFORE = /^[\u0E2F\u0E46\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;

/**
 * Words the dictionary splits but a Thai reader takes as one (รับ|ผิด|ชอบ, ร้อย|ละ, หมู่|ที่): a line never
 * breaks inside them. Typography, not office rules: kept short, so that no word outgrows a narrow column.
 */
const KEEP_TOGETHER = [
  'ผู้สูงอายุ', 'ผู้พิการ', 'ผู้ป่วย', 'ผู้ตรวจสอบ', 'ผู้แทน', 'ผู้ทรงคุณวุฒิ', 'ผู้ประสานงาน', 'ผู้ใหญ่บ้าน',
  'รับผิดชอบ', 'หน่วยงาน', 'เป้าหมาย', 'ร้อยละ', 'ครัวเรือน', 'หมู่ที่', 'เลขที่', 'ลำดับที่', 'ครั้งที่', 'วันที่',
  'ที่อยู่', 'ประจำตัว', 'ประจำปี', 'งบประมาณ', 'ตัวชี้วัด', 'แผนงาน', 'รองประธาน', 'องค์ประชุม', 'เงินสมทบ',
  'เงินฝาก', 'ค่าสมัคร', 'แรกเข้า', 'คลอดบุตร', 'เสียชีวิต', 'โรงพยาบาล', 'ลายมือชื่อ', 'บาทถ้วน', 'รายชื่อ',
];
const KEEP_TOGETHER_PATTERN = new RegExp([...KEEP_TOGETHER].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Offsets inside a keep-together word, where no break may go. */
function insideKeptWords(text: string): Set<number> {
  const inside = new Set<number>();
  for (const match of text.matchAll(KEEP_TOGETHER_PATTERN)) {
    for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) inside.add(offset);
  }
  return inside;
}

/** Memo of recent strings: forms repeat the same labels and cell values many times per batch. */
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 5000;

/**
 * Splits text into pieces between which a line may wrap. A break is allowed only where a Thai word meets
 * another Thai word directly; spaces, punctuation, brackets and digits keep pdfmake's own rules (it already
 * breaks after spaces and never after "(" or inside "1,234.50").
 * Returns a single piece when there is nothing to add.
 */
export function thaiBreakPieces(text: string): readonly string[] {
  if (!/[\u0E01-\u0E4E]/.test(text)) return [text];
  const known = cache.get(text);
  if (known) return known;

  const pieces: string[] = [];
  const kept = insideKeptWords(text);
  let current = '';
  for (const { segment, index } of segmenter.segment(text)) {
    if (current && endsThaiWord(current) && startsThaiWord(segment) && !kept.has(index)) {
      pieces.push(current);
      current = segment;
    } else {
      current += segment;
    }
  }
  if (current || pieces.length === 0) pieces.push(current);

  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, pieces);
  return pieces;
}

function endsThaiWord(text: string): boolean {
  return THAI_WORD_CHAR.test(text.charAt(text.length - 1));
}

function startsThaiWord(text: string): boolean {
  return THAI_WORD_CHAR.test(text.charAt(0)) && !NO_BREAK_BEFORE.test(text);
}

/** A label and the number it introduces stay on one line: "หมู่ที่ 3", "ครั้งที่ 1/2569", "ร้อยละ 80", "พ.ศ. 2569". */
const LABEL_BEFORE_NUMBER = /(หมู่ที่|เลขที่|ครั้งที่|ลำดับที่|ฉบับที่|วันที่|ร้อยละ|จำนวน|ข้อ|มาตรา|หน้า|หมู่|พ\.ศ\.) (?=[0-9๐-๙])/g;
const NO_BREAK_SPACE = '\u00A0';

export function keepLabelsWithNumbers(text: string): string {
  return text.replace(LABEL_BEFORE_NUMBER, `$1${NO_BREAK_SPACE}`);
}
