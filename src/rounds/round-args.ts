import { parseStartArgs } from '../assessment/start-args.js';

/** What followed `assess` for a city-wide round, before the framework, city and deadline are checked. */
export interface RoundArgs {
  frameworkQuery?: string;
  city?: string;
  /** The deadline phrase (`Friday 17:00`, `3 days`); absent for the default. */
  deadline?: string;
}

const GROUP_WORDS = /(?:^|\s)(?:as\s+(?:a\s+)?(?:group|partnership|round)|group|city-wide|citywide)(?=\s|$)/i;

/** True when `assess …` asks for a city-wide round (`as a group`, or the `/assess group` option). */
export const isGroupRequest = (args: string): boolean => GROUP_WORDS.test(args);

/**
 * Splits `niace for Leeds as a group until Friday 17:00` (also `group niace for Leeds for 3 days`)
 * into framework, city and deadline. The deadline comes last, after `until`/`closing`/`by`, or as
 * a length (`for 3 days`, `in 2 weeks`); everything else reads as `assess` arguments do.
 */
export const parseRoundArgs = (args: string): RoundArgs => {
  let text = args.trim().replace(/\s+/g, ' ');
  let deadline: string | undefined;
  const until = /(?:^|\s)(?:until|till|closing|deadline)\s+(.+)$/i.exec(text);
  const length = /(?:^|\s)((?:for|in)\s+(?:\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+(?:hours?|days?|weeks?))$/i.exec(text);
  if (until !== null) {
    deadline = until[1]?.trim();
    text = text.slice(0, until.index);
  } else if (length !== null) {
    deadline = length[1]?.trim();
    text = text.slice(0, length.index);
  }
  text = text.replace(GROUP_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const start = parseStartArgs(text);
  return {
    ...(start.frameworkQuery === undefined ? {} : { frameworkQuery: start.frameworkQuery }),
    ...(start.city === undefined ? {} : { city: start.city }),
    ...(deadline === undefined || deadline === '' ? {} : { deadline }),
  };
};
