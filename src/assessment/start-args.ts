import type { Framework } from './framework-schema.js';
import { normaliseWords } from './typed-input.js';

/** What followed `assess`: a keyword, or a framework name and/or `for <city>`. */
export interface StartArgs {
  keyword?: 'resume' | 'restart' | 'cancel' | 'list';
  frameworkQuery?: string;
  city?: string;
}

const KEYWORDS: Record<string, StartArgs['keyword']> = {
  resume: 'resume',
  continue: 'resume',
  restart: 'restart',
  'start over': 'restart',
  cancel: 'cancel',
  stop: 'cancel',
  list: 'list',
  frameworks: 'list',
  help: 'list',
};

/** City or team name as typed, made safe to show: no Markdown marks, one line, at most 80 characters. */
/**
 * A city as typed after a command, without a leading "for" or the sentence's own punctuation:
 * "for Leeds?" names Leeds; a name's own full stop ("St. Albans") is inside it.
 */
export const namedCity = (text: string): string =>
  text
    .replace(/^\s*for\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!,;:…]+$/u, '')
    .replace(/(?<=\p{L}{3})\.$/u, '');

export const cleanCity = (text: string): { city: string } | { error: string } => {
  const city = namedCity(
    text
      .replace(/[`<>|[\]{}#]/g, '')
      // Emphasis marks around words go ("*Leeds*"); an underscore inside a name ("snake_case_city") stays.
      .replace(/(?<![\p{L}\p{N}])[*_~]+|[*_~]+(?![\p{L}\p{N}])/gu, ''),
  );
  if (city === '' || !/\p{L}/u.test(city)) return { error: 'Please give the name of a city, town or team, for example `Leeds`.' };
  if (city.length > 80) return { error: 'That name is longer than 80 characters; please give a shorter one.' };
  return { city };
};

/**
 * Splits `assess` arguments: `niace for Leeds`, `for Leeds`, `key features`, `resume`. The first
 * `for` word starts the city, so `assess for Stratford-upon-Avon` keeps the whole name.
 */
export const parseStartArgs = (args: string): StartArgs => {
  // A `for` with no city after it ("unesco for") names no city.
  const trimmed = args.trim().replace(/\s+/g, ' ').replace(/(?:^|\s)for\s*[.?!,;:…]*$/iu, '').trim();
  const keyword = KEYWORDS[normaliseWords(trimmed)];
  if (keyword !== undefined) return { keyword };
  const match = /^(.*?)(?:^|\s)for\s+(.+)$/i.exec(trimmed);
  const frameworkPart = (match === null ? trimmed : (match[1] ?? '')).trim();
  const cityPart = match?.[2]?.trim();
  return {
    ...(frameworkPart === '' ? {} : { frameworkQuery: frameworkPart }),
    ...(cityPart === undefined || cityPart === '' ? {} : { city: cityPart }),
  };
};

/**
 * Finds a framework by what the user typed: its id, name or an alias, exactly or as the start of
 * one; a number picks from the list as shown. Several partial matches are `ambiguous`.
 */
export const resolveFramework = (
  query: string,
  frameworks: readonly Framework[],
): { framework: Framework } | { ambiguous: Framework[] } | { none: true } => {
  const words = normaliseWords(query);
  if (/^\d+$/.test(words)) {
    const picked = frameworks[Number(words) - 1];
    return picked === undefined ? { none: true } : { framework: picked };
  }
  const namesOf = (framework: Framework): string[] =>
    [framework.id, framework.name, ...(framework.aliases ?? [])].map(normaliseWords);
  const exact = frameworks.filter((framework) => namesOf(framework).includes(words));
  if (exact.length === 1 && exact[0] !== undefined) return { framework: exact[0] };
  if (words.length < 3) return { none: true };
  const partial = frameworks.filter((framework) =>
    namesOf(framework).some((name) => name.startsWith(words) || ` ${name} `.includes(` ${words} `)),
  );
  if (partial.length === 1 && partial[0] !== undefined) return { framework: partial[0] };
  return partial.length > 1 ? { ambiguous: partial } : { none: true };
};

/**
 * The framework picked at the picker: a number from the list as it was shown (`offered`, ids in
 * order), whatever frameworks were reloaded since; otherwise by name as {@link resolveFramework}.
 */
export const pickFramework = (text: string, offered: readonly string[] | undefined, frameworks: readonly Framework[]): Framework | undefined => {
  const number = /^\s*(\d{1,3})[.)]?\s*$/u.exec(text);
  const id = number === null ? undefined : offered?.[Number(number[1]) - 1];
  if (id !== undefined) return frameworks.find((framework) => framework.id === id);
  const found = resolveFramework(text, frameworks);
  return 'framework' in found ? found.framework : undefined;
};
