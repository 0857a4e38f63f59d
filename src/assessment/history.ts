import type { AssessmentResult, SessionKey, StoredSession } from '../core/assessment-store.js';
import { editDistance } from '../knowledge/typos.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';
import { formatDate, formatDateTime, formatDelta, formatPercent } from './format.js';
import { codeSpan, escapeText } from '../core/markdown.js';

/** Results shown per framework in a history; older ones still count in the CSV export. */
const HISTORY_LIMIT = 10;

const frameworkName = (frameworks: ReadonlyMap<string, Framework>, id: string): string => frameworks.get(id)?.name ?? id;

/** One kind of result for one framework, newest first, with changes and a trend. */
const historyLines = (list: readonly AssessmentResult[], now: Date, rounds: boolean): string[] => {
  const lines: string[] = [];
  const newestFirst = [...list].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  const shown = newestFirst.slice(0, HISTORY_LIMIT);
  // Two results of one day (neighbours, newest first) are told apart by their time, of one minute by their seconds.
  const sameAsNeighbour = (labels: readonly string[], i: number): boolean => labels[i] === labels[i - 1] || labels[i] === labels[i + 1];
  const dates = shown.map((result) => formatDate(result.completedAt, now));
  const times = shown.map((result) => formatDateTime(result.completedAt, now));
  const when = (i: number, result: AssessmentResult): string =>
    !sameAsNeighbour(dates, i) ? (dates[i] ?? '') : sameAsNeighbour(times, i) ? formatDateTime(result.completedAt, now, true) : (times[i] ?? '');
  shown.forEach((result, i) => {
    const older = newestFirst[i + 1];
    const delta = formatDelta(result.overallPercent, older?.overallPercent);
    const who = rounds ? ` · ${result.respondents ?? 0} respondent${result.respondents === 1 ? '' : 's'}` : '';
    // Component scores only for the newest result: enough to act on, short enough for chat.
    const parts = i > 0 ? '' : ` · ${result.components.map((c) => `${c.label} ${formatPercent(c.percent)}`).join(', ')}`;
    lines.push(`• ${when(i, result)}: *${formatPercent(result.overallPercent)}*${delta === undefined ? '' : ` (${delta})`}${who}${parts}`);
  });
  if (newestFirst.length > HISTORY_LIMIT) lines.push(`_…and ${newestFirst.length - HISTORY_LIMIT} older._`);
  if (newestFirst.length > 1) {
    const trend = newestFirst.slice(0, HISTORY_LIMIT).reverse().map((result) => formatPercent(result.overallPercent));
    lines.push(`${rounds ? 'Trend of rounds' : 'Trend'}: ${trend.join(' → ')}`);
  }
  return lines;
};

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
    lines.push('', `*${frameworkName(frameworks, frameworkId)}*`);
    // City-wide rounds and single assessments are told apart, each with its own changes and trend.
    const kinds = [list.filter((result) => result.kind !== 'group'), list.filter((result) => result.kind === 'group')].filter((part) => part.length > 0);
    for (const part of kinds) {
      const rounds = part[0]?.kind === 'group';
      if (kinds.length > 1 || rounds) lines.push(rounds ? '_City-wide rounds (median of respondents):_' : '_Individual assessments:_');
      lines.push(...historyLines(part, now, rounds));
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

/** Known city names close to `name`: a few letters off ("Brakley" for Brackley, "Crok" for Cork) or starting the same way. */
export const closeCityNames = (name: string, cities: readonly string[]): string[] => {
  const wanted = name.trim().toLowerCase();
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return [...new Set(cities)]
    .map((city) => ({ city, d: editDistance(wanted, city.toLowerCase(), allowed) }))
    .filter((entry) => entry.d <= allowed || (wanted.length >= 3 && entry.city.toLowerCase().startsWith(wanted)))
    .sort((a, b) => a.d - b.d || a.city.localeCompare(b.city))
    .slice(0, 3)
    .map((entry) => entry.city);
};

/** No results for `city`: suggests close names from this workspace's results, or how to start. */
export const noResultsReply = (city: string, results: readonly AssessmentResult[], unfinished = false): Reply => {
  // Started but not finished: the note under the reply says so and how to go on, not to start another.
  if (unfinished) return { text: `No finished assessments for *${escapeText(city)}* in this workspace yet.`, kind: 'info' };
  const close = closeCityNames(city, results.map((result) => result.city));
  const suggestion =
    close.length > 0
      ? ` Did you mean ${close.map((name) => `*${escapeText(name)}*`).join(' or ')}? Type ${codeSpan(`results ${close[0] ?? ''}`)}.`
      : ` Start one with ${codeSpan(`assess for ${city}`)}${results.length > 0 ? ', or type `results` to list the cities that have results' : ''}.`;
  return { text: `No saved assessments for *${escapeText(city)}* in this workspace yet.${suggestion}`, kind: 'info' };
};

/** Unfinished assessments named at most in a results reply; the digest lists them all. */
const MAX_UNFINISHED_NAMED = 5;

/**
 * A note under a results reply that shows no result for `city` (or none at all, without a city):
 * assessments of it started but not finished, which keep no result until they are. Undefined when
 * there are none. Someone who paused an assessment and asks for results learns why there are none.
 */
export const unfinishedNote = (
  city: string,
  sessions: ReadonlyArray<SessionKey & StoredSession>,
  frameworks: ReadonlyMap<string, Framework>,
  now: Date,
): string | undefined => {
  const wanted = city.trim().toLowerCase();
  const matching = sessions
    .filter((session) => session.city !== '' && session.frameworkId !== '' && (wanted === '' || session.city.toLowerCase() === wanted))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  if (matching.length === 0) return undefined;
  const named = matching
    .slice(0, MAX_UNFINISHED_NAMED)
    .map((session) => `*${escapeText(session.city)}* (${frameworkName(frameworks, session.frameworkId)}, last answer ${formatDate(session.updatedAt, now)})`);
  const more = matching.length > MAX_UNFINISHED_NAMED ? ` and ${matching.length - MAX_UNFINISHED_NAMED} more` : '';
  const one = matching.length === 1;
  return (
    `${one ? 'An assessment is' : `${matching.length} assessments are`} started but not finished: ${named.join('; ')}${more}. ` +
    `A result is kept once ${one ? 'it is' : 'each is'} finished; whoever started ${one ? 'it' : 'one'} carries on with \`assess resume\` in the same conversation.`
  );
};

/** `reply` with `note` as a paragraph of its own, when there is one. */
export const withNote = (reply: Reply, note: string | undefined): Reply => (note === undefined ? reply : { ...reply, text: `${reply.text}\n\n${note}` });
