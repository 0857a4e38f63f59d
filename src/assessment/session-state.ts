import { z } from 'zod';
import { engineStateSchema } from './engine.js';

/**
 * What the service keeps in `StoredSession.state`: either the set-up steps before the first
 * question (choosing a framework, naming the city) or a running engine. While choosing,
 * the stored `frameworkId` / `city` columns are empty strings.
 */
export const sessionStateSchema = z.discriminatedUnion('phase', [
  z.object({
    phase: z.literal('choose-framework'),
    city: z.string().min(1).optional(),
    /** The ids of the frameworks offered, in the order shown: a number typed picks from them, whatever was reloaded since. */
    offered: z.array(z.string().min(1)).optional(),
  }),
  z.object({
    phase: z.literal('choose-city'),
    frameworkId: z.string().min(1),
    /** Last city used here, offered as a button. */
    suggestedCity: z.string().min(1).optional(),
  }),
  z.object({
    phase: z.literal('run'),
    engine: engineStateSchema,
    /** Set while the user is asked "resume or start over?"; holds what the new start asked for. */
    restartOffer: z
      .object({ frameworkId: z.string().min(1).optional(), city: z.string().min(1).optional() })
      .optional(),
  }),
]);

export type SessionState = z.infer<typeof sessionStateSchema>;
