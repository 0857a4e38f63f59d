import type { AssessmentResult, ResultStore, SessionStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';
import { citiesReply, historyReply, noResultsReply, unfinishedNote, withNote } from './history.js';
import { info } from './service-replies.js';
import { cleanCity, namedCity } from './start-args.js';

/** Results read to list a workspace's cities or match a name against them. */
const RECENT_RESULTS = 500;

/** A city's name without case or accents: "Dún Laoghaire" and "dun laoghaire" are one city. */
const foldedCity = (city: string): string => city.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * The name under which a workspace's results know a city: as typed when results have it (case
 * aside), else the spelling of a result that differs from it only in accents, else as typed.
 */
export const knownCityName = async (
  results: ResultStore,
  workspace: string,
  city: string,
  recent: () => Promise<AssessmentResult[]> = () => recentResults(results, workspace),
): Promise<string> => {
  const exact = (await results.list(workspace, { city, limit: 1 }))[0]?.city;
  if (exact !== undefined) return exact;
  const wanted = foldedCity(city);
  return (await recent()).find((result) => foldedCity(result.city) === wanted)?.city ?? city;
};

/** The workspace's latest results, for matching names against: enough for every city it keeps. */
const recentResults = (results: ResultStore, workspace: string): Promise<AssessmentResult[]> => results.list(workspace, { limit: RECENT_RESULTS });

/**
 * The reply to `results [city]` in a workspace: one city's history, or the cities with results; when
 * there are none, close names and the assessments started but not finished. "results Leeds." or
 * "results for Leeds" names Leeds, as `assess for Leeds.` does; "*Leeds*" is Leeds as `assess`
 * stored it, when nothing was saved under the name as typed.
 */
export const resultsReplies = async (
  stores: { results: ResultStore; sessions: SessionStore },
  workspace: string,
  city: string,
  frameworks: ReadonlyMap<string, Framework>,
  now: Date,
): Promise<Reply[]> => {
  const typed = namedCity(city);
  const stored = cleanCity(city);
  // The workspace's latest results are read once, whichever of the steps below needs them first.
  let latest: Promise<AssessmentResult[]> | undefined;
  const recent = (): Promise<AssessmentResult[]> => (latest ??= recentResults(stores.results, workspace));
  const lookUp = (name: string) => (name === '' ? recent() : stores.results.list(workspace, { city: name }));
  let name = typed === '' ? typed : await knownCityName(stores.results, workspace, typed, recent);
  let found = await lookUp(name);
  if (found.length === 0 && 'city' in stored && stored.city !== typed) {
    name = await knownCityName(stores.results, workspace, stored.city, recent);
    found = await lookUp(name);
  }
  if (found.length > 0) return [name === '' ? citiesReply(found, now) : historyReply(name, found, frameworks, now)];
  const note = unfinishedNote(typed, await stores.sessions.listByWorkspace(workspace), frameworks, now);
  const none =
    typed !== '' ? noResultsReply(typed, await recent(), note !== undefined)
    : note !== undefined ? info('No finished assessments in this workspace yet.')
    : citiesReply(found, now);
  return [withNote(none, note)];
};
