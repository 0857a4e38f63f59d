/** One 👍/👎 as recorded; the shape {@link FeedbackStore.recordFeedback} accepts. */
export interface FeedbackEntry {
  workspace: string;
  userId: string;
  key: string;
  helpful: boolean;
  at: Date;
}
