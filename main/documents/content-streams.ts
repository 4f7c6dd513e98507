// Page content written as one string, not as a buffer per operator. pdfkit turns every operator it adds to a
// page (BT, Tm, Tf, TJ, re, f, each colour and line width — dozens per table row) into a Buffer of its own
// (PDFReference.write) and joins them when the page ends: in a long list that was a few hundred thousand small
// buffers, each an object for the garbage collector, and the single largest allocator of the drawing step.
// Here the text operators of a stream are appended to one string and turned into bytes once, when the stream
// ends or before any binary chunk (an image, a font): the same bytes in the same order, so the PDF is unchanged.
// Patches pdfkit's stream class once per process (render.ts, with pdfmake's other patches).

/** The part of pdfkit's PDFReference (a PDF object, here a stream) this uses. */
interface PdfStream {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
  [PENDING]?: string;
}

/** Text written to a stream and not yet turned into bytes. */
const PENDING = Symbol('pending text');

/** The pending text as one buffer at the end of the stream's chunks. */
function flush(stream: PdfStream): void {
  const text = stream[PENDING];
  if (text === undefined) return;
  stream[PENDING] = undefined;
  // 'binary' (latin1), as pdfkit encodes each chunk: one byte per character, so joining first changes nothing
  stream.buffer.push(Buffer.from(text, 'binary'));
}

let installed = false;

/** Makes pdfkit's streams (the class of `stream`) collect written text in one string (see the top). */
export function installJoinedContentStreams(stream: object): void {
  if (installed) return;
  installed = true;
  const streamClass = Object.getPrototypeOf(stream) as PdfStream;
  const { write, finalize } = streamClass;
  streamClass.write = function (this: PdfStream, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    // what pdfkit's own write does for a text chunk, but for the Buffer
    const text = `${chunk as string}\n`;
    this[PENDING] = (this[PENDING] ?? '') + text;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  streamClass.finalize = function (this: PdfStream) {
    flush(this);
    finalize.call(this);
  };
}
