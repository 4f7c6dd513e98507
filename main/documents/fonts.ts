// The one font setup for every printed page. Fonts come from npm packages (bundled with the app), are read
// once into pdfmake's virtual file system, and pdfmake is told to read nothing else: no URLs, no local files.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { withZeroWidthSpace } from './font-patch';
import type { TCreatedPdf, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/** The body face: Sarabun, the open successor of TH Sarabun New used in Thai official documents. */
export const BODY_FONT = 'Sarabun';

const require = createRequire(import.meta.url);

/**
 * The part of pdfmake 0.3's server build (a CommonJS singleton) that we use. @types/pdfmake describes the
 * browser build and lacks the server's virtualfs, so the shape is spelled out here.
 */
export interface PdfMakeServer {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
  /** the font families added with addFonts */
  fonts: TFontDictionary;
  addFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): TCreatedPdf;
}

const pdfmake = require('pdfmake') as PdfMakeServer;

const fontFiles = {
  [BODY_FONT]: {
    normal: '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf',
    bold: '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf',
    italics: '@expo-google-fonts/sarabun/400Regular_Italic/Sarabun_400Regular_Italic.ttf',
    bolditalics: '@expo-google-fonts/sarabun/700Bold_Italic/Sarabun_700Bold_Italic.ttf',
  },
} as const;

/** The bundled Sarabun file of a weight, on disk: the refusal page at start-up draws its Thai with it too. */
export function bodyFontPath(weight: 'normal' | 'bold'): string {
  return require.resolve(fontFiles[BODY_FONT][weight]);
}

let installed = false;

/** Loads the bundled fonts into pdfmake and locks down its file and network access. Safe to call often. */
export function installFonts(): PdfMakeServer {
  if (installed) return pdfmake;
  const families: TFontDictionary = {};
  for (const [family, styles] of Object.entries(fontFiles)) {
    const files: Record<string, string> = {};
    for (const [style, packagePath] of Object.entries(styles)) {
      // Virtual names, so the descriptors never point at the real disk.
      const virtualName = `fonts/${packagePath.split('/').pop()!}`;
      if (!pdfmake.virtualfs.existsSync(virtualName)) {
        // U+200B, the break mark prepare.ts puts between Thai words, must print as nothing (font-patch.ts).
        pdfmake.virtualfs.writeFileSync(virtualName, withZeroWidthSpace(fs.readFileSync(require.resolve(packagePath))));
      }
      files[style] = virtualName;
    }
    families[family] = files;
  }
  pdfmake.addFonts(families);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installed = true;
  return pdfmake;
}
