// Types for `linebreak` (UAX #14), the line breaker inside pdfmake; segment.ts asks it where pdfmake will break.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
