import { Resvg } from '@resvg/resvg-js';
import { barChartSvg } from './chart-bar.js';
import type { ChartModel, ChartRow } from './chart-bar.js';
import { encodePng } from './chart-png.js';
import { cleanLabel } from './chart-text.js';

/**
 * What an assessment chart shows: one bar per component, scores in percent (null = skipped).
 * Components with a `group` are drawn under that group's heading, with the group's subtotal from
 * `groups`; `note` (e.g. "1 of 2 answered") is drawn after the value.
 */
export interface ChartInput {
  title: string;
  subtitle?: string;
  components: Array<{
    label: string;
    percent: number | null;
    previous?: number | null;
    group?: string;
    note?: string;
    /** Group rounds: lowest to highest view, and the middle half of views, in percent. */
    range?: { low: number; high: number };
    middle?: { low: number; high: number };
  }>;
  groups?: Array<{ label: string; percent: number | null }>;
}

/** A low-high pair with both ends scores, in order; anything else is no span. */
const toSpan = (value: unknown): { low: number; high: number } | null => {
  if (typeof value !== 'object' || value === null) return null;
  const low = toPercent((value as Record<string, unknown>)['low']);
  const high = toPercent((value as Record<string, unknown>)['high']);
  return low === null || high === null ? null : { low: Math.min(low, high), high: Math.max(low, high) };
};

/** Rendering scale: the PNG is twice the SVG's pixel size so it stays sharp on high-density screens. */
const ZOOM = 2;

/** Anything that is not a finite number counts as "no score"; scores outside 0-100 are clamped. */
const toPercent = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : null;

const toModel = (input: ChartInput): ChartModel => {
  // Inputs are typed, but they are built from user-edited files, so every field is checked again here.
  const components: unknown[] = Array.isArray(input.components) ? input.components : [];
  const rows: ChartRow[] = components.map((raw): ChartRow => {
    const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      label: typeof c['label'] === 'string' ? cleanLabel(c['label']) : '',
      percent: toPercent(c['percent']),
      previous: toPercent(c['previous']),
      group: typeof c['group'] === 'string' ? cleanLabel(c['group']) : '',
      note: typeof c['note'] === 'string' ? cleanLabel(c['note']) : '',
      range: toSpan(c['range']),
      middle: toSpan(c['middle']),
    };
  });
  const groups: unknown[] = Array.isArray(input.groups) ? input.groups : [];
  return {
    title: typeof input.title === 'string' ? cleanLabel(input.title) : '',
    subtitle: typeof input.subtitle === 'string' ? cleanLabel(input.subtitle) : '',
    rows,
    groups: groups.flatMap((raw) => {
      const g = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      return typeof g['label'] === 'string' ? [{ label: cleanLabel(g['label']), percent: toPercent(g['percent']) }] : [];
    }),
  };
};

/**
 * Horizontal bar chart of component scores as a standalone SVG document (900 px wide, taller with
 * more components), its text drawn as outlines from the bundled fonts. All text is escaped; a previous score, when given, is drawn as a marker with the
 * signed change next to the value.
 */
export function renderChartSvg(input: ChartInput): string {
  return barChartSvg(toModel(input));
}

/**
 * The same chart as a PNG at 2x scale. Text is already outlined with the bundled fonts, so resvg loads
 * no font at all (nor system fonts): the output is identical on every machine, and no font file is
 * parsed per chart. The SVG paints its own white background, so every pixel is opaque.
 */
export function renderChartPng(input: ChartInput): Uint8Array {
  const resvg = new Resvg(renderChartSvg(input), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: ZOOM },
  });
  const image = resvg.render();
  return encodePng(image.width, image.height, image.pixels);
}
