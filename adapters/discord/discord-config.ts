import { z } from 'zod';
import { ConfigError } from '../../src/core/errors.js';
import { blankToUndefined } from '../../src/env-values.js';

const snowflakeSchema = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/u, 'must be a Discord id (17 to 20 digits)');

/**
 * Environment the Discord adapter needs. A plain object of env keys (no transform) so
 * `src/config.ts` can compose it with `.extend(discordEnvSchema.shape)` or `.partial()`.
 */
export const discordEnvSchema = z.object({
  /** Bot token from the Developer Portal (Bot tab). */
  DISCORD_TOKEN: z
    .string({ error: 'is required (the bot token from the Discord Developer Portal)' })
    .trim()
    .min(1, 'is required (the bot token from the Discord Developer Portal)')
    .regex(/^\S+$/u, 'must not contain spaces'),
  /** Application id, needed to register slash commands and to edit interaction replies. */
  DISCORD_APPLICATION_ID: z.preprocess(
    blankToUndefined,
    z.string({ error: 'is required (the application id from the Discord Developer Portal)' }).pipe(snowflakeSchema),
  ),
  /** Register commands for this guild only (instant) instead of globally (can take up to an hour). */
  DISCORD_GUILD_ID: z.preprocess(blankToUndefined, snowflakeSchema.optional()),
  /** Base of the REST API, e.g. a proxy; defaults to `https://discord.com/api`. */
  DISCORD_API_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/u, error: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((url) => url.replace(/\/+$/u, ''))
      .optional(),
  ),
  /**
   * `auto` (as many shards as Discord recommends) or a number: one process per shard under
   * discord.js's ShardingManager. Unset: one process, one connection, as a small bot needs.
   */
  DISCORD_SHARDS: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/u, "must be 'auto' or a number of shards (1 or more)")
      .transform((value): 'auto' | number => (value === 'auto' ? 'auto' : Number(value)))
      .optional(),
  ),
});

/** Parsed Discord settings, keyed like the environment. */
export type DiscordConfig = z.infer<typeof discordEnvSchema>;

/**
 * Parses the Discord settings from an environment, throwing a {@link ConfigError} that lists
 * every problem (one per line), never just the first.
 */
export const parseDiscordConfig = (env: Record<string, string | undefined>): DiscordConfig => {
  const parsed = discordEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.') || 'environment'} ${issue.message}`);
  throw new ConfigError(`Discord configuration is invalid:\n${problems.join('\n')}`);
};
