import { describe, expect, it } from 'vitest';
import { parseSlackConfig, slackEnvSchema } from '../../../adapters/slack/slack-config.js';

const token = 'xoxb-1-2-abc';
const secret = '0123456789abcdef0123456789abcdef';

describe('parseSlackConfig', () => {
  it('defaults to HTTP mode on port 3000', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret })).toEqual({
      ok: true,
      config: { mode: 'http', botToken: token, signingSecret: secret, port: 3000 },
    });
  });

  it('reads Socket Mode, the API URL and both bot ids', () => {
    const result = parseSlackConfig({
      SLACK_BOT_TOKEN: token,
      SLACK_APP_TOKEN: 'xapp-1-A-abc',
      SLACK_MODE: 'Socket',
      SLACK_PORT: '8080',
      SLACK_API_URL: 'https://slack-gov.com/api',
      SLACK_BOT_USER_ID: 'U0BOT',
      SLACK_BOT_ID: 'B0BOT',
      SLACK_SIGNING_SECRET: '',
    });
    expect(result).toEqual({
      ok: true,
      config: { mode: 'socket', botToken: token, appToken: 'xapp-1-A-abc', port: 8080, apiUrl: 'https://slack-gov.com/api/', botUserId: 'U0BOT', botId: 'B0BOT' },
    });
  });

  it('lists every problem at once and never echoes a secret', () => {
    const result = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-value', SLACK_MODE: 'socket', SLACK_PORT: '70000', SLACK_API_URL: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN must be a bot token/u);
    expect(result.problems.join('\n')).toMatch(/SLACK_PORT must be between 0 and 65535/u);
    expect(result.problems.join('\n')).toMatch(/SLACK_API_URL/u);
    expect(result.problems.join('\n')).toMatch(/SLACK_APP_TOKEN .* is required when SLACK_MODE is socket/u);
    expect(result.problems.join('\n')).not.toContain('xoxp-user-token-value');
  });

  it('asks for the signing secret in HTTP mode and for the token when missing', () => {
    const result = parseSlackConfig({});
    expect(result).toEqual({
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN is required (the xoxb- bot token from "OAuth & Permissions"), or SLACK_CLIENT_ID with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to let each workspace install the app (OAuth)',
        'SLACK_SIGNING_SECRET is required when SLACK_MODE is http (Basic Information > App Credentials)',
      ],
    });
  });

  it('reads OAuth settings instead of a bot token', () => {
    const oauth = { SLACK_CLIENT_ID: '1234567890.9876543210', SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789', SLACK_STATE_SECRET: 's'.repeat(40) };
    expect(parseSlackConfig({ ...oauth, SLACK_SIGNING_SECRET: secret })).toEqual({
      ok: true,
      config: { mode: 'http', signingSecret: secret, port: 3000, oauth: { clientId: oauth.SLACK_CLIENT_ID, clientSecret: oauth.SLACK_CLIENT_SECRET, stateSecret: 's'.repeat(40) } },
    });
  });

  it('refuses OAuth with a bot token, without its secrets, or in Socket Mode, naming each problem', () => {
    const result = parseSlackConfig({ SLACK_CLIENT_ID: '1234567890.9876543210', SLACK_BOT_TOKEN: token, SLACK_MODE: 'socket', SLACK_APP_TOKEN: 'xapp-1-A-abc' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (each workspace installs the app with OAuth), not both',
        'SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID (Basic Information > App Credentials)',
        'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID: it signs the OAuth state (e.g. `openssl rand -hex 32`)',
        'SLACK_CLIENT_ID (OAuth installs) needs SLACK_MODE=http: the install pages /slack/install and /slack/oauth_redirect are served by the HTTP server',
      ],
    });
    const short = parseSlackConfig({ SLACK_CLIENT_ID: '1234567890.9876543210', SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef', SLACK_STATE_SECRET: 'short', SLACK_SIGNING_SECRET: secret });
    expect(short.ok ? [] : short.problems).toEqual(['SLACK_STATE_SECRET must be at least 32 random characters (e.g. `openssl rand -hex 32`)']);
  });

  it('exposes a plain object schema that a larger config can extend', () => {
    const extended = slackEnvSchema.extend({ OTHER: slackEnvSchema.shape.SLACK_MODE });
    expect(extended.safeParse({ SLACK_BOT_TOKEN: token }).success).toBe(true);
  });
});
