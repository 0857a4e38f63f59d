import { Resvg } from '@resvg/resvg-js';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderChartPng, renderChartSvg } from '../../src/assessment/chart.js';
import type { ChartInput } from '../../src/assessment/chart.js';
import { CHART_FONT_FAMILY, chartFontFiles, measureText, textOutlines } from '../../src/assessment/chart-font.js';
import { cleanLabel, escapeXml, wrapText } from '../../src/assessment/chart-text.js';

const KEY_FEATURES = [
  'Individual empowerment and social cohesion',
  'Economic development and cultural prosperity',
  'Sustainable development',
  'Inclusive learning in the education system',
  'Revitalized learning in families and communities',
  'Effective learning for and in the workplace',
  'Extended use of modern learning technologies',
  'Enhanced quality in learning',
  'A vibrant culture of learning throughout life',
  'Strong political will and commitment',
  'Governance and participation of all stakeholders',
  'Mobilization and utilization of resources',
];

const sample: ChartInput = {
  title: 'Learning city self-assessment: Cork',
  subtitle: 'Completed 12 March 2026',
  components: [
    { label: 'Political will & commitment', percent: 75, previous: 63 },
    { label: 'Governance and participation', percent: 50, previous: 58 },
    { label: 'Mobilization of resources', percent: null, previous: 40 },
    { label: 'Inclusive learning', percent: 100, previous: 100 },
  ],
};

interface Decoded {
  width: number;
  height: number;
  /** RGBA, row-major. */
  pixels: Uint8Array;
}

/** Minimal PNG reader for what the chart writes: 8-bit RGBA, not interlaced; checks every chunk's CRC. */
const decodePng = (png: Uint8Array): Decoded => {
  const buf = Buffer.from(png);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    expect(buf.readUInt32BE(offset + 8 + length)).toBe(crc32(buf.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
};

/** Near-black pixels (text, not the blue bars or grey gridlines) within a box of the 2x image. */
const darkPixels = (image: Decoded, box: { x0: number; x1: number; y0: number; y1: number }): number => {
  let count = 0;
  for (let y = box.y0; y < Math.min(box.y1, image.height); y++) {
    for (let x = box.x0; x < Math.min(box.x1, image.width); x++) {
      const i = (y * image.width + x) * 4;
      if ((image.pixels[i] ?? 255) < 80 && (image.pixels[i + 1] ?? 255) < 80 && (image.pixels[i + 2] ?? 255) < 80) count++;
    }
  }
  return count;
};

const svgHeight = (svg: string): number => Number(/height="(\d+)"/.exec(svg)?.[1]);

/** The words of every line of text (an outlined group carries them in aria-label), unescaped. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<g aria-label="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );

describe('renderChartPng', () => {
  it('produces a 2x PNG whose size matches the SVG', () => {
    const png = renderChartPng(sample);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = decodePng(png);
    expect(image.width).toBe(1800);
    expect(image.height).toBe(svgHeight(renderChartSvg(sample)) * 2);
    expect(image.height).toBeGreaterThan(600);
    expect(image.height).toBeLessThan(1200);
    expect(png.byteLength).toBeGreaterThan(20_000);
    expect(png.byteLength).toBeLessThan(600_000);
  });

  it('draws the labels as outlines: no <text> is left for resvg, and without them the label column is blank', () => {
    const svg = renderChartSvg(sample);
    expect(svg).not.toContain('<text');
    const drawn = decodePng(renderChartPng(sample));
    // The same chart with its text groups taken out: what the PNG would be if the outlines drew nothing.
    const textless = decodePng(new Resvg(svg.replace(/<g aria-label="[^"]*"[^>]*>.*?<\/g>/g, ''), {
      font: { loadSystemFonts: false },
      fitTo: { mode: 'zoom', value: 2 },
    }).render().asPng());
    // The reader above agrees with resvg's own pixels, so the counts below mean what they say.
    const reference = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 } }).render();
    expect(Buffer.from(drawn.pixels).equals(reference.pixels)).toBe(true);
    // The label column: left of the plot, below the title block.
    const labels = { x0: 40, x1: 560, y0: 240, y1: drawn.height - 80 };
    expect(darkPixels(textless, labels)).toBe(0);
    expect(darkPixels(drawn, labels)).toBeGreaterThan(2000);
    const title = { x0: 40, x1: 1760, y0: 40, y1: 110 };
    expect(darkPixels(drawn, title)).toBeGreaterThan(2000);
  });

  it('sets text as resvg does from the font files: same glyphs, same places, kerning included', () => {
    const lines: Array<{ text: string; size: number; bold?: boolean; anchor?: 'middle' | 'end' }> = [
      { text: 'Governance & participation: AVAT Tea, 67% ±0 −8', size: 14 },
      { text: 'UNESCO Key Features: Wöllersdorf', size: 22, bold: true },
      // CJK last: resvg sets a space that follows CJK in the CJK font's narrower width; a detail, not tested.
      { text: 'Learning City 東京 and 北京', size: 14 },
      { text: '100%', size: 12, anchor: 'middle' },
      { text: 'subtotal 75%', size: 14, bold: true, anchor: 'end' },
    ];
    const x = (line: (typeof lines)[number]): number => (line.anchor === 'middle' ? 300 : line.anchor === 'end' ? 560 : 20);
    const page = (body: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${40 * lines.length + 20}">${body}</svg>`;
    const asText = page(lines.map((line, i) =>
      `<text x="${x(line)}" y="${40 * (i + 1)}" font-size="${line.size}"${line.bold ? ' font-weight="bold"' : ''}` +
      `${line.anchor ? ` text-anchor="${line.anchor}"` : ''} fill="#000">${escapeXml(line.text)}</text>`).join(''));
    const asOutlines = page(lines.map((line, i) =>
      `<g fill="#000">${textOutlines(x(line), 40 * (i + 1), line.text, { size: line.size, bold: line.bold ?? false, ...(line.anchor ? { anchor: line.anchor } : {}) })}</g>`).join(''));
    const options = { fitTo: { mode: 'zoom' as const, value: 2 }, background: '#ffffff', logLevel: 'off' as const };
    const fromFonts = new Resvg(asText, { ...options, font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY } }).render().pixels;
    const outlined = new Resvg(asOutlines, { ...options, font: { loadSystemFonts: false } }).render().pixels;
    let ink = 0;
    let differ = 0;
    for (let i = 0; i < fromFonts.length; i += 4) {
      if ((fromFonts[i] ?? 255) < 128 || (outlined[i] ?? 255) < 128) ink++;
      if (Math.abs((fromFonts[i] ?? 0) - (outlined[i] ?? 0)) > 64) differ++;
    }
    expect(ink).toBeGreaterThan(10_000);
    // Anti-aliasing may round differently at a glyph's edge; a glyph off by a pixel, or a wrong one, would not pass.
    expect(differ / ink).toBeLessThan(0.01);
  });

  it('draws a Chinese city name from the bundled CJK font, glyph by glyph next to DejaVu, not as empty boxes', () => {
    const chinese: ChartInput = { title: '北京', components: [{ label: '北京 Learning', percent: 50 }] };
    const drawn = decodePng(renderChartPng(chinese));
    // Characters no bundled font has (private use) are drawn as DejaVu's hollow "missing glyph" boxes.
    const uncovered = decodePng(renderChartPng({ title: '\uE000\uE001', components: [{ label: '\uE000\uE001 Learning', percent: 50 }] }));
    const boxes = { x0: 40, x1: 400, y0: 40, y1: 110 };
    // The CJK font draws the strokes, far more ink than two boxes.
    expect(darkPixels(uncovered, boxes)).toBeGreaterThan(100);
    expect(darkPixels(drawn, boxes)).toBeGreaterThan(1.5 * darkPixels(uncovered, boxes));
    expect(darkPixels(drawn, boxes)).toBeGreaterThan(500);
    // Each glyph separately: the left and right halves of the title both carry ink.
    const advance = measureText('北', 22, true) * 2;
    expect(advance).toBeGreaterThan(30);
    const first = { x0: 56, x1: 56 + Math.round(advance), y0: 40, y1: 110 };
    const second = { x0: 56 + Math.round(advance), x1: 56 + Math.round(2 * advance), y0: 40, y1: 110 };
    expect(darkPixels(drawn, first)).toBeGreaterThan(300);
    expect(darkPixels(drawn, second)).toBeGreaterThan(300);
    // The Latin word in the same label still comes from DejaVu.
    const latin = { x0: 56 + Math.round(2 * measureText('北京 ', 14) * 1), x1: 560, y0: 150, y1: drawn.height - 60 };
    expect(darkPixels(drawn, latin)).toBeGreaterThan(100);
    expect(cleanLabel('北京')).toBe('北京');
  });

  it('groups rows under tier headings with their subtotal, and notes part-answered areas', () => {
    const svg = renderChartSvg({
      title: 'Key Features: Leeds',
      subtitle: '5 March 2025 · overall 50% · 23 of 24 answered',
      components: [
        { label: 'Empowerment', percent: 100, group: 'Wider benefits', note: '1 of 2 answered' },
        { label: 'Economy', percent: 0, group: 'Wider benefits' },
        { label: 'Education', percent: 50, group: 'Major building blocks' },
      ],
      groups: [{ label: 'Wider benefits', percent: 50 }, { label: 'Major building blocks', percent: 50 }],
    });
    const drawn = texts(svg);
    expect(drawn).toContain('5 March 2025 · overall 50% · 23 of 24 answered');
    expect(drawn.filter((t) => t === 'Wider benefits' || t === 'Major building blocks')).toEqual(['Wider benefits', 'Major building blocks']);
    expect(drawn.filter((t) => t.startsWith('subtotal'))).toEqual(['subtotal 50%', 'subtotal 50%']);
    expect(drawn).toContain('1 of 2 answered');
    // Headings sit above their rows: "Major building blocks" is drawn below "Economy".
    const yOf = (label: string): number => Number(new RegExp(`aria-label="${label}" data-x="[\\d.]+" data-y="([\\d.]+)"`).exec(svg)?.[1]);
    expect(yOf('Wider benefits')).toBeLessThan(yOf('Empowerment'));
    expect(yOf('Economy')).toBeLessThan(yOf('Major building blocks'));
    expect(yOf('Major building blocks')).toBeLessThan(yOf('Education'));
  });

  it('gives the same bytes every time', () => {
    expect(Buffer.from(renderChartPng(sample)).equals(Buffer.from(renderChartPng(sample)))).toBe(true);
  });

  it('grows in height with the number of components and keeps twelve readable', () => {
    const twelve: ChartInput = {
      title: 'UNESCO Key Features of Learning Cities',
      components: KEY_FEATURES.map((label, i) => ({ label, percent: (i * 37) % 101, previous: (i * 53) % 101 })),
    };
    const three: ChartInput = { ...twelve, components: twelve.components.slice(0, 3) };
    const big = decodePng(renderChartPng(twelve));
    const small = decodePng(renderChartPng(three));
    expect(big.width).toBe(1800);
    expect(big.height).toBeGreaterThan(small.height + 9 * 2 * 40);

    const svg = renderChartSvg(twelve);
    const drawn = texts(svg).join(' ');
    for (const label of KEY_FEATURES) {
      for (const word of label.split(' ')) expect(drawn).toContain(word);
    }
    // Label lines sit at x=28; every baseline is at least a line apart, so none overlap.
    const baselines = [...svg.matchAll(/data-x="28" data-y="([\d.]+)" data-size="14"/g)].map((m) => Number(m[1]));
    expect(baselines.length).toBeGreaterThanOrEqual(12);
    baselines.slice(1).forEach((y, i) => expect(y - (baselines[i] ?? 0)).toBeGreaterThanOrEqual(16));
  });

  it('shows every skipped component as "skipped" and draws no bars when all are null', () => {
    const input: ChartInput = {
      title: 'Nothing answered',
      components: KEY_FEATURES.slice(0, 5).map((label) => ({ label, percent: null })),
    };
    const svg = renderChartSvg(input);
    expect(texts(svg).filter((t) => t === 'skipped')).toHaveLength(5);
    expect(svg).not.toContain('#0072B2');
    expect(svg).not.toContain('Previous score');
    expect(decodePng(renderChartPng(input)).width).toBe(1800);
  });

  it('names a component with an empty or missing label "(no label)"', () => {
    const input = { title: 't', components: [{ label: '   ', percent: 10 }, { percent: 20 }] } as unknown as ChartInput;
    expect(texts(renderChartSvg(input)).filter((t) => t === '(no label)')).toHaveLength(2);
  });

  it('renders an empty component list with a note instead of failing', () => {
    const svg = renderChartSvg({ title: 'Empty', components: [] });
    expect(texts(svg)).toContain('No components to show');
    expect(decodePng(renderChartPng({ title: 'Empty', components: [] })).width).toBe(1800);
  });
});

describe('renderChartSvg', () => {
  it('escapes hostile labels and titles so the SVG stays well-formed', () => {
    const hostile: ChartInput = {
      title: 'Town <b>&</b> "Gown" \'s',
      subtitle: ']]><!-- <![CDATA[',
      components: [
        { label: '</text><script>alert(1)</script>', percent: 40 },
        { label: 'Ça & co 🎉 <learning> "quotes" \'single\'', percent: 60, previous: 20 },
        { label: 'nul\u0000 bell\u0007 lone\uD800 surrogate', percent: 10 },
        { label: 'Flags 🇮🇪 family 👨‍👩‍👧 and ✓ ©', percent: 20 },
      ],
    };
    const svg = renderChartSvg(hostile);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<!--');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('Town &lt;b&gt;&amp;&lt;/b&gt; &quot;Gown&quot; &apos;s');
    const drawn = texts(svg);
    expect(drawn).toContain('Ça & co <learning> "quotes" \'single\'');
    expect(drawn).toContain('nul bell lone surrogate');
    expect(drawn).toContain('Flags family and ✓ ©');
    // resvg parses strictly: this would throw on malformed XML.
    expect(() => new Resvg(svg)).not.toThrow();
    expect(decodePng(renderChartPng(hostile)).width).toBe(1800);
  });

  it('the strict-parse check above is meaningful: unescaped markup is rejected', () => {
    expect(() => new Resvg('<svg xmlns="http://www.w3.org/2000/svg"><text>a < b & c</text></svg>')).toThrow();
  });

  it('clamps percents and treats NaN, Infinity and missing values as skipped', () => {
    const input = {
      title: 'Clamp',
      components: [
        { label: 'over', percent: 150, previous: 120 },
        { label: 'under', percent: -5 },
        { label: 'nan', percent: Number.NaN },
        { label: 'inf', percent: Number.POSITIVE_INFINITY, previous: Number.NaN },
        { label: 'missing' },
        { label: 'text', percent: '50' },
      ],
    } as unknown as ChartInput;
    const drawn = texts(renderChartSvg(input));
    expect(drawn).toContain('100%');
    expect(drawn).toContain('0%');
    expect(drawn.filter((t) => t === 'skipped')).toHaveLength(4);
    expect(drawn).toContain('\u00b10');
  });

  it('labels the change from the previous score with its sign and shows a legend', () => {
    const drawn = texts(renderChartSvg(sample));
    expect(drawn).toEqual(expect.arrayContaining(['75%', '+12', '50%', '\u22128', '100%', '\u00b10', 'skipped']));
    expect(drawn).toContain('Previous score');
    expect(drawn.filter((t) => /^[+\u2212\u00b1]\d+$/.test(t))).toHaveLength(3);
    const rounded = texts(renderChartSvg({ title: 't', components: [{ label: 'a', percent: 66.6, previous: 54.6 }] }));
    expect(rounded).toEqual(expect.arrayContaining(['67%', '+12']));
  });

  it('wraps long titles and labels to at most two lines ending in an ellipsis', () => {
    const long = 'Governance and participation of all stakeholders, '.repeat(6);
    const svg = renderChartSvg({ title: long, components: [{ label: long, percent: 50 }] });
    const drawn = texts(svg);
    const labelLines = drawn.filter((t) => t.startsWith('Governance') || t.startsWith('stakeholders') || t.startsWith('all'));
    expect(labelLines.length).toBeLessThanOrEqual(4);
    expect(drawn.some((t) => t.endsWith('…'))).toBe(true);
  });
});

describe('chart text helpers', () => {
  it('wrapText keeps every line within the width and the line limit', () => {
    const text = 'Supercalifragilisticexpialidociousandthensomemoreletters in a long label about learning cities';
    const lines = wrapText(text, 120, 14, 3);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(measureText(line, 14)).toBeLessThanOrEqual(120);
    expect(lines.at(-1)?.endsWith('…')).toBe(true);
    // A split word is continued without an inserted space.
    expect(lines.slice(0, 2).join('')).toBe(text.slice(0, lines.slice(0, 2).join('').length));
    const width = measureText('alpha beta gam…', 14);
    expect(wrapText('alpha beta gamma delta', width, 14, 1)).toEqual(['alpha beta…']);
    expect(wrapText('', 100, 14, 2)).toEqual(['']);
    expect(wrapText('short', 100, 14, 2)).toEqual(['short']);
  });

  it('measureText follows the font: wider for bold and for wide letters', () => {
    expect(measureText('WWWW', 14)).toBeGreaterThan(measureText('iiii', 14));
    expect(measureText('Score', 14, true)).toBeGreaterThan(measureText('Score', 14));
    expect(measureText('abc', 28)).toBeCloseTo(measureText('abc', 14) * 2);
  });

  it('escapeXml and cleanLabel neutralise markup, control characters and emoji', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(cleanLabel('  two\n\tlines 🎉  ')).toBe('two lines');
  });
});
