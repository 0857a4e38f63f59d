import type { Passage } from './chunk.js';

/** A question that is a passage's heading word for word puts that passage this far ahead. */
export const HEADING_MATCH = 0.5;
/**
 * A why-question asked of what a heading asks why of ("why do the slides argue that cities are the
 * right place…" and "Why cities?"), or a heading quoted in the question, puts that passage this far
 * ahead: such questions are long, and their other words are rarely the section's own. On the ten
 * tuning halves, right minus wrong was 498 at 0.5, 505 at 0.8, 506 at 1.0 and 505 at 1.5.
 */
export const HEADING_ASKED = 1.0;
/**
 * A question asking what a document says in closing ("in the wrap-up", "the deck's final slide")
 * puts the sections headed as closing one ("Concluding remarks") this far ahead. On the eleven
 * tuning halves, right minus wrong was 549 without, 549 at 0.2, 551 at 0.3 and 552 at 0.5, 0.8 and 1.0.
 */
export const HEADING_CLOSING = 0.5;
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
/**
 * A why-question about what the documents argue, and the word it asks why of, after what the
 * document is said to argue: "why do the slides argue that cities are the right place…" → cities,
 * "why does the 'Building learning cities' deck say cities…" → cities (a title may stand between).
 */
const WHY_ARGUED = /^why\s+(?:do|does|did|would)\s+(?:the\s+|this\s+|that\s+)?(?:\S+\s+){0,5}?(?:slides?|deck|presentation|page|site|website|documents?|text|authors?|speaker|material)\s+(?:say|argue|claim|suggest|think|believe|insist|state|hold)\s+(?:that\s+)?(?:the\s+)?(\S+)(?=\s|$)(?!\s+(?:cit(?:y|ies)|communit(?:y|ies)|regions?|towns?)\b)/u;
/**
 * Reasons asked for by name, and the word they are asked of: "reasons why cities…", "the reasons
 * cities are the focus", "the case for cities", "what reasons does the deck give for focusing on
 * cities?".
 */
const REASONS_ASKED = /\b(?:(?:reasons?|rationale)\s+(?:why|that)|(?:reasons?|rationale)(?=\s+(?:the\s+)?\S+\s+(?:is|are|should|must|can|could|would|do|does|make|matter)\b)|(?:the\s+)?(?:case|argument|reasons?|rationale)\s+for|reasons?\b(?:\s+\S+){1,8}?\s+give\s+for)\s+(?:(?:focus+ing|concentrating|cent(?:r|er)ing|building)\s+on\s+|(?:choosing|picking|selecting|targeting|prioriti[sz]ing)\s+)?(?:the\s+)?(\S+)(?=\s|$)(?!\s+(?:cit(?:y|ies)|communit(?:y|ies)|regions?|towns?)\b)/u;
/** A part of a question in quotation marks: a heading it names ("under 'Why cities?'"). */
const QUOTED = /(?:^|[\s(])['‘"“]([^'’"”]{2,80}?)['’"”](?=[\s.,;:?!)]|$)/gu;
/** A heading closing a document: "Concluding remarks", "Conclusions", "Summary", "Final thoughts". */
const CLOSING_HEADING = /^(?:concluding\s+(?:remarks|thoughts|comments)|conclusions?|in\s+conclusion|summary|final\s+(?:remarks|thoughts|words)|closing\s+(?:remarks|thoughts|words)|wrap\s+up)$/u;
/**
 * A question asking what a document says in closing: "the concluding remarks", "the closing
 * messages", "the deck's final slide", "in the wrap-up", "what did the deck conclude…". Not what
 * something else concluded ("what did the 1990 congress conclude?").
 */
const CLOSING_ASKED = /\b(?:concluding|closing|final|last)\s+(?:remarks?|messages?|slides?|section|part|words|thoughts)\b|\bwrap-?up\b|\b(?:deck|slides|presentation|page|document|presenter|speaker|author)\s+(?:conclude[sd]?|sums?\s+up)\b|\bconclusions?\s+of\s+the\s+(?:deck|slides|presentation|page|document)\b/i;
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

  /** Passages headed as closing their document ("Concluding remarks"). */
  private readonly closings: number[] = [];
  /** Passages headed by their document's title: a title quoted names the document, not a section. */
  private readonly titled = new Set<number>();

  constructor(passages: readonly Passage[]) {
    for (const [ref, passage] of passages.entries()) {
      if (headingKey(passage.heading) === headingKey(passage.title)) this.titled.add(ref);
      if (passage.heading.length > MAX_HEADING_CHARS * 2) continue;
      const parts = [passage.heading, ...passage.heading.split(/[:?]/u)].filter((part) => part.length <= MAX_HEADING_CHARS);
      for (const heading of new Set(parts.map(headingKey))) {
        if (heading !== '') this.byHeading.set(heading, [...(this.byHeading.get(heading) ?? []), ref]);
      }
      const key = headingKey(passage.heading);
      const defined = DEFINITION_HEADING.exec(key)?.[1];
      if (defined !== undefined) this.definitions.push({ ref, words: new Set(subjectWords(defined)) });
      if (CLOSING_HEADING.test(key)) this.closings.push(ref);
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
    return this.whysOf(WHY_ASKED.exec(headingKey(question)));
  }

  /** The passages headed as why the word `found` captured, singular. */
  private whysOf(found: RegExpExecArray | null): readonly number[] {
    const subject = subjectWords(found?.[1] ?? '')[0];
    return subject === undefined ? [] : this.whys.filter(({ words }) => words.has(subject)).map(({ ref }) => ref);
  }

  /**
   * Positions of the passages headed as the question why something when the question asks why the
   * documents argue something of that thing ("why do the slides argue that cities are the right
   * place…?"), or asks for the reasons for it, or the case for it ("what reasons does the deck give
   * for focusing on cities?"). Empty when the question asks why of a heading's word first: those
   * passages are {@link whyFor}'s.
   */
  reasonsFor(question: string): readonly number[] {
    const key = headingKey(question);
    if (this.whysOf(WHY_ASKED.exec(key)).length > 0) return [];
    return [...new Set([...this.whysOf(WHY_ARGUED.exec(key)), ...this.whysOf(REASONS_ASKED.exec(key))])];
  }

  /** Positions of the passages headed as closing their document, when the question asks what a document says in closing ({@link CLOSING_ASKED}). */
  closingFor(question: string): readonly number[] {
    return this.closings.length > 0 && CLOSING_ASKED.test(question) ? this.closings : [];
  }

  /** Positions of the passages headed by a part of the question in quotation marks ("what reasons are given under 'Why cities?'"). */
  quotedIn(question: string): readonly number[] {
    if (!/['‘"“]/u.test(question)) return [];
    return [...question.matchAll(QUOTED)].flatMap((quoted) => this.headedBy(quoted[1] ?? '').filter((ref) => !this.titled.has(ref)));
  }

  /** Positions of the passages whose heading is the question, word for word. */
  headedBy(question: string): readonly number[] {
    if (question.length > MAX_HEADING_CHARS) return [];
    const key = headingKey(question);
    return key === '' ? [] : (this.byHeading.get(key) ?? []);
  }
}
