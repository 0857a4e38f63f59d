/** How the ranking weighs what it knows of a passage; fitted on the tuning half of the evaluation set. */
export interface RankWeights {
  /** Share of the question's weight the passage covers. */
  coverage: number;
  /** Lunr's score relative to the best one's. */
  lunr: number;
  /** A definition question and a passage that defines. */
  defines: number;
  /**
   * Share of the question's adjacent word pairs adjacent in the passage too. Cross-validated over
   * the seven tuning halves, right minus wrong was 287, 288, 292, 291 and 291 at 0.2–0.6.
   */
  adjacency: number;
  /**
   * Coverage by the passage's best sentence (with its heading). Refitted with credit lines no
   * longer counting as a passage's best sentence for most questions: cross-validated over the eight
   * fitted tuning halves, right minus wrong was 384 at 0.1, 386 at 0.15 and 0.2; on the nine tuning
   * halves 426, 429 and 433 after refitting (0.05: 424, 0.25: 429 and 0.3: 426 before refitting).
   */
  sentence: number;
  /**
   * A question asking for several things ("what are the three strands…") and a passage whose list
   * matches it nearly as well as its best sentence. 0.05–0.2 moved no tuning question; the least is kept.
   */
  list: number;
  /**
   * A passage of slides, for a question that says it was read in them ("what does the deck say
   * about…", "the presentation", "a slide"). Cross-validated over the seven tuning halves, right
   * minus wrong was 287 at 0.2–1.5 against 283 without; the same for pages ("the page", "the
   * site") answered more and more wrongly, and is not done.
   */
  readIn: number;
}

export const defaultRankWeights: RankWeights = { coverage: 0.55, lunr: 0.35, defines: 0.1, adjacency: 0.4, sentence: 0.2, list: 0.05, readIn: 0.3 };
