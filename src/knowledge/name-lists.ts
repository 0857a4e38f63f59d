import type { Concept } from './concepts.js';
import { holdsConcept, type PassageSentence } from './passage-shape.js';
import { words } from './text.js';

/** A name of one or more capitalised words: "Sheffield", "St. John’s", "South Korea". */
const NAME = String.raw`\p{Lu}[\p{L}’'.\-]*(?:\s+\p{Lu}[\p{L}’'.\-]*)*`;
/** Three names or more in a row, between commas or semicolons, the last perhaps after "and": "Southampton, Sheffield, Swansea, Norwich and Retford". */
const NAME_RUN = new RegExp(String.raw`${NAME}(?:\s*[,;]\s*${NAME}){1,}(?:[,;]?\s+(?:and|or)\s+${NAME})?`, 'gu');
/** A line of names and nothing else: the list item "Edinburgh, Scotland". */
const NAME_LINE = new RegExp(String.raw`^[\s\-–•*]*${NAME}(?:\s*,\s*${NAME})*[.;]?\s*$`, 'u');

/** True when the text holds the name only in a list of names (three or more in a row, or a line of names alone). */
const listsOnly = (text: string, name: readonly string[]): boolean => {
  const holds = (part: string): boolean => {
    const found = words(part);
    return name.every((word) => found.includes(word));
  };
  if (NAME_LINE.test(text)) return holds(text);
  const runs = [...text.matchAll(NAME_RUN)].map(([run]) => run).filter((run) => run.split(/[,;]|\s(?:and|or)\s/u).length >= 3);
  if (!runs.some(holds)) return false;
  // Outside its lists the sentence must not name it again ("Sheffield, Leeds and York… Sheffield's plan is…").
  let rest = text;
  for (const run of runs) rest = rest.replace(run, ' ');
  return !holds(rest);
};

/**
 * The names of the question (places, bodies; not years) that the passage holds only in lists of
 * names: "Sheffield" in "…Southampton, Sheffield, Swansea, Norwich and Retford". Such a passage
 * says the place is one of several and nothing more about it, so it does not answer what, when or
 * who about it ("when did Sheffield become a learning city?"), only whether it is among them.
 */
export const namesOnlyListed = (concepts: readonly Concept[], sentences: readonly PassageSentence[]): Concept[] =>
  concepts.filter((concept) => {
    if (!concept.entity || /^\d+$/u.test(concept.surface)) return false;
    const holding = sentences.filter((sentence) => holdsConcept(concept, sentence.terms));
    const name = words(concept.surface);
    return holding.length > 0 && name.length > 0 && holding.every((sentence) => listsOnly(sentence.text, name));
  });
