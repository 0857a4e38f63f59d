import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../../adapters/slack/slack-app.js';
import type { SlackLifecycle } from '../../../adapters/slack/slack-installations.js';
import { createBot } from '../../../src/core/bot.js';
import type { InstallationStore } from '../../../src/core/ports.js';
import { fakeAnswers } from './fake-ports.js';
import type { FakeChannel, FakeInstall, FakeSlackOAuthApi } from './fake-slack-oauth.js';
import { SIGNING_SECRET, captureLogger, nowSeconds, sendEvent } from './slack-harness.js';

export const CLIENT_ID = '1111111111.2222222222';
export const CLIENT_SECRET = 'c0ffee0123456789abcdef0123456789';
export const STATE_SECRET = 'state-secret-for-tests-0123456789abcdef';

export const LEEDS: FakeInstall = {
  code: 'code-leeds',
  botToken: 'xoxb-100-200-leedsbottoken',
  botUserId: 'U0BOTLEEDS',
  botId: 'B0LEEDS',
  installer: 'U0ANNA',
  team: { id: 'T0LEEDS', name: 'Leeds Learning City' },
};
export const YORK: FakeInstall = {
  code: 'code-york',
  botToken: 'xoxb-300-400-yorkbottoken',
  botUserId: 'U0BOTYORK',
  botId: 'B0YORK',
  installer: 'U0BEN',
  team: { id: 'T0YORK', name: 'York Learning City' },
};
/** An org-wide install on an Enterprise Grid org: no team, only the enterprise. */
export const GRID: FakeInstall = {
  code: 'code-grid',
  botToken: 'xoxb-500-600-gridbottoken',
  botUserId: 'U0BOTGRID',
  botId: 'B0GRID',
  installer: 'U0CARA',
  enterprise: { id: 'E0GRID', name: 'Northern Councils' },
};
export const CHANNELS: Record<string, FakeChannel> = {
  C0LEEDS: { teamId: 'T0LEEDS' },
  C0YORK: { teamId: 'T0YORK' },
  C0GRIDA: { teamId: 'T0GRIDA', enterpriseId: 'E0GRID' },
};
/** Leeds installing again later: Slack issues a new code (each is exchanged once) for the same bot. */
export const LEEDS_AGAIN: FakeInstall = { ...LEEDS, code: 'code-leeds-again' };
export const fakeOptions = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, installs: [LEEDS, YORK, GRID, LEEDS_AGAIN], channels: CHANNELS };

export interface RunningOAuthSlack {
  slack: SlackApp;
  base: string;
  events: string;
  logger: ReturnType<typeof captureLogger>;
  close(): Promise<void>;
}

/** Starts the real Bolt app in OAuth mode against the fake Web API, on 127.0.0.1 with a free port. */
export const startOAuthSlack = async (
  api: FakeSlackOAuthApi,
  installations: InstallationStore,
  options: Partial<Omit<SlackAppOptions, 'installations' | 'config'>> & { lifecycle?: SlackLifecycle } = {},
): Promise<RunningOAuthSlack> => {
  const logger = captureLogger();
  const slack = createSlackApp({
    config: {
      mode: 'http',
      signingSecret: SIGNING_SECRET,
      port: 0,
      apiUrl: api.apiUrl,
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET },
    },
    bot: createBot({ answers: fakeAnswers() }),
    logger,
    listen: { port: 0, host: '127.0.0.1' },
    // Retries would only slow a refused call down; Slack's answers here are final.
    clientOptions: { retryConfig: { retries: 0 } },
    ...options,
    installations,
  });
  await slack.start();
  const port = slack.address()?.port;
  if (port === undefined) throw new Error('Slack app did not bind');
  const base = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  return { slack, base, events: `${base}/slack/events`, logger, close: () => (closed ??= slack.stop()) };
};

const STATE_COOKIE = 'slack-app-oauth-state';

/**
 * Installs the app as a browser would: opens /slack/install (which sets the state cookie and links
 * to Slack with the state), then comes back to /slack/oauth_redirect with Slack's code, the state
 * and the cookie.
 */
export const installThroughBrowser = async (base: string, code: string, cookieOverride?: string): Promise<Response> => {
  const page = await fetch(`${base}/slack/install`);
  const cookie = /^[^=]+=([^;]*)/u.exec(page.headers.get('set-cookie') ?? '')?.[1];
  const href = /href="([^"]+)"/u.exec(await page.text())?.[1]?.replaceAll('&amp;', '&');
  const state = href === undefined ? null : new URL(href).searchParams.get('state');
  if (cookie === undefined || state === null) throw new Error('the install page set no state');
  const query = new URLSearchParams({ code, state });
  return fetch(`${base}/slack/oauth_redirect?${query.toString()}`, {
    headers: { cookie: `${STATE_COOKIE}=${cookieOverride ?? cookie}` },
  });
};

let seq = 0;

/** An app_mention from a workspace, with the `authorizations` Slack sends for that install. */
export const mentionPayload = (install: FakeInstall, teamId: string, channel: string, text = 'what is a learning city?'): Record<string, unknown> => {
  seq += 1;
  const orgWide = install.team === undefined;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    ...(install.enterprise ? { enterprise_id: install.enterprise.id } : {}),
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `EvOAuth${seq}`,
    event_time: nowSeconds(),
    authorizations: [
      { enterprise_id: install.enterprise?.id ?? null, team_id: orgWide ? null : teamId, user_id: install.botUserId, is_bot: true, is_enterprise_install: orgWide },
    ],
    event: { type: 'app_mention', user: 'U0ANNA', text: `<@${install.botUserId}> ${text}`, ts: `1700000${String(seq).padStart(3, '0')}.000100`, channel },
  };
};

/** Sends a signed {@link mentionPayload}. */
export const mentionFrom = (events: string, install: FakeInstall, teamId: string, channel: string, text?: string): Promise<Response> =>
  sendEvent(events, mentionPayload(install, teamId, channel, text));

/** A signed lifecycle event (app_uninstalled, tokens_revoked) for an installation. */
export const lifecycleEvent = (events: string, install: FakeInstall, teamId: string, event: Record<string, unknown>): Promise<Response> => {
  seq += 1;
  const orgWide = install.team === undefined;
  return sendEvent(events, {
    token: 'legacy-verification-token',
    team_id: teamId,
    ...(install.enterprise ? { enterprise_id: install.enterprise.id } : {}),
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `EvLife${seq}`,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: install.enterprise?.id ?? null, team_id: orgWide ? null : teamId, user_id: install.botUserId, is_bot: true, is_enterprise_install: orgWide }],
    event: { ...event, event_ts: `${nowSeconds()}.000000` },
  });
};

/** Records what the lifecycle hook was told. */
export const recordingLifecycle = (): SlackLifecycle & { removedCalls: Array<[string, Date]>; returnedCalls: string[] } => {
  const removedCalls: Array<[string, Date]> = [];
  const returnedCalls: string[] = [];
  return {
    removedCalls,
    returnedCalls,
    removed: async (workspace, at) => void removedCalls.push([workspace, at]),
    returned: async (workspace) => void returnedCalls.push(workspace),
  };
};
