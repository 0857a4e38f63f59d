import type { Passage } from './chunk.js';

/** A question that is a passage's heading word for word puts that passage this far ahead. */
export const HEADING_MATCH = 0.5;
/** Headings longer than this are not typed as questions. */
const MAX_HEADING_CHARS = 80;

/** A heading or question as lower-case words, for matching one against the other: cheap, as every heading is read once. */
const headingKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Passages by their heading (or a part of it before a colon or question mark): a question that is
 * a heading word for word ("Why cities?", "Challenges") wants that section, however common its words.
 */
export class HeadingIndex {
  private readonly byHeading = new Map<string, number[]>();

  constructor(passages: readonly Passage[]) {
    for (const [ref, passage] of passages.entries()) {
      if (passage.heading.length > MAX_HEADING_CHARS * 2) continue;
      const parts = [passage.heading, ...passage.heading.split(/[:?]/u)].filter((part) => part.length <= MAX_HEADING_CHARS);
      for (const heading of new Set(parts.map(headingKey))) {
        if (heading !== '') this.byHeading.set(heading, [...(this.byHeading.get(heading) ?? []), ref]);
      }
    }
  }

  /** Positions of the passages whose heading is the question, word for word. */
  headedBy(question: string): readonly number[] {
    if (question.length > MAX_HEADING_CHARS) return [];
    const key = headingKey(question);
    return key === '' ? [] : (this.byHeading.get(key) ?? []);
  }
}
