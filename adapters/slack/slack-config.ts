import { z } from 'zod';
import { blankToUndefined } from '../../src/env-values.js';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The Slack part of the environment. A plain object schema (no refinements) so `src/config.ts` can
 * spread its `.shape` into the application schema; cross-field rules live in {@link slackConfigProblems}.
 */
export const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[\w-]+$/u, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-')),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/u, 'SLACK_CLIENT_ID must be the Client ID from "Basic Information", such as 1234567890.1234567890')),
  SLACK_CLIENT_SECRET: optional(z.string().regex(/^[0-9a-f]{16,}$/iu, 'SLACK_CLIENT_SECRET must be the hex Client Secret from "Basic Information"')),
  SLACK_STATE_SECRET: optional(z.string().min(32, 'SLACK_STATE_SECRET must be at least 32 random characters (e.g. `openssl rand -hex 32`)')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[0-9a-f]{16,}$/iu, 'SLACK_SIGNING_SECRET must be the hex signing secret from "Basic Information"')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[\w-]+$/u, 'SLACK_APP_TOKEN must be an app-level token starting with xapp-')),
  SLACK_MODE: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['http', 'socket'], { error: "SLACK_MODE must be 'http' or 'socket'" }).default('http'),
  ),
  SLACK_PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'SLACK_PORT must be a number' })
      .int('SLACK_PORT must be a whole number')
      .min(0, 'SLACK_PORT must be between 0 and 65535')
      .max(65_535, 'SLACK_PORT must be between 0 and 65535')
      .default(3000),
  ),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/u, error: 'SLACK_API_URL must be an http(s) URL such as https://slack-gov.com/api/' })),
  SLACK_BOT_USER_ID: optional(z.string().regex(/^[UW][A-Z0-9]{2,}$/u, 'SLACK_BOT_USER_ID must look like U0123ABCD')),
  SLACK_BOT_ID: optional(z.string().regex(/^B[A-Z0-9]{2,}$/u, 'SLACK_BOT_ID must look like B0123ABCD')),
});

export type SlackEnv = z.infer<typeof slackEnvSchema>;

/** Distribution with OAuth v2: each workspace installs the app and gets its own bot token. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` that ties the redirect back to the browser that started the install. */
  stateSecret: string;
}

interface SlackConfigBase {
  /** One workspace's bot token (single-token mode); absent in OAuth mode. */
  botToken?: string;
  /** OAuth mode: tokens come from each workspace's installation; absent in single-token mode. */
  oauth?: SlackOAuthConfig;
  port: number;
  /** Web API base URL (GovSlack, test servers); Slack's own when absent. */
  apiUrl?: string;
  /** When both ids are known the app skips `auth.test` at start-up. */
  botUserId?: string;
  botId?: string;
}

/**
 * Typed Slack settings: exactly one of `botToken` and `oauth`. HTTP mode needs the signing secret,
 * Socket Mode the app-level token; OAuth needs HTTP mode.
 */
export type SlackConfig =
  | (SlackConfigBase & { mode: 'http'; signingSecret: string })
  | (SlackConfigBase & { mode: 'socket'; appToken: string });

export type SlackConfigResult = { ok: true; config: SlackConfig } | { ok: false; problems: string[] };

/** Rules that span variables; returns every problem, empty when the settings can work. */
export const slackConfigProblems = (
  env: Partial<
    Record<
      'SLACK_MODE' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_BOT_TOKEN' | 'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET',
      string | undefined
    >
  >,
): string[] => {
  const problems: string[] = [];
  const oauth = env.SLACK_CLIENT_ID !== undefined;
  if (env.SLACK_BOT_TOKEN === undefined && !oauth) {
    problems.push(
      'SLACK_BOT_TOKEN is required (the xoxb- bot token from "OAuth & Permissions"), or SLACK_CLIENT_ID with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to let each workspace install the app (OAuth)',
    );
  }
  if (env.SLACK_BOT_TOKEN !== undefined && oauth) {
    problems.push('Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (each workspace installs the app with OAuth), not both');
  }
  if (oauth && env.SLACK_CLIENT_SECRET === undefined) problems.push('SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID (Basic Information > App Credentials)');
  if (oauth && env.SLACK_STATE_SECRET === undefined) {
    problems.push('SLACK_STATE_SECRET is required with SLACK_CLIENT_ID: it signs the OAuth state (e.g. `openssl rand -hex 32`)');
  }
  if (oauth && env.SLACK_MODE === 'socket') {
    problems.push('SLACK_CLIENT_ID (OAuth installs) needs SLACK_MODE=http: the install pages /slack/install and /slack/oauth_redirect are served by the HTTP server');
  }
  if ((env.SLACK_MODE ?? 'http') === 'http' && env.SLACK_SIGNING_SECRET === undefined) {
    problems.push('SLACK_SIGNING_SECRET is required when SLACK_MODE is http (Basic Information > App Credentials)');
  }
  if (env.SLACK_MODE === 'socket' && env.SLACK_APP_TOKEN === undefined) {
    problems.push('SLACK_APP_TOKEN (xapp-, scope connections:write) is required when SLACK_MODE is socket');
  }
  return problems;
};

/** Builds the typed config from an already parsed environment (for `src/config.ts`). */
export const toSlackConfig = (env: SlackEnv): SlackConfigResult => {
  const problems = slackConfigProblems(env);
  if (problems.length > 0) return { ok: false, problems };
  const base: SlackConfigBase = { port: env.SLACK_PORT };
  if (env.SLACK_BOT_TOKEN !== undefined) base.botToken = env.SLACK_BOT_TOKEN;
  if (env.SLACK_CLIENT_ID !== undefined) {
    base.oauth = { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET ?? '', stateSecret: env.SLACK_STATE_SECRET ?? '' };
  }
  if (env.SLACK_API_URL !== undefined) base.apiUrl = env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`;
  if (env.SLACK_BOT_USER_ID !== undefined) base.botUserId = env.SLACK_BOT_USER_ID;
  if (env.SLACK_BOT_ID !== undefined) base.botId = env.SLACK_BOT_ID;
  if (env.SLACK_MODE === 'socket') return { ok: true, config: { ...base, mode: 'socket', appToken: env.SLACK_APP_TOKEN ?? '' } };
  return { ok: true, config: { ...base, mode: 'http', signingSecret: env.SLACK_SIGNING_SECRET ?? '' } };
};

/**
 * Parses the Slack variables of an environment (usually `process.env`). Lists every problem at once;
 * messages name the variable but never echo its value, so a mistyped secret is not printed.
 */
export const parseSlackConfig = (env: Record<string, string | undefined>): SlackConfigResult => {
  const parsed = slackEnvSchema.safeParse(env);
  if (!parsed.success) {
    const raw = (name: string): string | undefined => {
      const value = blankToUndefined(env[name]);
      return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    };
    // Report the mode-dependent gaps too, so one start-up lists everything to fix.
    const missing = slackConfigProblems({
      SLACK_MODE: raw('SLACK_MODE'),
      SLACK_SIGNING_SECRET: raw('SLACK_SIGNING_SECRET'),
      SLACK_APP_TOKEN: raw('SLACK_APP_TOKEN'),
      SLACK_BOT_TOKEN: raw('SLACK_BOT_TOKEN'),
      SLACK_CLIENT_ID: raw('SLACK_CLIENT_ID'),
      SLACK_CLIENT_SECRET: raw('SLACK_CLIENT_SECRET'),
      SLACK_STATE_SECRET: raw('SLACK_STATE_SECRET'),
    });
    return { ok: false, problems: [...parsed.error.issues.map((issue) => issue.message), ...missing] };
  }
  return toSlackConfig(parsed.data);
};
