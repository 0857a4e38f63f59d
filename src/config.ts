import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { discordEnvSchema, type DiscordConfig } from '../adapters/discord/discord-config.js';
import { parseSlackConfig, type SlackConfig } from '../adapters/slack/slack-config.js';
import { ConfigError } from './core/errors.js';
import { blankToUndefined } from './env-values.js';
import { projectRoot } from './knowledge/default-paths.js';
import { parseTokenKey, type TokenKeys } from './storage/token-cipher.js';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isPostgresUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/** A comma-separated list of ids; blank or missing is an empty list. */
const commaListSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .default('')
    .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== '')),
);

/** A token encryption key: 32 bytes in base64. The message names the variable, never the value. */
const tokenKeySchema = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((text, ctx) => {
        const key = parseTokenKey(text);
        if (key === undefined) {
          ctx.addIssue({ code: 'custom', message: `${name} must be 32 random bytes in base64 (44 characters), e.g. the output of \`openssl rand -base64 32\`` });
          return z.NEVER;
        }
        return key;
      })
      .optional(),
  );

/** A number of days, at least 1 (a whole number); `fallback` when blank or missing. */
const daysSchema = (name: string, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${name} must be a number of days` })
      .int(`${name} must be a whole number of days`)
      .min(1, `${name} must be at least 1 (day)`)
      .max(36_500, `${name} must be at most 36500 (days)`)
      .default(fallback),
  );

/** Settings every deployment has; the platform parts are parsed only when their token is set. */
export const baseEnvSchema = z.object({
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    }).default('info'),
  ),
  DATABASE_PATH: z.preprocess(blankToUndefined, z.string().default('data/learning-city.db')),
  // The URL may hold a password: the message names the variable, never its value.
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z.string().refine(isPostgresUrl, 'DATABASE_URL must be a PostgreSQL URL such as postgres://user@host:5432/database').optional(),
  ),
  KNOWLEDGE_DIR: z.preprocess(blankToUndefined, z.string().default('knowledge')),
  KNOWLEDGE_WATCH: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['on', 'poll', 'off'], { error: "KNOWLEDGE_WATCH must be 'on', 'poll' or 'off'" }).default('on'),
  ),
  CHART_DIR: z.preprocess(blankToUndefined, z.string().default('data/charts')),
  CONSOLE: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['auto', 'on', 'off'], { error: "CONSOLE must be 'auto', 'on' or 'off'" }).default('auto'),
  ),
  DEFAULT_TIMEZONE: z.preprocess(
    blankToUndefined,
    z.string().refine(isTimeZone, 'DEFAULT_TIMEZONE must be an IANA time zone such as Europe/London').default('Europe/London'),
  ),
  COORDINATOR_ROLES: commaListSchema,
  COORDINATOR_IDS: commaListSchema,
  TOKEN_ENCRYPTION_KEY: tokenKeySchema('TOKEN_ENCRYPTION_KEY'),
  TOKEN_ENCRYPTION_KEY_PREVIOUS: tokenKeySchema('TOKEN_ENCRYPTION_KEY_PREVIOUS'),
  RETENTION_DAYS_AFTER_REMOVAL: daysSchema('RETENTION_DAYS_AFTER_REMOVAL', 30),
  RETENTION_DAYS_IN_PROGRESS: daysSchema('RETENTION_DAYS_IN_PROGRESS', 180),
  HEALTH_PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'HEALTH_PORT must be a number' })
      .int('HEALTH_PORT must be a whole number')
      .min(0, 'HEALTH_PORT must be between 0 and 65535')
      .max(65_535, 'HEALTH_PORT must be between 0 and 65535')
      .optional(),
  ),
});

export interface AppConfig {
  logLevel: string;
  databasePath: string;
  /** PostgreSQL instead of SQLite, for several instances sharing one database; unset means SQLite. */
  databaseUrl?: string;
  knowledgeDir: string;
  /** Rebuild the index in the background when a file in the knowledge folder changes; `poll` for network file systems. */
  watchKnowledge: boolean | 'poll';
  chartDir: string;
  /** The console runs when asked, or when no platform is configured. */
  console: boolean;
  defaultTimeZone: string;
  /** `platform:workspace:user` ids allowed to manage reminders besides workspace admins. */
  coordinatorIds: string[];
  /** `discord:guild:role` ids whose members may manage reminders. */
  coordinatorRoles: string[];
  /** Days a removed workspace's data is kept in case the bot is added back. */
  retentionDaysAfterRemoval: number;
  /** Days an assessment in progress may stay untouched before it is deleted. */
  retentionDaysInProgress: number;
  /** Port of a server with only `/healthz` and `/readyz`; off when unset (Slack's HTTP server has both). */
  healthPort?: number;
  slack?: SlackConfig;
  /** Keys that encrypt stored installation tokens; required with Slack OAuth. */
  tokenKeys?: TokenKeys;
  discord?: DiscordConfig;
  /** Set in a process the Discord ShardingManager spawned: the one shard this process runs. */
  discordShard?: { id: number; count: number };
}

/**
 * The shard a ShardingManager child runs, from the variables discord.js gives it (`SHARDING_MANAGER`,
 * `SHARDS`, `SHARD_COUNT`); `undefined` in a process started any other way.
 */
const shardOf = (env: Record<string, string | undefined>): { id: number; count: number } | undefined => {
  if (env.SHARDING_MANAGER !== 'true') return undefined;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  return Number.isInteger(id) && Number.isInteger(count) && id >= 0 && id < count ? { id, count } : undefined;
};

/** Combinations a sharded Discord bot cannot run safely, each as a plain sentence. */
const shardingProblems = (discord: DiscordConfig, env: Record<string, string | undefined>, slack: boolean): string[] => {
  const shards = discord.DISCORD_SHARDS;
  if (shards === undefined) return [];
  const problems: string[] = [];
  // Each shard is a process with its own connection to the store; only PostgreSQL is shared safely.
  if (shards !== 1 && !isSet(env.DATABASE_URL)) {
    problems.push(
      `DISCORD_SHARDS=${shards} runs one process per shard, and they must share one database: set DATABASE_URL to a PostgreSQL database (the SQLite file is for one process)`,
    );
  }
  // Shard processes run Discord only: Slack in each would answer every Slack event once per shard.
  if (slack) problems.push('DISCORD_SHARDS runs Discord-only shard processes: run Slack in an instance of its own, without DISCORD_SHARDS, on the same DATABASE_URL');
  if (env.CONSOLE?.trim().toLowerCase() === 'on') problems.push('CONSOLE=on cannot be combined with DISCORD_SHARDS: shard processes have no terminal');
  return problems;
};

/** Reads `.env` from the project folder into `process.env` when there is one (variables already set win). */
export const loadDotEnv = (root: string = projectRoot): void => {
  const file = resolve(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
};

const isSet = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/** OAuth stores tokens, which needs a key; an old key alone could not encrypt new ones. */
const tokenKeyProblems = (env: Record<string, string | undefined>): string[] => {
  const problems: string[] = [];
  if (isSet(env.SLACK_CLIENT_ID) && !isSet(env.TOKEN_ENCRYPTION_KEY)) {
    problems.push(
      'TOKEN_ENCRYPTION_KEY is required with SLACK_CLIENT_ID: installation tokens are stored encrypted with it (32 random bytes in base64, e.g. `openssl rand -base64 32`)',
    );
  }
  if (isSet(env.TOKEN_ENCRYPTION_KEY_PREVIOUS) && !isSet(env.TOKEN_ENCRYPTION_KEY)) {
    problems.push('TOKEN_ENCRYPTION_KEY_PREVIOUS only opens tokens stored before a rotation: set the new key as TOKEN_ENCRYPTION_KEY too');
  }
  return problems;
};

/**
 * Parses the environment once. Every problem is collected and reported together in one
 * {@link ConfigError}; secret values are never echoed.
 */
export const loadConfig = (env: Record<string, string | undefined>, root: string = projectRoot): AppConfig => {
  const problems: string[] = [];
  const base = baseEnvSchema.safeParse(env);
  if (!base.success) problems.push(...base.error.issues.map((issue) => issue.message));

  let slack: SlackConfig | undefined;
  if (isSet(env.SLACK_BOT_TOKEN) || isSet(env.SLACK_CLIENT_ID) || isSet(env.SLACK_SIGNING_SECRET) || isSet(env.SLACK_APP_TOKEN)) {
    const parsed = parseSlackConfig(env);
    if (parsed.ok) slack = parsed.config;
    else problems.push(...parsed.problems);
  }
  let discord: DiscordConfig | undefined;
  if (isSet(env.DISCORD_TOKEN) || isSet(env.DISCORD_APPLICATION_ID)) {
    const parsed = discordEnvSchema.safeParse(env);
    if (parsed.success) discord = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  if (discord) problems.push(...shardingProblems(discord, env, slack !== undefined));
  problems.push(...tokenKeyProblems(env));
  if (!base.success || problems.length > 0) {
    throw new ConfigError(`The configuration has ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  const values = base.data;
  const config: AppConfig = {
    logLevel: values.LOG_LEVEL,
    databasePath: resolve(root, values.DATABASE_PATH),
    knowledgeDir: resolve(root, values.KNOWLEDGE_DIR),
    watchKnowledge: values.KNOWLEDGE_WATCH === 'poll' ? 'poll' : values.KNOWLEDGE_WATCH === 'on',
    chartDir: resolve(root, values.CHART_DIR),
    console: values.CONSOLE === 'on' || (values.CONSOLE === 'auto' && !slack && !discord),
    defaultTimeZone: values.DEFAULT_TIMEZONE,
    coordinatorIds: values.COORDINATOR_IDS,
    coordinatorRoles: values.COORDINATOR_ROLES,
    retentionDaysAfterRemoval: values.RETENTION_DAYS_AFTER_REMOVAL,
    retentionDaysInProgress: values.RETENTION_DAYS_IN_PROGRESS,
  };
  if (values.HEALTH_PORT !== undefined) config.healthPort = values.HEALTH_PORT;
  if (values.DATABASE_URL !== undefined) config.databaseUrl = values.DATABASE_URL;
  if (slack) config.slack = slack;
  if (values.TOKEN_ENCRYPTION_KEY !== undefined) {
    config.tokenKeys = {
      current: values.TOKEN_ENCRYPTION_KEY,
      ...(values.TOKEN_ENCRYPTION_KEY_PREVIOUS === undefined ? {} : { previous: values.TOKEN_ENCRYPTION_KEY_PREVIOUS }),
    };
  }
  if (discord) config.discord = discord;
  const shard = shardOf(env);
  if (discord?.DISCORD_SHARDS !== undefined && shard) config.discordShard = shard;
  return config;
};
