import type { ResultStore, SessionStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import type { Framework } from './framework-schema.js';
import { citiesReply, historyReply, noResultsReply, unfinishedNote, withNote } from './history.js';
import { info } from './service-replies.js';
import { cleanCity, namedCity } from './start-args.js';

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
  let name = typed;
  let found = await lookUp(typed);
  if (found.length === 0 && 'city' in stored && stored.city !== typed) [name, found] = [stored.city, await lookUp(stored.city)];
  if (found.length > 0) return [name === '' ? citiesReply(found, now) : historyReply(name, found, frameworks, now)];
  const note = unfinishedNote(typed, await stores.sessions.listByWorkspace(workspace), frameworks, now);
  const none =
    typed !== '' ? noResultsReply(typed, await stores.results.list(workspace, { limit: 500 }), note !== undefined)
    : note !== undefined ? info('No finished assessments in this workspace yet.')
    : citiesReply(found, now);
  return [withNote(none, note)];
};
