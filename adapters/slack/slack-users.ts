import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { errorMessage } from '../../src/core/errors.js';
import type { Clock, Logger } from '../../src/core/ports.js';

const usersInfoSchema = z.object({
  user: z
    .object({
      name: z.string().optional(),
      real_name: z.string().optional(),
      is_admin: z.boolean().optional(),
      is_owner: z.boolean().optional(),
      is_primary_owner: z.boolean().optional(),
      profile: z.object({ display_name: z.string().optional() }).optional(),
    })
    .optional(),
});

/** What the core may know about a user: a name to address them by and whether they administer the workspace. */
export interface SlackUserInfo {
  userName?: string;
  isAdmin?: boolean;
}

interface CacheEntry {
  /** Shared by concurrent lookups of the same user, so a burst of messages costs one call. */
  info: Promise<SlackUserInfo>;
  expires: number;
}

/**
 * Looks users up with `users.info` (scope users:read) and caches the answer for a while, so only a
 * user's first message in that time costs a call. A failed lookup is logged and yields nothing:
 * the question is still answered.
 */
export class SlackUsers {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly ttlMs = 10 * 60_000,
    private readonly capacity = 1_000,
  ) {}

  /** `client` carries the workspace's own token (each workspace has its own in OAuth mode). */
  lookup(client: webApi.WebClient, teamId: string, userId: string): Promise<SlackUserInfo> {
    const key = `${teamId}:${userId}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.info;
    const info = this.fetch(client, userId);
    this.cache.delete(key);
    this.cache.set(key, { info, expires: now + this.ttlMs });
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return info;
  }

  private async fetch(client: webApi.WebClient, userId: string): Promise<SlackUserInfo> {
    try {
      const parsed = usersInfoSchema.safeParse(await client.users.info({ user: userId }));
      const user = parsed.success ? parsed.data.user : undefined;
      if (!user) return {};
      const name = user.profile?.display_name || user.real_name || user.name;
      return {
        ...(name ? { userName: name } : {}),
        isAdmin: user.is_admin === true || user.is_owner === true || user.is_primary_owner === true,
      };
    } catch (error) {
      this.logger.warn({ component: 'slack', err: errorMessage(error) }, 'users.info failed; continuing without user details');
      return {};
    }
  }
}
