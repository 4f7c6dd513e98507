// Numbers set without shaping. pdfkit shapes every word it measures or draws with fontkit (a GlyphInfo, a
// position and feature lookups per character) and keeps the result for good; a long list is mostly numbers that
// occur once each — order numbers, phones, house numbers, IDs — so most of the shaping in a 1,000-page list, and
// much of its garbage, went into words never seen again, and they crowded the cache that render.ts has to empty.
// Digits and their punctuation are shaped one by one instead, once per font: where the font neither substitutes
// nor positions between these characters (checked when a font first sets a number), a number's glyphs and
// positions are exactly those of its characters in a row, so the PDF is the same to the byte.
// Patches pdfkit's font class once per process (render.ts, with pdfmake's other patches).

/** A shaped run, as pdfkit's EmbeddedFont.layoutRun gives it (positions already in its 1000-unit scale). */
interface ShapedRun {
  glyphs: Array<{ id: number }>;
  positions: Array<Record<string, number>>;
  advanceWidth: number;
}

/** The part of pdfkit's EmbeddedFont this uses. */
export interface ShapingFont {
  /** the font's PostScript name (Sarabun-Regular, Sarabun-Bold …) */
  name: string;
  layoutRun(text: string, features?: unknown): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

/** Characters a number is written with (Arabic and Thai digits), the spaces pdfkit keeps on a word, and U+200B. */
const NUMBER_CHARACTERS = '0123456789๐๑๒๓๔๕๖๗๘๙-,./:()#% \u00A0\u200B';

/** Per font object: each character's own run, or null when the font shapes them together (never short-cut). */
const characterRuns = new WeakMap<ShapingFont, Map<string, ShapedRun> | null>();
/**
 * Per font, by name: whether it passed the check. Each PDF opens its fonts anew, and the check costs tens of
 * milliseconds (a few thousand characters shaped), the font objects' own runs well under one.
 */
const checkedFonts = new Map<string, boolean>();

const POSITION_KEYS = ['xAdvance', 'yAdvance', 'xOffset', 'yOffset', 'advanceWidth'] as const;

/** Whether `run` has exactly the glyphs and positions of `parts` one after another. */
function sameAsParts(run: ShapedRun, parts: ShapedRun[]): boolean {
  let index = 0;
  for (const part of parts) {
    for (let glyph = 0; glyph < part.glyphs.length; glyph++, index++) {
      if (run.glyphs[index] !== part.glyphs[glyph]) return false;
      for (const key of POSITION_KEYS) if (run.positions[index]?.[key] !== part.positions[glyph]![key]) return false;
    }
  }
  return index === run.glyphs.length;
}

/**
 * Each character shaped alone, if a string of every ordered pair of them shapes to the same glyphs and positions
 * as its characters one by one — checked for the Thai digits' script and, apart, for the common one (fontkit picks
 * a string's features by its script), once per font.
 */
function checkedCharacterRuns(font: ShapingFont): Map<string, ShapedRun> | null {
  if (checkedFonts.get(font.name) === false) return null;
  const characters = [...NUMBER_CHARACTERS];
  const runs = new Map(characters.map((character) => [character, font.layoutRun(character)]));
  if (checkedFonts.get(font.name)) return runs;
  const thaiDigit = /[๐-๙]/;
  const additive = [characters, characters.filter((character) => !thaiDigit.test(character))].every((group) => {
    let pairs = '';
    const parts: ShapedRun[] = [];
    for (const first of group) {
      for (const second of group) {
        pairs += first + second;
        parts.push(runs.get(first)!, runs.get(second)!);
      }
    }
    return sameAsParts(font.layoutRun(pairs), parts);
  });
  checkedFonts.set(font.name, additive);
  return additive ? runs : null;
}

/**
 * A number's run, made of its characters' runs: its width at once (all that measuring asks), its glyphs and
 * positions only when it is drawn.
 */
class NumberRun implements ShapedRun {
  private shaped: { glyphs: ShapedRun['glyphs']; positions: ShapedRun['positions'] } | null = null;

  constructor(
    private readonly text: string,
    /** the font's checked characters' runs, which hold every character of the text */
    private readonly characters: Map<string, ShapedRun>,
    readonly advanceWidth: number,
  ) {}

  get glyphs(): ShapedRun['glyphs'] {
    return this.shape().glyphs;
  }

  get positions(): ShapedRun['positions'] {
    return this.shape().positions;
  }

  private shape(): { glyphs: ShapedRun['glyphs']; positions: ShapedRun['positions'] } {
    if (this.shaped) return this.shaped;
    const glyphs: ShapedRun['glyphs'] = [];
    // shared, not copied: pdfkit only reads a run's positions (as it does a cached run's)
    const positions: ShapedRun['positions'] = [];
    for (let index = 0; index < this.text.length; index++) {
      const part = this.characters.get(this.text.charAt(index))!;
      glyphs.push(...part.glyphs);
      positions.push(...part.positions);
    }
    this.shaped = { glyphs, positions };
    return this.shaped;
  }
}

/** A number's run from its characters' runs; undefined when the text holds anything else. */
function numberRun(font: ShapingFont, text: string): ShapedRun | undefined {
  let runs = characterRuns.get(font);
  if (runs === undefined) {
    runs = checkedCharacterRuns(font);
    characterRuns.set(font, runs);
  }
  if (runs === null || text.length === 0) return undefined;
  let advanceWidth = 0;
  for (let index = 0; index < text.length; index++) {
    const run = runs.get(text.charAt(index));
    if (run === undefined) return undefined;
    // summed glyph by glyph in order, as fontkit's GlyphRun.advanceWidth sums them
    for (const position of run.positions) advanceWidth += position.xAdvance!;
  }
  return new NumberRun(text, runs, advanceWidth);
}

let installed = false;

/** Makes pdfkit's fonts (the class of `font`) set numbers from their characters' runs (see the top). */
export function installNumberShaping(font: ShapingFont): void {
  if (installed) return;
  installed = true;
  const fontClass = Object.getPrototypeOf(font) as ShapingFont;
  const layoutCached = fontClass.layoutCached;
  fontClass.layoutCached = function (this: ShapingFont, text: string) {
    // Not kept in pdfkit's cache: built again it costs about what a look-up does, and most are seen once.
    return numberRun(this, text) ?? layoutCached.call(this, text);
  };
}

interface FontProvider {
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
}

/**
 * Installs the above on pdfkit's font class as soon as a pdfmake document (of this prototype) provides its first
 * font: pdfkit does not export the class, and no font is opened only to reach it.
 */
export function installNumberShapingOnFirstFont(pdfmakeDocument: FontProvider): void {
  if (installed) return;
  const provideFont = pdfmakeDocument.provideFont;
  pdfmakeDocument.provideFont = function (this: FontProvider, family, bold, italics) {
    const font = provideFont.call(this, family, bold, italics) as ShapingFont;
    installNumberShaping(font);
    pdfmakeDocument.provideFont = provideFont;
    return font;
  };
}
