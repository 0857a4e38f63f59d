import type { AddressInfo } from 'node:net';
import { App, ErrorCode, LogLevel, type Receiver, webApi } from '@slack/bolt';
import { ConfigError, StorageUnavailableError, errorMessage } from '../../src/core/errors.js';
import { answerLiveness, answerReadiness, type Health } from '../../src/health.js';
import {
  systemClock, type ChatBot, type Clock, type DedupeStore, type InstallationStore, type Logger, type Notifier,
} from '../../src/core/ports.js';
import { registerActionHandlers } from './slack-actions.js';
import { registerCommandHandler } from './slack-command.js';
import type { SlackConfig } from './slack-config.js';
import type { SlackHandlerContext } from './slack-context.js';
import { DeliveryDedupe } from './slack-dedupe.js';
import { SLACK_BOT_SCOPES, renderInstallPage } from './slack-install-page.js';
import { NoInstallationError, SlackInstallations, type RenewedToken, type SlackLifecycle } from './slack-installations.js';
import { registerLifecycleHandlers, singleTokenLifecycle } from './slack-lifecycle.js';
import { createSlackListeners } from './slack-listeners.js';
import { boltLogger } from './slack-logger.js';
import { registerMessageHandlers } from './slack-messages.js';
import { createGuardedReceiver } from './slack-receiver.js';
import { ShareStore } from './slack-share.js';
import { createSlackNotifier, slackClients } from './slack-notifier.js';
import { createSocketReceiver } from './slack-socket-receiver.js';
import { SlackUsers } from './slack-users.js';

/**
 * Web API retries: network errors and 5xx back off briefly; a 429 first waits its Retry-After
 * (done by the client), then at most `minTimeout` more. A user is waiting, so give up within seconds.
 */
export const slackRetryConfig = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4_000, randomize: true } as const;

/** Per-request timeout of Web API calls, so a hanging connection cannot hold a reply forever. */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface SlackAppOptions {
  config: SlackConfig;
  bot: ChatBot;
  logger: Logger;
  /** HTTP mode listen address; defaults to `config.port` on all interfaces. */
  listen?: { port: number; host?: string };
  /** Web API client options laid over the defaults (proxies, tests). */
  clientOptions?: webApi.WebClientOptions;
  /** Look users up with `users.info` for their name and admin flag (needs users:read). Default true. */
  lookupUsers?: boolean;
  /** The slash command the manifest registers. Default `/learningcity`. */
  command?: string;
  clock?: Clock;
  /** What `/readyz` reports (HTTP mode); without it the app counts as ready while it runs. */
  health?: Health;
  /** Keys of deliveries taken, shared by every instance; without it each instance only knows its own. */
  dedupe?: DedupeStore;
  /** Where OAuth installations and their tokens are kept; required when `config.oauth` is set. */
  installations?: InstallationStore;
  /** Told when a workspace uninstalls the app (both modes), and when it installs it again (OAuth mode). */
  lifecycle?: SlackLifecycle;
}

export interface SlackApp {
  app: App;
  /** Proactive delivery (reminders) with the target workspace's bot token. */
  notifier: Notifier;
  /**
   * Verifies the token (unless both bot ids are configured) or, in OAuth mode, that the stored
   * tokens open with the configured keys; then listens or connects.
   */
  start(): Promise<void>;
  /** Stops receiving, then waits for replies already being worked on. */
  stop(): Promise<void>;
  /** Resolves once no acknowledged event is still being handled. */
  idle(): Promise<void>;
  /** The bound address in HTTP mode once started. */
  address(): AddressInfo | undefined;
}

/** The Web API options for the OAuth installer, whose logger is Bolt's own. */
const installerClientOptions = (options: webApi.WebClientOptions): Omit<webApi.WebClientOptions, 'logger' | 'logLevel'> => {
  const { logger: _logger, logLevel: _level, ...rest } = options;
  return rest;
};

/** Renews a rotating bot token as Bolt does: `oauth.v2.access` with the refresh token. */
const tokenRenewal =
  (client: webApi.WebClient, oauth: { clientId: string; clientSecret: string }) =>
  async (refreshToken: string): Promise<RenewedToken> => {
    const response = await client.oauth.v2.access({ client_id: oauth.clientId, client_secret: oauth.clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken });
    if (response.access_token === undefined || response.refresh_token === undefined || response.expires_in === undefined) {
      throw new Error('oauth.v2.access renewed no token');
    }
    return { token: response.access_token, refreshToken: response.refresh_token, expiresIn: response.expires_in };
  };

/** Bolt's warning when `authorize` finds no installation; a quiet debug line here, as it is expected. */
const AUTHORIZE_FAILED = /^Authorization of incoming event did not succeed/u;

/** The error behind a failed authorize (Bolt wraps the installation store's error twice). */
const causeOf = (error: unknown): unknown => {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (typeof current !== 'object' || current === null || !('original' in current) || current.original === undefined) return current;
    current = current.original;
  }
  return current;
};

/**
 * Refuses to start when stored tokens were encrypted with a key that is not configured (a wrong or
 * lost TOKEN_ENCRYPTION_KEY), then moves tokens still under the previous key to the current one.
 */
const checkTokenKeys = async (store: InstallationStore, logger: Logger): Promise<void> => {
  const unknown = await store.unknownKeyIds();
  if (unknown.length > 0) {
    throw new ConfigError(
      `Stored Slack installation tokens were encrypted with key id(s) ${unknown.join(', ')}, which neither TOKEN_ENCRYPTION_KEY ` +
        'nor TOKEN_ENCRYPTION_KEY_PREVIOUS matches. Set TOKEN_ENCRYPTION_KEY to the key they were stored with ' +
        '(after a rotation: the new key, and the old one as TOKEN_ENCRYPTION_KEY_PREVIOUS).',
    );
  }
  const rekeyed = await store.rekey();
  if (rekeyed > 0) logger.info({ component: 'slack', rekeyed }, 'installation tokens re-encrypted with the current key');
};

/**
 * Builds the Bolt app with its receiver (HTTPReceiver or SocketModeReceiver), the listeners that
 * translate Slack payloads to core events, and a notifier. Nothing connects until `start()`.
 */
export const createSlackApp = (options: SlackAppOptions): SlackApp => {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Installed tokens join this set as they are stored or read, so logs redact them by value too.
  const secrets = new Set<string>(
    [config.botToken, config.mode === 'http' ? config.signingSecret : config.appToken, config.oauth?.clientSecret, config.oauth?.stateSecret]
      .filter((secret) => secret !== undefined),
  );
  const slackLogger = boltLogger(logger, secrets, 'slack', [AUTHORIZE_FAILED]);
  if (config.oauth !== undefined && options.installations === undefined) {
    throw new ConfigError('Slack OAuth mode needs an installation store.');
  }
  if (config.oauth === undefined && config.botToken === undefined) throw new ConfigError('Slack needs a bot token or OAuth settings.');
  if (config.oauth !== undefined && config.mode === 'socket') throw new ConfigError('Slack OAuth installs need HTTP mode.');
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: { ...slackRetryConfig },
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...options.clientOptions,
  };
  const { oauth } = config;
  const installations =
    oauth !== undefined && options.installations !== undefined
      ? new SlackInstallations({
          store: options.installations,
          logger,
          clock,
          lifecycle: options.lifecycle,
          secrets,
          renew: tokenRenewal(new webApi.WebClient(undefined, { ...installerClientOptions(clientOptions), logger: slackLogger }), oauth),
        })
      : undefined;

  const receiver: Receiver =
    config.mode === 'http'
      ? createGuardedReceiver(
          {
            signingSecret: config.signingSecret,
            logger: slackLogger,
            // The response waits for the listeners, which only take the delivery (one shared-dedupe
            // round trip) and leave the answering to tracked work: so a delivery the database was
            // down for can still be answered 503, for Slack to redeliver.
            processBeforeResponse: true,
            processEventErrorHandler: async ({ error, response, logger: boltLog }) => {
              if (response.headersSent) return false;
              if (error instanceof StorageUnavailableError) {
                response.writeHead(503, { 'Retry-After': '60' });
              } else {
                boltLog.error(`An unhandled error occurred while Bolt processed an event: ${errorMessage(error)}`);
                response.writeHead(500);
              }
              response.end();
              return false;
            },
            customRoutes: [
              { path: '/healthz', method: ['GET'], handler: answerLiveness },
              { path: '/readyz', method: ['GET'], handler: (_req, res) => answerReadiness(options.health, res) },
            ],
            ...(config.oauth !== undefined && installations !== undefined
              ? {
                  clientId: config.oauth.clientId,
                  clientSecret: config.oauth.clientSecret,
                  stateSecret: config.oauth.stateSecret,
                  scopes: [...SLACK_BOT_SCOPES],
                  installationStore: installations.bolt,
                  installerOptions: {
                    directInstall: false,
                    renderHtmlForInstallPath: renderInstallPage,
                    // oauth.v2.access and auth.test during an install go where every other call goes.
                    clientOptions: installerClientOptions(clientOptions),
                  },
                }
              : {}),
          },
          logger,
        )
      : createSocketReceiver({
          appToken: config.appToken,
          logger: slackLogger,
          // Socket Mode keeps its own generous reconnect retries; only the API base URL is shared.
          installerOptions: { clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {} },
        });

  const knowsBot = config.botId !== undefined && config.botUserId !== undefined;
  const app = new App({
    // OAuth mode has no token of its own: Bolt's authorize finds each event's workspace installation.
    ...(config.botToken === undefined ? {} : { token: config.botToken }),
    receiver,
    logger: slackLogger,
    // Bolt forwards everything; the project's logger decides what is written.
    logLevel: LogLevel.DEBUG,
    clientOptions,
    ...(config.botId ? { botId: config.botId } : {}),
    ...(config.botUserId ? { botUserId: config.botUserId } : {}),
    tokenVerificationEnabled: !knowsBot,
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    // Thrown on so the receiver answers 503 and Slack redelivers; already logged by the listener.
    if (error instanceof StorageUnavailableError) throw error;
    if (error.code === ErrorCode.AuthorizationError) {
      const cause = causeOf(error);
      if (cause instanceof StorageUnavailableError) {
        logger.warn({ component: 'slack', err: cause.message }, 'database unreachable while finding the installation; event left for Slack to redeliver');
        throw cause;
      }
      // Uninstalled (or never installed): nothing may be sent there, and nothing is wrong.
      if (cause instanceof NoInstallationError) logger.debug({ component: 'slack', err: cause.message }, 'event from a workspace without an installation ignored');
      else logger.warn({ component: 'slack', err: errorMessage(cause) }, 'installation could not be read; event ignored');
      return;
    }
    logger.error({ component: 'slack', code: error.code, err: errorMessage(error) }, 'unhandled Slack listener error');
  });

  const inFlight = new Set<Promise<void>>();
  const context: SlackHandlerContext = {
    bot: options.bot,
    logger,
    users: options.lookupUsers === false ? undefined : new SlackUsers(logger, clock),
    recent: new DeliveryDedupe(options.dedupe, options.clock ?? systemClock, logger),
    shares: new ShareStore(() => (options.clock ?? systemClock).now().getTime()),
    command: options.command ?? '/learningcity',
    track: (work) => {
      const running = work()
        .catch((error: unknown) => {
          logger.error({ component: 'slack', err: errorMessage(error) }, 'Slack handler failed');
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
  };
  const listeners = createSlackListeners(app);
  registerMessageHandlers(listeners, context);
  registerCommandHandler(app, context);
  registerActionHandlers(listeners, context);
  registerLifecycleHandlers(listeners, installations ?? singleTokenLifecycle(logger, clock, options.lifecycle), logger);

  let address: AddressInfo | undefined;
  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    app,
    notifier: createSlackNotifier(
      installations === undefined ? async () => app.client : slackClients((teamId) => installations.botTokenFor(teamId), { ...clientOptions, logger: slackLogger }),
      logger,
    ),
    idle,
    address: () => address,
    async start() {
      if (options.installations !== undefined && config.oauth !== undefined) await checkTokenKeys(options.installations, logger);
      await app.init();
      if (config.mode === 'http') {
        const listen = options.listen ?? { port: config.port };
        const server = await app.start(listen.host === undefined ? { port: listen.port } : { port: listen.port, host: listen.host });
        const bound = server.address();
        address = bound !== null && typeof bound === 'object' ? bound : undefined;
        logger.info({ component: 'slack', mode: 'http', port: address?.port, path: '/slack/events' }, 'Slack app listening');
      } else {
        await app.start();
        logger.info({ component: 'slack', mode: 'socket' }, 'Slack app connected (Socket Mode)');
      }
    },
    async stop() {
      await app.stop();
      address = undefined;
      await idle();
      logger.info({ component: 'slack' }, 'Slack app stopped');
    },
  };
};
