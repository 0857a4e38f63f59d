import { z } from 'zod';

/**
 * The engine's state as stored between messages. Plain JSON; validated with this schema when read
 * back, because it may come from a database written by an older version.
 */
export const engineStateSchema = z.object({
  version: z.literal(1),
  frameworkId: z.string().min(1),
  city: z.string().min(1),
  /** 0-based position of the question being asked. */
  index: z.number().int().min(0),
  /** Id of that question, so a framework file edited between steps does not shift the position. */
  questionId: z.string().nullable(),
  /** Question id -> chosen level value, `null` when skipped. Unasked questions are absent. */
  answers: z.record(z.string(), z.number().int().nullable()),
  status: z.enum(['active', 'paused', 'complete', 'cancelled']),
  /** A yes/no question waiting for its answer: a level read from a vague word, or discarding the assessment. */
  pending: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('answer'), value: z.number().int(), position: z.number().int().min(1) }),
      z.object({ type: z.literal('cancel') }),
    ])
    .optional(),
});

export type EngineState = z.infer<typeof engineStateSchema>;

