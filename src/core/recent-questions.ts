import type { AnswerSource } from './ports.js';

/** Conversations remembered at once; the oldest is forgotten first, so memory stays bounded. */
const DEFAULT_LIMIT = 10_000;
/** Passages remembered as shown per question: `more` rarely goes further than a few. */
const MAX_SHOWN = 20;

/** The last question of a conversation, the one before it, and the passages its answers have shown. */
export interface RecentQuestion {
  question: string;
  previous: string | undefined;
  /** What a follow-up to this question leans on: the question itself, or, when it was a follow-up that kept its subject, the question it leaned on. */
  topic?: string | undefined;
  /** Texts of the passages cited so far in answer to it (the first answer, then each `more`). */
  shown: string[];
  /** When it was asked: during an assessment, `more` and follow-ups go on only from questions asked since it started. */
  at: Date;
  /**
   * When the last answer quoted only part of its passage: that source, its `passage` being the
   * sentences not shown yet, which `more` shows first.
   */
  partly?: AnswerSource | undefined;
}

/**
 * The last question asked in each conversation, so a short follow-up ("and who funds it?") can be
 * read with the question before it, and `more` can go on from the passages already shown. Kept in
 * memory only: a restart forgets, which costs little.
 */
export class RecentQuestions {
  private readonly last = new Map<string, RecentQuestion>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /**
   * The previous question of the conversation (with `since`, only one asked since then), and
   * remembers `question`, asked `at`, as the new last one.
   */
  swap(conversation: string, question: string, at: Date, since?: Date): string | undefined {
    const last = this.current(conversation, since);
    const previous = last?.topic ?? last?.question;
    this.last.delete(conversation);
    if (this.last.size >= this.limit) this.last.delete(this.last.keys().next().value as string);
    this.last.set(conversation, { question, previous, shown: [], at });
    return previous;
  }

  /** The conversation's last question, if one is remembered (with `since`, only one asked since then). */
  current(conversation: string, since?: Date): RecentQuestion | undefined {
    const last = this.last.get(conversation);
    return since !== undefined && last !== undefined && last.at.getTime() < since.getTime() ? undefined : last;
  }

  /** Makes `topic` what a follow-up to the conversation's last question leans on (see {@link RecentQuestion.topic}). */
  keepTopic(conversation: string, topic: string): void {
    const entry = this.last.get(conversation);
    if (entry !== undefined) entry.topic = topic;
  }

  /** Adds passages to those shown for the conversation's last question; `partly`: what is left of the one quoted in part. */
  markShown(conversation: string, passages: readonly string[], partly?: AnswerSource): void {
    const entry = this.last.get(conversation);
    if (entry === undefined) return;
    entry.partly = partly;
    for (const passage of passages) if (!entry.shown.includes(passage)) entry.shown.push(passage);
    entry.shown.splice(0, Math.max(0, entry.shown.length - MAX_SHOWN));
  }

  get size(): number {
    return this.last.size;
  }
}
