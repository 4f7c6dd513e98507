// Where a line of Thai may wrap. pdfmake finds break opportunities with the `linebreak` package (UAX #14): it
// breaks after spaces, after U+200B and after some punctuation, never inside a run of Thai letters (class SA,
// taken as AL without a dictionary) and never inside a number ("20,046.79", "081-234-5678", "1-1017-00203-45-1",
// "15/03/2566", Thai digits alike). So this file does two things to the text, and nothing else:
//   - puts U+200B (BREAK) between two Thai words where a line may wrap, and
//   - turns a space into U+00A0 (NO_BREAK_SPACE, Sarabun has a glyph) where it must not: ต่าง ๆ, หมู่ที่ ๓,
//     ๑,๒๓๔ คน, โทร. ๐๘๑-…, ต. หนองบัว.
// The word boundaries come from the ICU dictionary behind Intl.Segmenter; the rules below decide which of them
// are allowed breaks. U+2060 WORD JOINER is never needed: every join is either "no U+200B here" or "no-break
// space here" (Sarabun has no glyph for U+2060 anyway). Pure: no pdfmake here.
import LineBreaker from 'linebreak';
import {
  AMOUNT_OTHER_WORDS,
  DIGIT_WORDS,
  KEEP_TOGETHER,
  MAYOR_WORDS,
  NUMBER_LABELS,
  PERSON_TITLES,
  PLACE_ABBREVIATIONS,
  PLACE_PREFIXES,
  PLACE_WORDS,
  TITLE_LOOKALIKES,
  UNITS_AFTER_NUMBER,
} from './thai-words';

/** Where pdfmake may wrap: zero width space (font-patch.ts gives it an empty glyph). */
export const BREAK = '\u200B';
/** A space pdfmake never wraps at. */
export const NO_BREAK_SPACE = '\u00A0';

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

const THAI = /[\u0E00-\u0E7F]/;
const THAI_LETTER = /[\u0E01-\u0E4E]/;
const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
/**
 * Thai letters, vowels and marks that can end or begin a word. Left out on purpose: ฯ (U+0E2F) and ๆ (U+0E46),
 * which must stay with the word before them, ๏ (U+0E4F) and the Thai digits ๐–๙ (a number is never split).
 */
const THAI_WORD_CHAR = /[\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E]/;
/** A line never starts with these: ฯ, ๆ, a following vowel (ะ า ำ ๅ), an above/below vowel, tone mark or ์. */
const NO_LINE_START = /^[\u0E2F\u0E46\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;
/** A line never ends with a leading vowel (เ แ โ ใ ไ): it belongs to the consonant after it. */
const LEADING_VOWEL_END = /[\u0E40-\u0E44]$/;
/**
 * A piece that starts with a consonant (or two) cancelled by ์, such as ญ์ in กัญ|ญ์ณัฏฐ์ or ชร์ in เพ็|ชร์:
 * the silent letters belong to the syllable before, so ICU's boundary there is wrong.
 */
const STARTS_CANCELLED = /^[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C|^[\u0E01-\u0E2E]{2}[\u0E34\u0E38]?\u0E4C/;
/** One bare consonant as a whole piece (น in ภาคิ|น, ก in ธน|ก|ฤต): a piece of an unknown word, never a word. */
const LONE_CONSONANT = /^[\u0E01-\u0E2E]$/;
const DIGIT = /[0-9\u0E50-\u0E59]/;

function byLengthDescending(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function alternation(words: readonly string[]): string {
  return byLengthDescending(words).map(escape).join('|');
}

const KEEP_TOGETHER_PATTERN = new RegExp(alternation(KEEP_TOGETHER), 'g');
/** A place prefix and the name after it (a break mark between them is left by an earlier pass: see prepare.ts). */
const PLACE_PATTERN = new RegExp(`(?:${alternation(PLACE_PREFIXES)})\u200B?(?=[\\u0E01-\\u0E2E\\u0E40-\\u0E44])`, 'g');
const TITLE_PATTERN = new RegExp(`(?:${alternation(PERSON_TITLES)})(?=[\\u0E01-\\u0E2E\\u0E40-\\u0E44])`, 'g');
const LOOKALIKE_PATTERN = new RegExp(`^(?:${alternation(TITLE_LOOKALIKES.filter((word) => word !== 'นายก'))}|${alternation(MAYOR_WORDS)})`);
const AMOUNT_WORDS = [...DIGIT_WORDS, ...PLACE_WORDS, ...AMOUNT_OTHER_WORDS];
const AMOUNT_RUN = new RegExp(`(?:${alternation(AMOUNT_WORDS)})+`, 'g');
const AMOUNT_WORD = new RegExp(alternation(AMOUNT_WORDS), 'g');
/** A new whole number word may start after these (สามร้อย|สี่สิบห้าบาท|เจ็ดสิบห้าสตางค์) … */
const AMOUNT_WORD_ENDS = new Set([...PLACE_WORDS, 'บาท']);
/** … with one of these; บาท, สตางค์, ถ้วน and ล้าน stay with the number word before them. */
const AMOUNT_WORD_STARTS = new Set([...DIGIT_WORDS, 'สิบ', 'ยี่']);
const UNITS_LONGEST_FIRST = byLengthDescending(UNITS_AFTER_NUMBER);
const LABELS_LONGEST_FIRST = byLengthDescending(NUMBER_LABELS);

/** Longest name (first or last) kept whole in running text after a title; longer runs are not names. */
const LONGEST_NAME = 20;
/** Longest place name kept whole after ตำบล/อำเภอ/จังหวัด (พระนครศรีอยุธยา is 15). */
const LONGEST_PLACE = 16;

/**
 * The text as pdfmake should get it: U+200B where a line may wrap between Thai words, U+00A0 for each space a
 * line must not wrap at. Digits are not converted here (format.ts). Everything else is unchanged.
 */
export function markBreaks(text: string): string {
  // no Thai letter (a number, a phone, Latin text): nothing to mark; pdfmake's own rules are right there
  if (!THAI_LETTER.test(text)) return text;
  const known = cache.get(text);
  if (known !== undefined) return known;
  const marked = new Marker(text).result();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, marked);
  return marked;
}

/** Memo of recent strings: forms repeat the same labels and cell values many times per batch. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 5000;

class Marker {
  private readonly length: number;
  /** wordStart[i]: ICU puts a word boundary at offset i */
  private readonly wordStart: Uint8Array;
  /** noBreak[i]: no U+200B at offset i, whatever ICU says */
  private readonly noBreak: Uint8Array;
  /** extraBreak[i]: a boundary ICU may have missed (between whole number words of an amount) */
  private readonly extraBreak: Uint8Array;
  private readonly glued = new Set<number>();

  constructor(private readonly text: string) {
    this.length = text.length;
    this.wordStart = new Uint8Array(this.length + 1);
    this.noBreak = new Uint8Array(this.length + 1);
    this.extraBreak = new Uint8Array(this.length + 1);
    for (const { index } of segmenter.segment(text)) this.wordStart[index] = 1;
    this.wordStart[this.length] = 1;
    this.keepDictionaryWords();
    this.keepAmountWords();
    this.keepNames();
    this.glueSpaces();
  }

  private keepInside(start: number, end: number): void {
    for (let offset = start + 1; offset < end; offset++) this.noBreak[offset] = 1;
  }

  /** Starts a word: ICU says so, or the text before is not Thai letters. */
  private isWordStart(offset: number): boolean {
    return offset === 0 || this.isBoundary(offset) || !THAI_WORD_CHAR.test(this.text.charAt(offset - 1));
  }

  /** Ends a word: ICU says so, or the text after is not Thai letters. */
  private isWordEnd(offset: number): boolean {
    return offset >= this.length || this.isBoundary(offset) || !THAI_WORD_CHAR.test(this.text.charAt(offset));
  }

  /** A word boundary that stands: ICU's, unless inside a word kept together (วัน|ที่ in วันที่). */
  private isBoundary(offset: number): boolean {
    return this.wordStart[offset] === 1 && this.noBreak[offset] === 0;
  }

  private keepDictionaryWords(): void {
    for (const match of this.text.matchAll(KEEP_TOGETHER_PATTERN)) this.keepInside(match.index, match.index + match[0].length);
  }

  /**
   * An amount in words (bahttext) breaks only between whole number words: หนึ่งหมื่น|สองพัน|สามร้อย|สี่สิบห้าบาท|
   * เจ็ดสิบห้าสตางค์. A run counts only where it starts and ends on word boundaries (not ห้า in ห้าม, เก้า in เก้าอี้).
   */
  private keepAmountWords(): void {
    for (const run of this.text.matchAll(AMOUNT_RUN)) {
      const start = run.index;
      const end = start + run[0].length;
      if (!this.isWordStart(start) || !this.isWordEnd(end)) continue;
      this.keepInside(start, end);
      let previous = '';
      for (const word of run[0].matchAll(AMOUNT_WORD)) {
        const offset = start + word.index;
        if (AMOUNT_WORD_ENDS.has(previous) && AMOUNT_WORD_STARTS.has(word[0])) {
          this.noBreak[offset] = 0;
          this.extraBreak[offset] = 1;
        }
        previous = word[0];
      }
    }
  }

  /** A run of Thai letters from `start` up to the next non-letter, if it is short enough to be a name. */
  private nameEnd(start: number, longest = LONGEST_NAME): number | null {
    let end = start;
    while (end < this.length && THAI_WORD_CHAR.test(this.text.charAt(end))) end++;
    return end > start && end - start <= longest ? end : null;
  }

  /**
   * In running text, a title with the first name after it is one unit, and so is the last name after one space:
   * "นายฐิติวัฒน์ ศรีสุวรรณ์" breaks only at its space. (A name marked with personName() never reaches here.)
   */
  private keepNames(): void {
    for (const title of this.text.matchAll(TITLE_PATTERN)) {
      const start = title.index;
      if (!this.isWordStart(start)) continue;
      const rest = this.text.slice(start, start + 40);
      if (LOOKALIKE_PATTERN.test(rest)) continue;
      const afterTitle = start + title[0].length;
      const firstEnd = this.nameEnd(afterTitle);
      if (firstEnd === null) continue;
      this.keepInside(start, firstEnd);
      if (this.text.charAt(firstEnd) === ' ' && this.text.charAt(firstEnd + 1) !== ' ') {
        const lastEnd = this.nameEnd(firstEnd + 1);
        if (lastEnd !== null) this.keepInside(firstEnd + 1, lastEnd);
      }
    }
    // a place name after ตำบล/อำเภอ/จังหวัด, up to the next space: อำเภอภูผาแก้ว, not อำเภอภูผา|แก้ว. Only where
    // an address part starts (after a space or at the start): in องค์การบริหารส่วนตำบล… or โครงการตำบลนอน… the
    // letters after ตำบล need not be a name.
    for (const place of this.text.matchAll(PLACE_PATTERN)) {
      const afterPrefix = place.index + place[0].length;
      if (place.index > 0 && THAI.test(this.text.charAt(place.index - 1))) continue;
      const end = this.nameEnd(afterPrefix, LONGEST_PLACE);
      if (end !== null) this.keepInside(afterPrefix, end);
    }
  }

  /** Decides, for each run of spaces, whether a line may wrap there; the ones it may not become U+00A0. */
  private glueSpaces(): void {
    const text = this.text;
    let from = 0;
    for (;;) {
      const spaceStart = text.indexOf(' ', from);
      if (spaceStart < 0) return;
      let spaceEnd = spaceStart + 1;
      while (text.charAt(spaceEnd) === ' ') spaceEnd++;
      from = spaceEnd;
      if (spaceStart === 0 || spaceEnd === this.length) continue;
      if (this.mustJoin(spaceStart, spaceEnd)) for (let offset = spaceStart; offset < spaceEnd; offset++) this.glued.add(offset);
    }
  }

  private mustJoin(spaceStart: number, spaceEnd: number): boolean {
    const text = this.text;
    const after = text.charAt(spaceEnd);
    // ๆ and ฯ stay with the word before: ต่าง ๆ, น้อย ๆ, กรุงเทพ ฯ
    if (after === '\u0E46' || after === '\u0E2F') return true;
    const before = text.charAt(spaceStart - 1);
    // a number with the unit after it: ๑,๒๓๔ คน, ๓ ปี, ๒๐,๐๔๖.๗๙ บาท, ๐๙.๓๐ น., ๘๐ %
    if (DIGIT.test(before) && (after === '%' || this.unitAt(spaceEnd))) return true;
    if (DIGIT.test(after)) {
      const tokenStart = text.lastIndexOf(' ', spaceStart - 1) + 1;
      const token = text.slice(tokenStart, spaceStart);
      // a label with its number: หมู่ที่ ๓, ครั้งที่ ๑/๒๕๖๙, ร้อยละ ๖๙, โทรสาร ๐๔๒…, ปีงบประมาณ ๒๕๖๙
      if (token.endsWith('ที่')) return true;
      // a Thai abbreviation with its number: พ.ศ. ๒๕๖๙, โทร. ๐๘๑-…, สอช. ๐๑๕/๒๕๖๙, ม. ๓
      if (/[\u0E01-\u0E4E]\.$/.test(token)) return true;
      for (const label of LABELS_LONGEST_FIRST) {
        if (token.endsWith(label) && this.isWordStart(spaceStart - label.length)) return true;
      }
    }
    // ณ (at) never ends a line: ณ วันที่ …, ณ ศาลาอเนกประสงค์, ณ อยุธยา
    if (before === 'ณ' && !THAI.test(text.charAt(spaceStart - 2)) && after !== '') return true;
    // an address abbreviation with the place after it: ต. หนองบัว, อ. เมือง, จ. อุดรธานี
    if (THAI_WORD_CHAR.test(after) || DIGIT.test(after)) {
      for (const abbreviation of PLACE_ABBREVIATIONS) {
        const start = spaceStart - abbreviation.length;
        if (start >= 0 && text.startsWith(abbreviation, start) && (start === 0 || !THAI.test(text.charAt(start - 1)))) return true;
      }
    }
    return false;
  }

  /** A unit word (บาท, คน, ปี …) starts at `offset` and ends where a word ends. */
  private unitAt(offset: number): boolean {
    for (const unit of UNITS_LONGEST_FIRST) {
      if (this.text.startsWith(unit, offset) && this.isWordEnd(offset + unit.length)) return true;
    }
    return false;
  }

  /** Whether U+200B goes at this offset (between two Thai words). */
  private breaksAt(offset: number, previousPiece: string, nextPiece: string): boolean {
    if (this.noBreak[offset]) return false;
    if (!THAI_WORD_CHAR.test(this.text.charAt(offset - 1)) || !THAI_WORD_CHAR.test(this.text.charAt(offset))) return false;
    if (NO_LINE_START.test(nextPiece) || LEADING_VOWEL_END.test(previousPiece)) return false;
    if (STARTS_CANCELLED.test(nextPiece)) return false;
    if (LONE_CONSONANT.test(previousPiece) || LONE_CONSONANT.test(nextPiece)) return false;
    // ผู้ (the one who …) is never the last word on a line: ผู้|รับเงิน, ผู้|ประสาน
    if (previousPiece.endsWith('ผู้')) return false;
    return true;
  }

  result(): string {
    const text = this.text;
    // candidate boundaries: ICU's, plus the ones between whole number words of an amount
    const boundaries: number[] = [];
    for (let offset = 1; offset < this.length; offset++) if (this.wordStart[offset] || this.extraBreak[offset]) boundaries.push(offset);
    let out = '';
    let last = 0;
    for (let index = 0; index < boundaries.length; index++) {
      const offset = boundaries[index]!;
      const previousStart = index === 0 ? 0 : boundaries[index - 1]!;
      const nextEnd = index + 1 < boundaries.length ? boundaries[index + 1]! : this.length;
      if (!this.breaksAt(offset, text.slice(previousStart, offset), text.slice(offset, nextEnd))) continue;
      out += this.withGlue(last, offset) + BREAK;
      last = offset;
    }
    return out + this.withGlue(last, this.length);
  }

  private withGlue(start: number, end: number): string {
    const part = this.text.slice(start, end);
    if (this.glued.size === 0 || !part.includes(' ')) return part;
    let out = '';
    for (let offset = start; offset < end; offset++) out += this.glued.has(offset) ? NO_BREAK_SPACE : this.text.charAt(offset);
    return out;
  }
}

/**
 * The units pdfmake will never break, in order: the text between its break opportunities (UAX #14, as pdfmake's
 * TextBreaker finds them with the same `linebreak` package), without the spaces pdfmake trims at a line's end
 * and without U+200B. A column as wide as the widest of these (measured at its font and size, plus padding)
 * never cuts a word. Splitting on /[ \u200B]/ alone is NOT the same: UAX #14 also breaks after a hyphen or
 * slash between letters (ชื่อ-|สกุล, ก/|ข) and before a lone ๆ after a space.
 */
export function breakUnits(prepared: string): string[] {
  const units: string[] = [];
  const breaker = new LineBreaker(prepared);
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const unit = prepared.slice(last, next.position).replace(/^\s+|\s+$|\u200B/g, '');
    if (unit) units.push(unit);
    last = next.position;
  }
  return units;
}

/**
 * A Thai word split into syllables by spelling alone (no dictionary), for a word too wide for its column even
 * at the column's widest: the caller puts U+200B between the pieces. Joined, the pieces give the word back.
 * Guarantees: a piece never starts with a vowel sign, tone mark, ์, ะ/า/ำ/ๅ, ๆ or ฯ; a leading vowel (เ แ โ ใ ไ)
 * starts a piece with its consonant; consonants silenced by ์ stay with the syllable before (กัญญ์|ณัฏฐ์);
 * anything not Thai (digits, Latin, punctuation, spaces) stays with the piece before it. A real syllable may
 * now and then be cut between two consonants (เห|ตุ) — never anywhere else.
 */
export function syllables(word: string): string[] {
  const clusters = clustersOf(word);
  if (clusters.length <= 1) return clusters.map((cluster) => cluster.text);
  const pieces: string[] = [];
  /** consonants with no vowel of their own, waiting to be a final, an onset, or a syllable with inherent o/a */
  let bare: Cluster[] = [];
  let current = '';

  const flushBare = (nextOnset: Cluster | null): void => {
    // the last waiting consonant may start a cluster with the next syllable's consonant (ป+ระ, ห+วัด, ญ+ฤ)
    let onset = '';
    if (nextOnset && bare.length > 0 && !nextOnset.lead && isOnsetCluster(bare.at(-1)!.consonant, nextOnset.consonant)) onset = bare.pop()!.text;
    let rest = bare;
    bare = [];
    // an odd one out closes the syllable before (จัง, หมาย); the others pair up as syllables of their own (งบ, ดร,
    // ชน). A vowel written ั or ็ always has a final (ปัณ|ณ|วิชญ์, เด็ก).
    if (current && rest.length > 0 && (rest.length % 2 === 1 || NEEDS_FINAL.test(current))) {
      current += rest[0]!.text;
      rest = rest.slice(1);
    }
    for (let index = 0; index < rest.length; index += 2) {
      if (current) pieces.push(current);
      current = rest[index]!.text + (rest[index + 1]?.text ?? '');
    }
    if (nextOnset) {
      if (current) pieces.push(current);
      current = onset;
    }
  };

  for (const cluster of clusters) {
    if (cluster.kind === 'attached') {
      current += bare.map((item) => item.text).join('') + cluster.text;
      bare = [];
    } else if (cluster.kind === 'cancelled') {
      // silent letters close the syllable before, with every bare consonant in between (จันทร์, วัฒน์)
      current += bare.map((item) => item.text).join('') + cluster.text;
      bare = [];
    } else if (cluster.kind === 'bare') bare.push(cluster);
    else {
      flushBare(cluster);
      current += cluster.text;
    }
  }
  flushBare(null);
  if (current) pieces.push(current);
  return mergeUnsafe(pieces);
}

interface Cluster {
  text: string;
  /** voweled: carries a vowel or tone; bare: a consonant alone; cancelled: silenced by ์; attached: not Thai */
  kind: 'voweled' | 'bare' | 'cancelled' | 'attached';
  consonant: string;
  lead: boolean;
}

const LEADING_VOWEL = /[\u0E40-\u0E44]/;
/** ั (mai han-akat) and ็ (mai taikhu), with or without a tone mark, are never the end of a syllable. */
const NEEDS_FINAL = /[\u0E31\u0E47][\u0E48-\u0E4B]?$/;
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const FOLLOWING_VOWEL = /[\u0E30\u0E32\u0E33\u0E45]/;
/** Consonants that start a two-consonant onset with the one after: true clusters (กร, ปล, ขว …) and the silent ห/อ. */
const CLUSTER_FIRST: Record<string, string> = {
  ก: 'รลว', ข: 'รลว', ค: 'รลว', ต: 'ร', ป: 'รล', พ: 'รล', ผ: 'ล', บ: 'รล', ด: 'ร', ท: 'ร', ฟ: 'รล', จ: 'ร', ซ: 'ร', ศ: 'ร', ส: 'ร',
  ห: 'งญนมยรลว', อ: 'ย',
};

function isOnsetCluster(first: string, second: string): boolean {
  // ฤ and ฦ are syllables of their own that take the consonant before as onset: ญฤ in บุญ|ญฤทธิ์, กฤ in กฤษณ์
  if (second === 'ฤ' || second === 'ฦ') return true;
  return CLUSTER_FIRST[first]?.includes(second) ?? false;
}

/** Consonant clusters: a leading vowel with its consonant, a consonant with its marks and following vowels. */
function clustersOf(word: string): Cluster[] {
  const clusters: Cluster[] = [];
  const at = (offset: number): string => word.charAt(offset);
  const isMarkOrVowel = (char: string): boolean => COMBINING.test(char) || FOLLOWING_VOWEL.test(char);
  let index = 0;
  while (index < word.length) {
    const start = index;
    const lead = LEADING_VOWEL.test(at(index)) ? at(index) : '';
    if (lead) index++;
    const consonant = at(index);
    if (!THAI_CONSONANT.test(consonant)) {
      // not a syllable start (digit, Latin, ๆ, a stray mark): stays with whatever comes before
      index = Math.max(index, start + 1);
      clusters.push({ text: word.slice(start, index), kind: 'attached', consonant: '', lead: false });
      continue;
    }
    index++;
    // a leading vowel before a two-consonant onset takes both: เปลี่ยน, ใหญ่, เกร็ง
    if (lead && at(index) !== 'ฤ' && isOnsetCluster(consonant, at(index)) && COMBINING.test(at(index + 1)) && at(index + 1) !== '\u0E4C') index++;
    let marks = '';
    while (index < word.length && isMarkOrVowel(at(index))) marks += at(index++);
    let kind: Cluster['kind'] = marks.includes('\u0E4C') ? 'cancelled' : lead || marks || consonant === 'ฤ' || consonant === 'ฦ' ? 'voweled' : 'bare';
    if (kind !== 'cancelled') {
      // vowels written with a letter: รร (กรรม), อ (หนอง, ขอ), ว (สวน, ส่วน), เ-ีย, เ-ือ, เ-อ, -ัว
      const [next, afterNext, third] = [at(index), at(index + 1), at(index + 2)];
      const toneOnly = /^[\u0E48-\u0E4B]*$/.test(marks);
      let vowelLetters = 0;
      if (!lead && toneOnly && next === 'ร' && afterNext === 'ร') vowelLetters = 2;
      else if (!lead && toneOnly && next === 'อ' && !isMarkOrVowel(afterNext) && !LEADING_VOWEL.test(afterNext)) vowelLetters = 1;
      else if (!lead && toneOnly && next === 'ว' && THAI_CONSONANT.test(afterNext) && !isMarkOrVowel(third) && !(afterNext === 'ร' && third === 'ร')) vowelLetters = 1;
      else if (lead === 'เ' && marks.includes('\u0E35') && next === 'ย') vowelLetters = 1;
      else if (lead === 'เ' && marks.includes('\u0E37') && next === 'อ') vowelLetters = 1;
      else if (lead === 'เ' && toneOnly && next === 'อ' && !isMarkOrVowel(afterNext)) vowelLetters = 1;
      else if (!lead && /^\u0E31[\u0E48-\u0E4B]?$/.test(marks) && next === 'ว') vowelLetters = 1;
      if (vowelLetters) {
        index += vowelLetters;
        kind = 'voweled';
      }
    }
    clusters.push({ text: word.slice(start, index), kind, consonant, lead: lead !== '' });
  }
  return clusters;
}

/**
 * The last safety net: pieces meet only between two Thai letters, never before a mark, vowel sign or silenced
 * consonant, never after a leading vowel; a piece that would is joined to the one before.
 */
function mergeUnsafe(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const previous = out.at(-1);
    const safe =
      previous === undefined ||
      (/[\u0E01-\u0E2E\u0E30-\u0E4E]$/.test(previous) &&
        !LEADING_VOWEL_END.test(previous) &&
        /^[\u0E01-\u0E2E\u0E40-\u0E44]/.test(piece) &&
        !STARTS_CANCELLED.test(piece));
    if (safe) out.push(piece);
    else out[out.length - 1] = previous + piece;
  }
  return out;
}
