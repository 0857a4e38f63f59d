import { renderChartPng, type ChartInput } from '../assessment/chart.js';
import { summarize, type Timing } from './stats.js';

/** One kind of chart with what it costs to draw, as a chart worker draws it. */
export interface ChartCostRow {
  chart: string;
  width: number;
  pngBytes: number;
  timing: Timing;
}

const KEY_FEATURES = [
  'Individual empowerment and social cohesion', 'Economic development and cultural prosperity', 'Sustainable development',
  'Inclusive learning in the education system', 'Revitalized learning in families and communities',
  'Effective learning for and in the workplace', 'Extended use of modern learning technologies', 'Enhanced quality in learning',
  'A vibrant culture of learning throughout life', 'Strong political will and commitment',
  'Governance and participation of all stakeholders', 'Mobilization and utilization of resources',
];
const TIERS = ['Wider benefits', 'Major building blocks', 'Fundamental conditions'];
const niace = (city: string): ChartInput => ({
  title: `NIACE Learning City Toolkit – quick check: ${city}`,
  subtitle: '29 November 2026 · overall 56% · 9 of 9 answered',
  components: [{ label: 'Partnership', percent: 67 }, { label: 'Participation', percent: 44 }, { label: 'Performance', percent: 56 }],
});

/** Charts as the frameworks produce them: the benchmark's NIACE check, a CJK city, Key Features in tiers. */
const CHARTS: Record<string, (n: number) => ChartInput> = {
  'NIACE, 3 areas': (n) => niace(`City ${n}`),
  'NIACE, CJK city name': (n) => niace(`北京 ${n}`),
  'Key Features, 12 in 3 tiers': (n) => ({
    title: `UNESCO Key Features of Learning Cities: City ${n}`,
    subtitle: '29 November 2026 · overall 50% · 23 of 24 answered · previous: 3 months earlier',
    components: KEY_FEATURES.map((label, i) => ({
      label,
      percent: (i * 37 + n) % 101,
      previous: (i * 53) % 101,
      group: TIERS[i < 3 ? 0 : i < 9 ? 1 : 2] ?? '',
      ...(i === 4 ? { note: '1 of 2 answered' } : {}),
    })),
    groups: TIERS.map((label, i) => ({ label, percent: 40 + i * 10 })),
  }),
};

/**
 * Milliseconds per chart for `renderChartPng` (SVG layout, rasterising, PNG encoding), drawn on this
 * thread after a warm-up, each from a different input (the city changes) so nothing is reused but fonts.
 */
export const benchChartCost = (count: number): ChartCostRow[] =>
  Object.entries(CHARTS).map(([chart, input]) => {
    for (let n = 0; n < 5; n++) renderChartPng(input(-n));
    const samples: number[] = [];
    let png: Uint8Array = new Uint8Array();
    for (let n = 0; n < count; n++) {
      const started = performance.now();
      png = renderChartPng(input(n));
      samples.push(performance.now() - started);
    }
    const width = Buffer.from(png).readUInt32BE(16);
    return { chart, width, pngBytes: png.byteLength, timing: summarize(samples) };
  });
