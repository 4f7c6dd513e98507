// Justified Thai ("Thai distributed", as offices see it in Word): the spare width of a line is spread evenly
// between its characters, not only between its words.
//
// pdfmake justifies by moving each inline (a piece between two break opportunities) right by an equal share of
// the spare width. Thai text has no spaces, and our break marks are only between words, so a line with few
// breaks showed wide holes between its words — and in Thai a gap reads as a space, which separates phrases.
// pdfkit's characterSpacing (Tc) cannot be used instead: it also moves the tone marks and vowels that pdfkit
// places glyph by glyph, off their letters. So a justified Thai line is cut into grapheme clusters (a letter
// with its marks), each drawn at its own place; Latin-only lines keep pdfmake's own justification.

interface Inline {
  text: string;
  x: number;
  width: number;
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  alignment?: string;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
  justifyShift?: number;
}

interface Line {
  inlines: Inline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  getWidth(): number;
}

interface ElementWriterPrototype {
  alignLine(this: { context(): { availableWidth: number } }, line: Line): void;
}

const THAI = /[\u0E00-\u0E7F]/;
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
/** White space and break marks ride with the cluster before them: they are not places to spread into. */
const ATTACHED = /^[\s\u200B]+$/;
/** ำ is printed as ํ + า (prepare.ts), two clusters to Unicode: the ring and its า must not drift apart. */
const SARA_AM_HALVES = /\u0E4D$/;

/** A piece of text with every cluster apart, white space kept with the cluster before it. */
function clusters(text: string): string[] {
  const pieces: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const previous = pieces.at(-1);
    const joinsPrevious = previous !== undefined && (ATTACHED.test(segment) || (SARA_AM_HALVES.test(previous) && segment.startsWith('\u0E32')));
    if (joinsPrevious) pieces[pieces.length - 1] += segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** Whether this line is one pdfmake would justify. */
function justifies(line: Line): boolean {
  return line.inlines[0]?.alignment === 'justify' && !line.newLineForced && !line.lastLineInParagraph;
}

/** Splits the line's inlines into clusters and spreads the spare width evenly between them. */
function distribute(line: Line, availableWidth: number): void {
  const spare = availableWidth - line.getWidth();
  if (spare <= 0) return;
  const pieces: Inline[] = [];
  for (const inline of line.inlines) {
    let x = inline.x;
    for (const text of clusters(inline.text)) {
      const width = inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) + (inline.characterSpacing ?? 0) * (text.length - 1);
      pieces.push({ ...inline, text, x, width });
      x += width;
    }
  }
  if (pieces.length < 2) return;
  const share = spare / (pieces.length - 1);
  pieces.forEach((piece, index) => {
    piece.x += index * share;
    piece.justifyShift = share;
  });
  line.inlines = pieces;
}

const patched = new WeakSet<ElementWriterPrototype>();

/** Makes pdfmake's ElementWriter justify lines holding Thai over their characters (see the comment on top). */
export function justifyThaiDistributed(writer: ElementWriterPrototype): void {
  if (patched.has(writer)) return;
  patched.add(writer);
  const alignLine = writer.alignLine;
  writer.alignLine = function (line) {
    if (justifies(line) && line.inlines.some((inline) => THAI.test(inline.text))) {
      distribute(line, this.context().availableWidth);
      return;
    }
    alignLine.call(this, line);
  };
}
