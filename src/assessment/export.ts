import type { AreaSpread, AssessmentResult } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';

const frameworkName = (frameworks: ReadonlyMap<string, Framework>, id: string): string => frameworks.get(id)?.name ?? id;

/** Quotes a CSV field when needed and defuses spreadsheet formulas (a name starting with `=` etc.). */
export const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const CSV_HEADER = [
  'result_id', 'completed_at', 'city', 'framework_id', 'framework_name', 'overall_percent',
  'component_id', 'component_label', 'component_percent', 'answered', 'total', 'user_id', 'channel_id',
  'kind', 'respondents', 'median_level', 'q1_level', 'q3_level', 'min_level', 'max_level', 'agreement_percent',
] as const;

/** A group result's spread for one area; empty fields for an individual result. */
const spreadFields = (spread: AreaSpread | undefined): Array<number | null> =>
  spread === undefined
    ? [null, null, null, null, null, null]
    : [spread.median, spread.q1, spread.q3, spread.min, spread.max, Math.round(spread.agreement * 100)];

/**
 * The results as CSV, one row per result and component (a tidy layout that works for every
 * framework), newest first. Percentages keep one decimal; empty means not scored. A city-wide
 * round is one result of kind `group`: a row per area with the median, quartiles, range and
 * agreement of its respondents' levels and their count, and no one's answers.
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
          result.kind ?? 'individual', result.respondents ?? null,
          ...spreadFields(component.spread),
        ].map(csvField).join(','),
      );
    }
  }
  return rows.join('\n');
};

/** File name of an export: the workspace and the day, e.g. `T0LEARN-2026-11-29.csv`. */
export const exportFilename = (workspaceId: string, now: Date): string =>
  `${workspaceId.replace(/[^\w-]+/g, '_').slice(0, 60) || 'workspace'}-${now.toISOString().slice(0, 10)}.csv`;

/**
 * The results as a CSV file. Adapters that can hand over files attach or write it; the others show
 * its content as a block to copy.
 */
export const csvReply = (
  results: readonly AssessmentResult[], frameworks: ReadonlyMap<string, Framework>, workspaceId: string, now: Date,
): Reply => {
  if (results.length === 0) return { text: 'No saved assessments in this workspace yet, so there are no results to export.', kind: 'info' };
  return {
    text: `Assessment results for this workspace: ${results.length} result${results.length === 1 ? '' : 's'}, one row per component.`,
    kind: 'info',
    file: { filename: exportFilename(workspaceId, now), mimeType: 'text/csv', content: resultsCsv(results, frameworks) },
  };
};
