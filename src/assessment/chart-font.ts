import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';

/** Family name inside the bundled Latin fonts; tests ask resvg for exactly this to compare. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const fontPath = (name: string): string => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));

/**
 * Absolute paths of the bundled fonts, resolved next to this module so it works from any working
 * directory: DejaVu Sans (regular, bold) for Latin, Greek, Cyrillic, Arabic and symbols, and a subset
 * of Noto Sans SC (Chinese and Japanese) used glyph by glyph for characters DejaVu lacks.
 */
export const chartFontFiles = (): string[] => [
  fontPath('DejaVuSans.ttf'),
  fontPath('DejaVuSans-Bold.ttf'),
  fontPath('NotoSansSC-Subset.otf'),
];

/** One glyph as drawn: outline path data in font units (y pointing down), advance in font units. */
interface Glyph {
  index: number;
  advance: number;
  /** Empty for glyphs with no ink (spaces). */
  d: string;
}

interface LoadedFont {
  font: opentype.Font;
  /** 1 / unitsPerEm, to turn font units into ems. */
  em: number;
  /** Kerning from the font's kern table, keyed "left,right" by glyph index. */
  kerning: Record<string, number>;
  glyphs: Map<number, Glyph | null>;
}

/** opentype.js takes parse options that its type definitions leave out. */
const parseFont = opentype.parse as (buffer: ArrayBuffer, options: { lowMemory: boolean }) => opentype.Font;

const load = (file: string): LoadedFont => {
  const bytes = readFileSync(file);
  // lowMemory: glyphs are read when first asked for, which halves the parse at a worker's start.
  const font = parseFont(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
  return { font, em: 1 / font.unitsPerEm, kerning: font.kerningPairs ?? {}, glyphs: new Map() };
};

/** Font units are whole numbers in TrueType and near enough in CFF; integers keep the SVG short. */
const outline = (glyph: opentype.Glyph): string => {
  const parts: string[] = [];
  const n = (value: number | undefined, flip = false): number => Math.round(flip ? -(value ?? 0) : (value ?? 0));
  for (const c of glyph.path.commands) {
    if (c.type === 'M' || c.type === 'L') parts.push(`${c.type}${n(c.x)} ${n(c.y, true)}`);
    else if (c.type === 'Q') parts.push(`Q${n(c.x1)} ${n(c.y1, true)} ${n(c.x)} ${n(c.y, true)}`);
    else if (c.type === 'C') parts.push(`C${n(c.x1)} ${n(c.y1, true)} ${n(c.x2)} ${n(c.y2, true)} ${n(c.x)} ${n(c.y, true)}`);
    else parts.push('Z');
  }
  return parts.join('');
};

/** The glyph `font` has for `code`, read once and kept; null when the font lacks it. */
const glyphOf = (loaded: LoadedFont, code: number): Glyph | null => {
  let glyph = loaded.glyphs.get(code);
  if (glyph === undefined) {
    const found = loaded.font.charToGlyph(String.fromCodePoint(code));
    // charToGlyph answers .notdef (index 0) for a character the font does not map.
    glyph = found.index === 0 && code !== 0 ? null : { index: found.index, advance: found.advanceWidth ?? 0, d: outline(found) };
    loaded.glyphs.set(code, glyph);
  }
  return glyph;
};

const notdef = (loaded: LoadedFont): Glyph => {
  const glyph = loaded.font.glyphs.get(0);
  return { index: 0, advance: glyph.advanceWidth ?? 0, d: outline(glyph) };
};

interface ChartFonts {
  regular: LoadedFont;
  bold: LoadedFont;
  notdef: { regular: Glyph; bold: Glyph };
}

let cached: ChartFonts | undefined;
let cachedFallback: LoadedFont | undefined;

/*
 * The fonts are parsed once per process (per chart worker) and their glyph outlines kept, so drawing a
 * chart costs no font parsing at all: text is laid out here and handed to resvg as plain paths.
 */
const fonts = (): ChartFonts => {
  if (!cached) {
    const [regularFile, boldFile] = chartFontFiles();
    const regular = load(regularFile ?? '');
    const bold = load(boldFile ?? '');
    cached = { regular, bold, notdef: { regular: notdef(regular), bold: notdef(bold) } };
  }
  return cached;
};

/** The CJK font is the largest to parse and most charts never need it, so it is read on first use. */
const fallbackFont = (): LoadedFont => {
  cachedFallback ??= load(chartFontFiles()[2] ?? '');
  return cachedFallback;
};

/** A glyph placed on a line: its font, the glyph, and its pen position in pixels from the line start. */
interface Placed {
  font: LoadedFont;
  glyph: Glyph;
  x: number;
}

/**
 * Places each character of `text`: from the chosen DejaVu face, else from the CJK font, else the
 * DejaVu "missing glyph" box; kerning applies between neighbours from the same font.
 */
const place = (text: string, fontSize: number, bold: boolean): { glyphs: Placed[]; width: number } => {
  const set = fonts();
  const own = bold ? set.bold : set.regular;
  const glyphs: Placed[] = [];
  let x = 0;
  let previous: Placed | undefined;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const mine = glyphOf(own, code);
    const other = mine === null ? glyphOf(fallbackFont(), code) : null;
    const font = mine !== null || other === null ? own : fallbackFont();
    const glyph = mine ?? other ?? (bold ? set.notdef.bold : set.notdef.regular);
    if (previous !== undefined && previous.font === font) {
      x += (font.kerning[`${previous.glyph.index},${glyph.index}`] ?? 0) * font.em * fontSize;
    }
    previous = { font, glyph, x };
    glyphs.push(previous);
    x += glyph.advance * font.em * fontSize;
  }
  return { glyphs, width: x };
};

/** Whether a bundled font can draw this code point (otherwise an empty box is drawn). */
export const fontCovers = (codePoint: number): boolean =>
  glyphOf(fonts().regular, codePoint) !== null || glyphOf(fallbackFont(), codePoint) !== null;

/** Width in pixels of `text` set in the bundled fonts, kerning included: exactly what is drawn. */
export const measureText = (text: string, fontSize: number, bold = false): number => place(text, fontSize, bold).width;

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * SVG path elements drawing `text` with its baseline at `y`, starting (or centred, or ending) at `x`.
 * Each glyph is its cached outline under a scale-and-move transform, so nothing is re-read per chart.
 */
export const textOutlines = (
  x: number,
  y: number,
  text: string,
  options: { size: number; bold?: boolean; anchor?: 'start' | 'middle' | 'end' },
): string => {
  const { glyphs, width } = place(text, options.size, options.bold ?? false);
  const start = options.anchor === 'middle' ? x - width / 2 : options.anchor === 'end' ? x - width : x;
  let out = '';
  for (const { font, glyph, x: dx } of glyphs) {
    if (glyph.d === '') continue;
    const scale = fmt6(options.size * font.em);
    out += `<path transform="matrix(${scale} 0 0 ${scale} ${fmt(start + dx)} ${fmt(y)})" d="${glyph.d}"/>`;
  }
  return out;
};

/** Scales are small (0.007 for 14 px at 2048 units per em): keep enough digits for sub-pixel accuracy. */
const fmt6 = (n: number): string => String(Math.round(n * 1e6) / 1e6);
