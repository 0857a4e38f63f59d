import type { AssessmentResult } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';
import { formatDate, formatDelta, formatPercent } from './format.js';
import { codeSpan, escapeText } from '../core/markdown.js';

/** Results shown per framework in a history; older ones still count in the CSV export. */
const HISTORY_LIMIT = 10;

const frameworkName = (frameworks: ReadonlyMap<string, Framework>, id: string): string => frameworks.get(id)?.name ?? id;

/**
 * One city's results, grouped by framework, newest first, each with its change from the one
 * before it and a trend line from oldest to newest.
 */
export const historyReply = (
  city: string,
  results: readonly AssessmentResult[],
  frameworks: ReadonlyMap<string, Framework>,
  now: Date,
): Reply => {
  if (results.length === 0) {
    return { text: `No saved assessments for *${escapeText(city)}* in this workspace yet. Start one with ${codeSpan(`assess for ${city}`)}.`, kind: 'info' };
  }
  const byFramework = new Map<string, AssessmentResult[]>();
  for (const result of results) {
    byFramework.set(result.frameworkId, [...(byFramework.get(result.frameworkId) ?? []), result]);
  }
  const lines = [`*Assessment results for ${escapeText(results[0]?.city ?? city)}* (${results.length}, newest first)`];
  for (const [frameworkId, list] of byFramework) {
    const newestFirst = [...list].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
    lines.push('', `*${frameworkName(frameworks, frameworkId)}*`);
    newestFirst.slice(0, HISTORY_LIMIT).forEach((result, i) => {
      const older = newestFirst[i + 1];
      const delta = formatDelta(result.overallPercent, older?.overallPercent);
      // Component scores only for the newest result: enough to act on, short enough for chat.
      const parts = i > 0 ? '' : ` · ${result.components.map((c) => `${c.label} ${formatPercent(c.percent)}`).join(', ')}`;
      lines.push(`• ${formatDate(result.completedAt, now)}: *${formatPercent(result.overallPercent)}*${delta === undefined ? '' : ` (${delta})`}${parts}`);
    });
    if (newestFirst.length > HISTORY_LIMIT) lines.push(`_…and ${newestFirst.length - HISTORY_LIMIT} older._`);
    if (newestFirst.length > 1) {
      const trend = newestFirst.slice(0, HISTORY_LIMIT).reverse().map((result) => formatPercent(result.overallPercent));
      lines.push(`Trend: ${trend.join(' → ')}`);
    }
  }
  return { text: lines.join('\n'), kind: 'info' };
};

/** Latest result per city in a workspace, for `results` without a city. */
export const citiesReply = (results: readonly AssessmentResult[], now: Date): Reply => {
  if (results.length === 0) return { text: 'No saved assessments in this workspace yet. Start one with `assess`.', kind: 'info' };
  const latest = new Map<string, { result: AssessmentResult; count: number }>();
  for (const result of results) {
    const key = result.city.toLowerCase();
    const entry = latest.get(key);
    if (entry === undefined) latest.set(key, { result, count: 1 });
    else entry.count += 1;
  }
  const lines = ['*Cities and teams with saved assessments* (latest first). Type `results <city>` for one city’s history.'];
  for (const { result, count } of latest.values()) {
    lines.push(`• *${escapeText(result.city)}*: ${count} result${count === 1 ? '' : 's'}, latest ${formatDate(result.completedAt, now)} (${formatPercent(result.overallPercent)})`);
  }
  return { text: lines.join('\n'), kind: 'info' };
};

/** Quotes a CSV field when needed and defuses spreadsheet formulas (a name starting with `=` etc.). */
const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const CSV_HEADER = [
  'result_id', 'completed_at', 'city', 'framework_id', 'framework_name', 'overall_percent',
  'component_id', 'component_label', 'component_percent', 'answered', 'total', 'user_id', 'channel_id',
] as const;

/**
 * The results as CSV, one row per result and component (a tidy layout that works for every
 * framework), newest first. Percentages keep one decimal; empty means not scored.
 */
export const resultsCsv = (results: readonly AssessmentResult[], frameworks: ReadonlyMap<string, Framework>): string => {
  const rows = [CSV_HEADER.join(',')];
  for (const result of results) {
    for (const component of result.components) {
      rows.push(
        [
          result.id, result.completedAt.toISOString(), result.city, result.frameworkId,
          frameworkName(frameworks, result.frameworkId), result.overallPercent,
          component.id, component.label, component.percent, component.answered, component.total,
          result.userId, result.channelId,
        ].map(csvField).join(','),
      );
    }
  }
  return rows.join('\n');
};

/** The CSV in a code block, ready to copy into a `.csv` file. */
export const csvReply = (results: readonly AssessmentResult[], frameworks: ReadonlyMap<string, Framework>): Reply => {
  if (results.length === 0) return { text: 'No saved assessments in this workspace yet, so there is nothing to export.', kind: 'info' };
  return {
    text: `Assessment results for this workspace: ${results.length} result${results.length === 1 ? '' : 's'}, one row per component. Copy the block into a file named \`assessment-results.csv\`.\n\`\`\`\n${resultsCsv(results, frameworks)}\n\`\`\``,
    kind: 'info',
  };
};
