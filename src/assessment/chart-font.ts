import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Family name inside the bundled font files; the SVG asks for exactly this. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const fontPath = (name: string): string => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));

/**
 * Absolute paths of the bundled fonts, resolved next to this module so it works from any working
 * directory: DejaVu Sans for Latin, Greek, Cyrillic, Arabic and symbols, and a subset of Noto Sans SC
 * (Chinese and Japanese) that resvg falls back to, glyph by glyph, for characters DejaVu lacks.
 */
export const chartFontFiles = (): string[] => [
  fontPath('DejaVuSans.ttf'),
  fontPath('DejaVuSans-Bold.ttf'),
  fontPath('NotoSansSC-Subset.otf'),
];

interface FontMetrics {
  unitsPerEm: number;
  /** Advance width (font units) per code point the font covers. */
  advances: Map<number, number>;
  /** Advance of the "missing glyph" box drawn for uncovered characters. */
  notdefAdvance: number;
}

/*
 * Labels must be wrapped before rendering, and resvg cannot measure text for us without a full render,
 * so the advance widths are read straight from the font's cmap and hmtx tables. Only the parts of the
 * TrueType/OpenType format that the bundled fonts use are handled (cmap formats 4 and 12).
 */
const parseFont = (bytes: Buffer): FontMetrics => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(bytes.toString('latin1', record, record + 4), view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`Chart font has no ${tag} table`);
    return offset;
  };

  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  // Glyphs past numberOfHMetrics share the last advance width.
  const advanceOf = (glyph: number): number =>
    view.getUint16(hmtx + Math.min(glyph, numberOfHMetrics - 1) * 4);

  const advances = new Map<number, number>();
  const cmap = table('cmap');
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const sub = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(sub);
    if (platform === 3 && encoding === 10 && format === 12) format12 = sub;
    if (platform === 3 && encoding === 1 && format === 4) format4 = sub;
  }

  if (format12 !== undefined) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const base = format12 + 16 + g * 12;
      const start = view.getUint32(base);
      const end = view.getUint32(base + 4);
      const glyph = view.getUint32(base + 8);
      for (let c = start; c <= end; c++) advances.set(c, advanceOf(glyph + c - start));
    }
  } else if (format4 !== undefined) {
    const segX2 = view.getUint16(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2; s += 2) {
      const start = view.getUint16(starts + s);
      const end = view.getUint16(ends + s);
      const delta = view.getInt16(deltas + s);
      const rangeOffset = view.getUint16(rangeOffsets + s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) {
          glyph = (c + delta) & 0xffff;
        } else {
          const raw = view.getUint16(rangeOffsets + s + rangeOffset + (c - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) advances.set(c, advanceOf(glyph));
      }
    }
  } else {
    throw new Error('Chart font has no Unicode cmap');
  }
  return { unitsPerEm, advances, notdefAdvance: advanceOf(0) };
};

interface ChartFonts {
  regular: FontMetrics;
  bold: FontMetrics;
  fallback: FontMetrics;
}

let cached: ChartFonts | undefined;

const metrics = (): ChartFonts => {
  if (!cached) {
    const [regular, bold, fallback] = chartFontFiles().map((file) => parseFont(readFileSync(file)));
    if (!regular || !bold || !fallback) throw new Error('Chart fonts missing');
    cached = { regular, bold, fallback };
  }
  return cached;
};

/** Whether a bundled font can draw this code point (otherwise resvg draws an empty box). */
export const fontCovers = (codePoint: number): boolean =>
  metrics().regular.advances.has(codePoint) || metrics().fallback.advances.has(codePoint);

/**
 * Width in pixels of `text` set in the bundled font. Kerning is ignored, so the result is a close
 * upper-ish estimate; callers leave a little slack.
 */
export const measureText = (text: string, fontSize: number, bold = false): number => {
  const { fallback } = metrics();
  const font = bold ? metrics().bold : metrics().regular;
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const own = font.advances.get(code);
    const other = own === undefined ? fallback.advances.get(code) : undefined;
    ems += own !== undefined ? own / font.unitsPerEm : other !== undefined ? other / fallback.unitsPerEm : font.notdefAdvance / font.unitsPerEm;
  }
  return ems * fontSize;
};
