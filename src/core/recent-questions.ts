/** Conversations remembered at once; the oldest is forgotten first, so memory stays bounded. */
const DEFAULT_LIMIT = 10_000;

/**
 * The last question asked in each conversation, so a short follow-up ("and who funds it?") can be
 * read with the question before it. Kept in memory only: a restart forgets, which costs little.
 */
export class RecentQuestions {
  private readonly last = new Map<string, string>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** The previous question of the conversation, and remembers `question` as the new last one. */
  swap(conversation: string, question: string): string | undefined {
    const previous = this.last.get(conversation);
    this.last.delete(conversation);
    if (this.last.size >= this.limit) this.last.delete(this.last.keys().next().value as string);
    this.last.set(conversation, question);
    return previous;
  }

  get size(): number {
    return this.last.size;
  }
}
