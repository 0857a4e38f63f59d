import type { ResultStore, SessionStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';
import { citiesReply, historyReply, noResultsReply, unfinishedNote, withNote } from './history.js';
import { info } from './service-replies.js';
import { cleanCity, namedCity } from './start-args.js';

/** A city's name without case or accents: "Dún Laoghaire" and "dun laoghaire" are one city. */
const foldedCity = (city: string): string => city.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * The name under which a workspace's results know a city: as typed when results have it (case
 * aside), else the spelling of a result that differs from it only in accents, else as typed.
 */
export const knownCityName = async (results: ResultStore, workspace: string, city: string): Promise<string> => {
  const exact = (await results.list(workspace, { city, limit: 1 }))[0]?.city;
  if (exact !== undefined) return exact;
  const wanted = foldedCity(city);
  return (await results.list(workspace, { limit: 500 })).find((result) => foldedCity(result.city) === wanted)?.city ?? city;
};

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
  const lookUp = (name: string) => stores.results.list(workspace, name === '' ? { limit: 500 } : { city: name });
  let name = typed === '' ? typed : await knownCityName(stores.results, workspace, typed);
  let found = await lookUp(name);
  if (found.length === 0 && 'city' in stored && stored.city !== typed) {
    name = await knownCityName(stores.results, workspace, stored.city);
    found = await lookUp(name);
  }
  if (found.length > 0) return [name === '' ? citiesReply(found, now) : historyReply(name, found, frameworks, now)];
  const note = unfinishedNote(typed, await stores.sessions.listByWorkspace(workspace), frameworks, now);
  const none =
    typed !== '' ? noResultsReply(typed, await stores.results.list(workspace, { limit: 500 }), note !== undefined)
    : note !== undefined ? info('No finished assessments in this workspace yet.')
    : citiesReply(found, now);
  return [withNote(none, note)];
};
