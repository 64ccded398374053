import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The only font a PDF uses: Noto Sans from @fontsource, the Latin, Latin Extended, Greek and
 * Cyrillic subsets (and their extensions) in regular and bold, upright and italic. Nothing
 * leaves the machine and no system font is needed, so a Greek or Bulgarian export looks the
 * same on a laptop and in the container, with no empty boxes. Chromium embeds only the glyphs
 * a document uses.
 *
 * The files are served to the printing page from memory (ChromiumPrinter answers this host's
 * requests, and refuses every other), not inlined as data URLs: inlined, every PDF carried
 * ~640 KB of base64 through the parser and decoded its fonts again; served, the page fetches
 * only the subsets its text needs (the unicode-range of each face) and Chromium's memory cache
 * keeps them for the next PDF printed on the same warm page (decision 0060).
 */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
] as const;

export const PDF_FONT_FAMILY = 'Noto Sans';

/** A reserved name (RFC 2606): it never resolves, so only our route handler can answer it. */
export const PDF_FONT_ORIGIN = 'https://fonts.polisee.invalid';

interface PdfFonts {
  css: string;
  files: Map<string, Buffer>;
}

let fonts: PdfFonts | null = null;

/** The @font-face rules (a few KB), pointing at `PDF_FONT_ORIGIN`. */
export function pdfFontFaces(): string {
  fonts ??= load();
  return fonts.css;
}

/** The bytes behind a URL of `pdfFontFaces()`, or undefined for any other URL. */
export function pdfFontFile(url: string): Buffer | undefined {
  fonts ??= load();
  return fonts.files.get(url);
}

/** Read once per process: 24 files, about 460 KB. */
function load(): PdfFonts {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const rules: string[] = [];
  const files = new Map<string, Buffer>();
  for (const { weight, style } of FACES) {
    const suffix = style === 'italic' ? '-italic' : '';
    // Fontsource's own CSS carries each subset's unicode-range: reuse it rather than copy it.
    const source = readFileSync(path.join(dir, `${weight}${suffix}.css`), 'utf8');
    for (const rule of source.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(rule)?.[1];
      const subset = file?.replace(`noto-sans-`, '').replace(`-${weight}-${style}.woff2`, '');
      if (!file || !subset || !SUBSETS.includes(subset)) continue;
      const url = `${PDF_FONT_ORIGIN}/${file}`;
      files.set(url, readFileSync(path.join(dir, 'files', file)));
      const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1] ?? 'U+0-10FFFF';
      rules.push(
        `@font-face{font-family:'${PDF_FONT_FAMILY}';font-style:${style};font-weight:${weight};` +
          `src:url(${url}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  if (rules.length !== SUBSETS.length * FACES.length) {
    throw new Error(`The PDF font is incomplete: ${rules.length} faces found.`);
  }
  return { css: rules.join('\n'), files };
}
