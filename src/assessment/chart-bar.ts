import { measureText, textOutlines } from './chart-font.js';
import { escapeXml, truncate, wrapText } from './chart-text.js';

/** A component after cleaning: label safe to draw, percents finite and within 0-100 or null. */
export interface ChartRow {
  label: string;
  percent: number | null;
  previous: number | null;
  /** Heading the row is drawn under; empty for none. */
  group: string;
  /** Short remark after the value, e.g. "1 of 2 answered"; empty for none. */
  note: string;
  /** Group rounds: the range of views (a whisker) and their middle half (a box), in percent. */
  range: { low: number; high: number } | null;
  middle: { low: number; high: number } | null;
}

/** A group heading's subtotal. */
export interface ChartGroup {
  label: string;
  percent: number | null;
}

/** Chart contents after cleaning, ready to lay out. */
export interface ChartModel {
  title: string;
  subtitle: string;
  rows: ChartRow[];
  groups: ChartGroup[];
}

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
const COLOURS = {
  bar: '#0072B2',
  previous: '#8c8c8c',
  up: '#00775a',
  down: '#b34700',
  same: '#666666',
  text: '#1a1a1a',
  muted: '#5c5c5c',
  grid: '#d9d9d9',
  zebra: '#f5f7fa',
  spread: '#1a1a1a',
};

const WIDTH = 900;
const PAD = 28;
const TITLE = { size: 22, line: 28, maxLines: 2 };
const SUBTITLE = { size: 14, line: 19, maxLines: 2 };
const LABEL = { size: 14, line: 17, maxLines: 2, width: 270 };
const VALUE_SIZE = 14;
const CHANGE_SIZE = 13;
const ROW_HEIGHT = 46;
/** Extra height of a row that carries a note line under its label. */
const NOTE_LINE = 15;
const NOTE_SIZE = 12;
const rowHeight = (data: ChartRow): number => ROW_HEIGHT + (data.note === '' ? 0 : NOTE_LINE);
const GROUP_HEIGHT = 34;
const BAR_HEIGHT = 20;
const PREVIOUS_HEIGHT = 6;
const PREVIOUS_GAP = 3;
const LEGEND_HEIGHT = 26;
const AXIS_HEIGHT = 26;
/** Room right of the plot for the value and change labels of a full bar ("100%  +100"). */
const VALUE_ROOM = 96;
const PLOT_LEFT = PAD + LABEL.width + 18;
const PLOT_RIGHT = WIDTH - PAD - VALUE_ROOM;
const TICKS = [0, 25, 50, 75, 100];

const fmt = (n: number): string => String(Math.round(n * 100) / 100);
const xOf = (percent: number): number => PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * percent) / 100;

/**
 * A line of text, drawn as glyph outlines (no font is needed to rasterise the chart) in a group that
 * still carries the words, where they were set and at what size, for readers of the SVG.
 */
const text = (
  x: number,
  y: number,
  content: string,
  attrs: { size: number; fill: string; bold?: boolean; anchor?: 'start' | 'middle' | 'end' },
): string =>
  `<g aria-label="${escapeXml(content)}" data-x="${fmt(x)}" data-y="${fmt(y)}" data-size="${attrs.size}" fill="${attrs.fill}">` +
  textOutlines(x, y, content, attrs) +
  '</g>';

/** Signed change as shown to people: from the rounded values, so "67%" next to "55%" reads "+12". */
const changeLabel = (now: number, before: number): { label: string; fill: string } => {
  const delta = Math.round(now) - Math.round(before);
  if (delta > 0) return { label: `+${delta}`, fill: COLOURS.up };
  if (delta < 0) return { label: `\u2212${-delta}`, fill: COLOURS.down };
  return { label: '\u00b10', fill: COLOURS.same };
};

const legend = (y: number): string => {
  const parts: string[] = [];
  let x = PLOT_LEFT;
  parts.push(`<rect x="${x}" y="${y - 11}" width="14" height="14" rx="2" fill="${COLOURS.bar}"/>`);
  x += 20;
  parts.push(text(x, y, 'Current score', { size: 13, fill: COLOURS.text }));
  x += measureText('Current score', 13) + 28;
  parts.push(`<rect x="${x}" y="${y - 7}" width="22" height="${PREVIOUS_HEIGHT}" fill="${COLOURS.previous}"/>`);
  x += 28;
  parts.push(text(x, y, 'Previous score', { size: 13, fill: COLOURS.text }));
  x += measureText('Previous score', 13) + 28;
  parts.push(text(x, y, '+/\u2212 change in points', { size: 13, fill: COLOURS.muted }));
  return parts.join('');
};

/** Legend of a group round's chart: what the bar, the whisker and the box stand for. */
const spreadLegend = (y: number): string => {
  const parts: string[] = [];
  let x = PLOT_LEFT;
  parts.push(`<rect x="${x}" y="${y - 11}" width="14" height="14" rx="2" fill="${COLOURS.bar}"/>`);
  x += 20;
  parts.push(text(x, y, 'Median', { size: 13, fill: COLOURS.text }));
  x += measureText('Median', 13) + 24;
  parts.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${COLOURS.spread}" stroke-width="2"/>`);
  x += 28;
  parts.push(text(x, y, 'Range', { size: 13, fill: COLOURS.text }));
  x += measureText('Range', 13) + 24;
  parts.push(`<rect x="${x}" y="${y - 10}" width="22" height="12" fill="none" stroke="${COLOURS.spread}" stroke-width="2"/>`);
  x += 28;
  parts.push(text(x, y, 'Middle half of views', { size: 13, fill: COLOURS.text }));
  return parts.join('');
};

/** A group round's spread over the median bar: whisker from lowest to highest, box over the middle half. */
const spreadMarks = (data: ChartRow, barTop: number): string => {
  const parts: string[] = [];
  const mid = fmt(barTop + BAR_HEIGHT / 2);
  if (data.range !== null) {
    const [x1, x2] = [fmt(xOf(data.range.low)), fmt(xOf(data.range.high))];
    parts.push(`<line x1="${x1}" y1="${mid}" x2="${x2}" y2="${mid}" stroke="${COLOURS.spread}" stroke-width="2"/>`);
    for (const x of [x1, x2]) parts.push(`<line x1="${x}" y1="${fmt(barTop + 3)}" x2="${x}" y2="${fmt(barTop + BAR_HEIGHT - 3)}" stroke="${COLOURS.spread}" stroke-width="2"/>`);
  }
  if (data.middle !== null) {
    const x = xOf(data.middle.low);
    const width = Math.max(2, xOf(data.middle.high) - x);
    parts.push(`<rect x="${fmt(x)}" y="${fmt(barTop + 4)}" width="${fmt(width)}" height="${BAR_HEIGHT - 8}" fill="none" stroke="${COLOURS.spread}" stroke-width="2"/>`);
  }
  return parts.join('');
};

/** Alternate rows get a faint band so a label is easy to follow to its bar; drawn under the gridlines. */
const zebra = (top: number, index: number, height: number): string =>
  index % 2 === 0
    ? `<rect x="${PAD - 8}" y="${top}" width="${WIDTH - 2 * PAD + 16}" height="${height}" fill="${COLOURS.zebra}"/>`
    : '';

const row = (data: ChartRow, top: number, showChange: boolean): string => {
  const parts: string[] = [];
  const mid = top + rowHeight(data) / 2;

  const unnamed = data.label === '';
  const lines = wrapText(unnamed ? '(no label)' : data.label, LABEL.width, LABEL.size, LABEL.maxLines);
  // A part-answered area says so under its label, so 100% from one answer is not mistaken for a full score.
  const noteHeight = data.note === '' ? 0 : NOTE_LINE;
  // Centre the label block on the bar; 0.35em drops each baseline so glyphs sit visually centred.
  const firstBaseline = mid - ((lines.length - 1) * LABEL.line + noteHeight) / 2 + LABEL.size * 0.35;
  lines.forEach((line, i) => {
    parts.push(text(PAD, firstBaseline + i * LABEL.line, line, { size: LABEL.size, fill: unnamed ? COLOURS.muted : COLOURS.text }));
  });
  if (data.note !== '') {
    const y = firstBaseline + (lines.length - 1) * LABEL.line + NOTE_LINE;
    parts.push(text(PAD, y, truncate(data.note, LABEL.width, NOTE_SIZE), { size: NOTE_SIZE, fill: COLOURS.muted }));
  }

  // With a previous score the pair (thick current bar, thin previous bar beneath) is centred on the row;
  // the value label stays level with the current bar, clear of the thin bar below it.
  const hasPrevious = data.previous !== null;
  const barTop = hasPrevious ? mid - (BAR_HEIGHT + PREVIOUS_GAP + PREVIOUS_HEIGHT) / 2 : mid - BAR_HEIGHT / 2;
  const barMid = barTop + BAR_HEIGHT / 2;
  let labelX = PLOT_LEFT;
  if (data.percent !== null && data.percent > 0) {
    const end = xOf(data.percent);
    parts.push(`<rect x="${PLOT_LEFT}" y="${fmt(barTop)}" width="${fmt(end - PLOT_LEFT)}" height="${BAR_HEIGHT}" fill="${COLOURS.bar}"/>`);
    labelX = end;
  }
  if (data.previous !== null && data.previous > 0) {
    const y = fmt(barTop + BAR_HEIGHT + PREVIOUS_GAP);
    const width = fmt(xOf(data.previous) - PLOT_LEFT);
    parts.push(`<rect x="${PLOT_LEFT}" y="${y}" width="${width}" height="${PREVIOUS_HEIGHT}" fill="${COLOURS.previous}"/>`);
  }
  parts.push(spreadMarks(data, barTop));
  if (data.range !== null) labelX = Math.max(labelX, xOf(data.range.high));
  labelX += 8;

  const baseline = barMid + VALUE_SIZE * 0.35;
  if (data.percent === null) {
    parts.push(text(labelX, baseline, 'skipped', { size: VALUE_SIZE, fill: COLOURS.muted }));
    return parts.join('');
  }
  const value = `${Math.round(data.percent)}%`;
  parts.push(text(labelX, baseline, value, { size: VALUE_SIZE, fill: COLOURS.text, bold: true }));
  let x = labelX + measureText(value, VALUE_SIZE, true) + 7;
  if (showChange && data.previous !== null) {
    const change = changeLabel(data.percent, data.previous);
    parts.push(text(x, baseline, change.label, { size: CHANGE_SIZE, fill: change.fill, bold: true }));
    x += measureText(change.label, CHANGE_SIZE, true) + 7;
  }
  return parts.join('');
};

/** A group heading ("Wider benefits") with its subtotal, spanning the chart above its rows. */
const groupHeading = (group: ChartGroup, top: number): string => {
  const baseline = top + GROUP_HEIGHT - 10;
  const subtotal = group.percent === null ? 'not scored' : `subtotal ${Math.round(group.percent)}%`;
  const label = truncate(group.label, PLOT_LEFT - PAD - 8, LABEL.size + 1, true);
  return (
    text(PAD, baseline, label, { size: LABEL.size + 1, fill: COLOURS.text, bold: true }) +
    text(PLOT_LEFT, baseline, subtotal, { size: LABEL.size, fill: COLOURS.text, bold: true }) +
    `<line x1="${PAD}" y1="${top + GROUP_HEIGHT - 3}" x2="${WIDTH - PAD}" y2="${top + GROUP_HEIGHT - 3}" stroke="${COLOURS.muted}" stroke-width="1"/>`
  );
};

type Slot = { type: 'row'; row: ChartRow; top: number; index: number } | { type: 'group'; group: ChartGroup; top: number };

/** Vertical positions: a heading wherever the group changes, then the rows. */
const layoutSlots = (model: ChartModel, plotTop: number): { slots: Slot[]; bottom: number } => {
  const slots: Slot[] = [];
  let y = plotTop;
  let current = '';
  model.rows.forEach((row, index) => {
    if (row.group !== '' && row.group !== current) {
      const group = model.groups.find((g) => g.label === row.group) ?? { label: row.group, percent: null };
      slots.push({ type: 'group', group, top: y });
      y += GROUP_HEIGHT;
    }
    current = row.group;
    slots.push({ type: 'row', row, top: y, index });
    y += rowHeight(row);
  });
  return { slots, bottom: y };
};

/** Lays out a horizontal bar chart as an SVG document 900 px wide; height grows with the rows. */
export const barChartSvg = (model: ChartModel): string => {
  const body: string[] = [];
  const contentWidth = WIDTH - 2 * PAD;
  let y = PAD;

  const titleLines = wrapText(model.title, contentWidth, TITLE.size, TITLE.maxLines, true);
  for (const line of titleLines) {
    y += TITLE.line;
    body.push(text(PAD, y - 6, line, { size: TITLE.size, fill: COLOURS.text, bold: true }));
  }
  if (model.subtitle) {
    y += 4;
    for (const line of wrapText(model.subtitle, contentWidth, SUBTITLE.size, SUBTITLE.maxLines)) {
      y += SUBTITLE.line;
      body.push(text(PAD, y - 4, line, { size: SUBTITLE.size, fill: COLOURS.muted }));
    }
  }
  const showPrevious = model.rows.some((r) => r.previous !== null);
  if (showPrevious || model.rows.some((r) => r.range !== null)) {
    y += 10 + LEGEND_HEIGHT;
    body.push(showPrevious ? legend(y - 8) : spreadLegend(y - 8));
  }
  y += 14;

  const plotTop = y;
  const { slots, bottom } = layoutSlots(model, plotTop);
  const plotBottom = model.rows.length === 0 ? plotTop + ROW_HEIGHT : bottom;

  for (const slot of slots) if (slot.type === 'row') body.push(zebra(slot.top, slot.index, rowHeight(slot.row)));
  for (const tick of TICKS) {
    const x = fmt(xOf(tick));
    const colour = tick === 0 ? COLOURS.muted : COLOURS.grid;
    // Gridlines run through the rows only, so group headings read as headings.
    for (const slot of slots) {
      if (slot.type === 'row') body.push(`<line x1="${x}" y1="${slot.top}" x2="${x}" y2="${slot.top + rowHeight(slot.row)}" stroke="${colour}" stroke-width="1"/>`);
    }
    if (slots.length === 0) body.push(`<line x1="${x}" y1="${plotTop}" x2="${x}" y2="${plotBottom}" stroke="${colour}" stroke-width="1"/>`);
    body.push(text(xOf(tick), plotBottom + 18, `${tick}%`, { size: 12, fill: COLOURS.muted, anchor: 'middle' }));
  }
  for (const slot of slots) body.push(slot.type === 'row' ? row(slot.row, slot.top, showPrevious) : groupHeading(slot.group, slot.top));
  if (model.rows.length === 0) {
    const note = truncate('No components to show', PLOT_RIGHT - PLOT_LEFT, LABEL.size);
    body.push(text(PLOT_LEFT + 8, plotTop + ROW_HEIGHT / 2 + 5, note, { size: LABEL.size, fill: COLOURS.muted }));
  }

  const height = Math.ceil(plotBottom + AXIS_HEIGHT + PAD - 8);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title>${escapeXml(model.title)}</title>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>'
  );
};
