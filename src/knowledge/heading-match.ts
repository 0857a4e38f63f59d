import type { Passage } from './chunk.js';

/** A question that is a passage's heading word for word puts that passage this far ahead. */
export const HEADING_MATCH = 0.5;
/** Headings longer than this are not typed as questions. */
const MAX_HEADING_CHARS = 80;

/** A heading that says its passage defines something: "Definition of a Learning Community". */
const DEFINITION_HEADING = /^(?:(?:the\s+)?definitions?\s+of|what\s+is|what\s+are|defining)\s+(.+)$/u;
/** A heading asking why of one word: "Why cities?", "Why learning?". */
const WHY_HEADING = /^why\s+(\S+)$/u;
/**
 * A why-question and the word it asks why of, after any verb: "why should cities…" → cities. Not
 * one qualifying the noun after it ("why are learning cities described as…" asks of learning
 * cities, not of learning).
 */
const WHY_ASKED = /^why\s+(?:(?:is|are|was|were|do|does|did|should|would|could|can|must|will|have|has)\s+)?(?:the\s+|a\s+|an\s+)?(\S+)(?=\s|$)(?!\s+(?:cit(?:y|ies)|communit(?:y|ies)|regions?|towns?|organisations?|organizations?|festivals?|networks?|partnerships?|providers?|opportunit(?:y|ies)|needs?|society|societies)\b)/u;
/** Words that say nothing of what is defined. */
const SUBJECT_FILLERS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'its', 'their']);
/** The content words of what a heading defines or a question asks about, singular ("cities" as city). */
const subjectWords = (key: string): string[] =>
  key
    .split(' ')
    .filter((word) => word !== '' && !SUBJECT_FILLERS.has(word))
    .map((word) => word.replace(/ies$/u, 'y').replace(/(?<=[^s])s$/u, ''));

/** A heading or question as lower-case words, for matching one against the other: cheap, as every heading is read once. */
const headingKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Passages by their heading (or a part of it before a colon or question mark): a question that is
 * a heading word for word ("Why cities?", "Challenges") wants that section, however common its words.
 */
export class HeadingIndex {
  private readonly byHeading = new Map<string, number[]>();
  /** Passages headed as the definition of something ("Definition of a Learning Community"), with the words of what they define. */
  private readonly definitions: Array<{ ref: number; words: Set<string> }> = [];
  /** Passages headed as a why-question ("Why cities?"), with the words of what they ask why of. */
  private readonly whys: Array<{ ref: number; words: Set<string> }> = [];

  constructor(passages: readonly Passage[]) {
    for (const [ref, passage] of passages.entries()) {
      if (passage.heading.length > MAX_HEADING_CHARS * 2) continue;
      const parts = [passage.heading, ...passage.heading.split(/[:?]/u)].filter((part) => part.length <= MAX_HEADING_CHARS);
      for (const heading of new Set(parts.map(headingKey))) {
        if (heading !== '') this.byHeading.set(heading, [...(this.byHeading.get(heading) ?? []), ref]);
      }
      const key = headingKey(passage.heading);
      const defined = DEFINITION_HEADING.exec(key)?.[1];
      if (defined !== undefined) this.definitions.push({ ref, words: new Set(subjectWords(defined)) });
      const why = WHY_HEADING.exec(key)?.[1];
      if (why !== undefined) this.whys.push({ ref, words: new Set(subjectWords(why)) });
    }
  }

  /**
   * Positions of the passages headed as the definition of what a "what is…?" question asks about:
   * "What is a learning city?" wants "Definition of a Learning City, Town or Region". Every word of
   * the question's subject must be in the heading's.
   */
  definingFor(subject: string): readonly number[] {
    if (subject.length > MAX_HEADING_CHARS) return [];
    const asked = subjectWords(headingKey(subject));
    if (asked.length === 0) return [];
    return this.definitions.filter(({ words }) => asked.every((word) => words.has(word))).map(({ ref }) => ref);
  }

  /**
   * Positions of the passages headed as the question why something ("Why cities?", "Why
   * learning?") when a why-question asks it of that thing, named first after its verb ("Why
   * should cities lead on this?", "why is learning so important for a town?").
   */
  whyFor(question: string): readonly number[] {
    const found = WHY_ASKED.exec(headingKey(question));
    if (found === null) return [];
    const subject = subjectWords(found[1] ?? '')[0];
    return subject === undefined ? [] : this.whys.filter(({ words }) => words.has(subject)).map(({ ref }) => ref);
  }

  /** Positions of the passages whose heading is the question, word for word. */
  headedBy(question: string): readonly number[] {
    if (question.length > MAX_HEADING_CHARS) return [];
    const key = headingKey(question);
    return key === '' ? [] : (this.byHeading.get(key) ?? []);
  }
}
