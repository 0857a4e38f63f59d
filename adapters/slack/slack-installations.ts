import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { BotError, errorMessage } from '../../src/core/errors.js';
import type { Clock, InstallationStore, Logger, StoredInstallation } from '../../src/core/ports.js';

/** What the data-retention side hears about a workspace's installation. */
export interface SlackLifecycle {
  /** The app was uninstalled (or its bot token revoked) in `workspace` (`slack:<team or enterprise id>`). */
  removed(workspace: string, at: Date): Promise<void>;
  /** The app was installed in `workspace` where it had no installation. */
  returned(workspace: string): Promise<void>;
}

/** The app has no installation for the workspace an event or delivery is for: expected, not a fault. */
export class NoInstallationError extends BotError {
  constructor(workspace: string) {
    super('not_installed', `The app is not installed in ${workspace}`);
    this.name = 'NoInstallationError';
  }
}

/** The stored record of a workspace whose organisation installed the app org-wide. */
const ORG_LINK_USER = '~org';

/** What identifies an installation: Bolt's query, or an event's envelope. */
export interface InstallationIds {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** `slack:<enterprise id>` for an org-wide install, `slack:<team id>` otherwise. */
export const installationWorkspace = (ids: InstallationIds): string | undefined => {
  const id = ids.isEnterpriseInstall === true ? ids.enterpriseId : ids.teamId;
  return id === undefined || id === '' ? undefined : `slack:${id}`;
};

/** The installation as stored in plain form: Bolt's object without its tokens, checked on the way out. */
const installationDataSchema = z.looseObject({
  team: z.looseObject({ id: z.string() }).optional(),
  enterprise: z.looseObject({ id: z.string() }).optional(),
  user: z.looseObject({ id: z.string() }),
  bot: z.looseObject({ id: z.string(), userId: z.string() }).optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

const orgLinkSchema = z.object({ enterpriseId: z.string().min(1) });

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** Splits the tokens (and refresh tokens) off an installation. */
const split = (installation: AnyInstallation): { data: unknown; secrets: Record<string, string> } => {
  const data = structuredClone(installation) as AnyInstallation;
  const secrets: Record<string, string> = {};
  if (data.bot) {
    secrets.botToken = data.bot.token;
    if (data.bot.refreshToken !== undefined) secrets.botRefreshToken = data.bot.refreshToken;
    delete (data.bot as Partial<typeof data.bot>).token;
    delete data.bot.refreshToken;
  }
  if (data.user.token !== undefined) secrets.userToken = data.user.token;
  if (data.user.refreshToken !== undefined) secrets.userRefreshToken = data.user.refreshToken;
  delete (data.user as Partial<typeof data.user>).token;
  delete data.user.refreshToken;
  return { data, secrets };
};

/** The installation Bolt stored, tokens put back. */
const join = (stored: StoredInstallation): AnyInstallation => {
  const data = installationDataSchema.parse(stored.data);
  const { secrets } = stored;
  const installation = { ...data, user: { ...data.user, token: secrets.userToken } } as unknown as AnyInstallation;
  if (secrets.userRefreshToken !== undefined) installation.user.refreshToken = secrets.userRefreshToken;
  if (data.bot && secrets.botToken !== undefined) {
    installation.bot = { ...(data.bot as unknown as NonNullable<AnyInstallation['bot']>), token: secrets.botToken };
    if (secrets.botRefreshToken !== undefined) installation.bot.refreshToken = secrets.botRefreshToken;
  } else {
    delete installation.bot;
  }
  return installation;
};

const withoutUserTokens = (installation: AnyInstallation): AnyInstallation => {
  const user = { ...installation.user, token: undefined, refreshToken: undefined, expiresAt: undefined, scopes: undefined };
  return { ...installation, user } as AnyInstallation;
};

/** A bot token renewed with a refresh token (`oauth.v2.access`, `grant_type=refresh_token`). */
export interface RenewedToken {
  token: string;
  refreshToken: string;
  /** Seconds the new token lasts. */
  expiresIn: number;
}

export interface SlackInstallationsOptions {
  store: InstallationStore;
  logger: Logger;
  clock: Clock;
  lifecycle?: SlackLifecycle | undefined;
  /** Every token seen is added here, so the Slack logger can redact it by value. */
  secrets: Set<string>;
  /** Renews a bot token of an installation with token rotation on; without it, stored tokens are used as they are. */
  renew?: ((refreshToken: string) => Promise<RenewedToken>) | undefined;
}

/** As Bolt does for events: a rotating bot token is renewed when it expires within two hours. */
const RENEW_WITHIN_SECONDS = 7_200;

const botExpirySchema = z.looseObject({ bot: z.looseObject({ expiresAt: z.number() }) });

/**
 * Installations of the app in workspaces, on the project's database, with the semantics of Bolt's
 * own stores: an org-wide (Enterprise Grid) install is keyed by its enterprise id, any other by its
 * team id; each keeps its latest installation and one record per installing user (whose user token
 * a query naming that user gets).
 */
export class SlackInstallations {
  /** Team id -> enterprise id of workspaces covered by an org-wide install, as events showed them. */
  readonly #orgOf = new Map<string, string>();
  /** Renewals under way, per workspace: messages sent at once share one (a refresh token works once). */
  readonly #renewing = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: SlackInstallationsOptions) {}

  /** The store Bolt's InstallProvider uses for the OAuth flow and `authorize`. */
  readonly bolt: BoltInstallationStore = {
    storeInstallation: async (installation) => this.save(installation),
    fetchInstallation: async (query) => this.fetch(query),
    deleteInstallation: async (query) => this.remove(query),
  };

  private remember(tokens: Record<string, string>): void {
    for (const token of Object.values(tokens)) this.options.secrets.add(token);
  }

  private async save(installation: AnyInstallation): Promise<void> {
    const workspace = installationWorkspace({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (workspace === undefined) throw new Error('Failed saving installation data to installationStore: no team or enterprise id');
    const { data, secrets } = split(installation);
    this.remember(secrets);
    const isNew = (await this.options.store.get(workspace, '')) === undefined;
    const installedAt = this.options.clock.now();
    await this.options.store.put({ workspace, userId: '', data, secrets, installedAt });
    await this.options.store.put({ workspace, userId: installation.user.id, data, secrets, installedAt });
    this.options.logger.info({ component: 'slack', workspace, enterprise: installation.isEnterpriseInstall === true }, 'installation stored');
    if (isNew) await this.notify(() => this.options.lifecycle?.returned(workspace), workspace);
  }

  private async fetch(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const workspace = installationWorkspace(query);
    if (workspace === undefined) throw new Error('Failed fetching installation: no team or enterprise id');
    const stored = await this.options.store.get(workspace, '');
    if (stored === undefined) throw new NoInstallationError(workspace);
    this.remember(stored.secrets);
    if (query.isEnterpriseInstall && query.teamId !== undefined && query.enterpriseId !== undefined) {
      await this.linkToOrg(query.teamId, query.enterpriseId);
    }
    const installation = join(stored);
    if (query.userId === undefined || installation.user.id === query.userId) return installation;
    const own = await this.options.store.get(workspace, query.userId);
    if (own === undefined) return withoutUserTokens(installation);
    this.remember(own.secrets);
    return { ...installation, user: join(own).user };
  }

  private async remove(query: InstallationQuery<boolean>): Promise<void> {
    const workspace = installationWorkspace(query);
    if (workspace === undefined) throw new Error('Failed to delete installation: no team or enterprise id');
    if (query.userId === undefined) {
      await this.options.store.delete(workspace);
      return;
    }
    await this.options.store.delete(workspace, query.userId);
    const latest = await this.options.store.get(workspace, '');
    if (latest !== undefined && join(latest).user.id === query.userId) {
      const { userToken: _user, userRefreshToken: _refresh, ...rest } = latest.secrets;
      await this.options.store.put({ ...latest, secrets: rest });
    }
  }

  /** Records that a workspace belongs to an org-wide install, so reminders to it find the token. */
  private async linkToOrg(teamId: string, enterpriseId: string): Promise<void> {
    if (this.#orgOf.get(teamId) === enterpriseId) return;
    await this.options.store.put({
      workspace: `slack:${teamId}`,
      userId: ORG_LINK_USER,
      data: { enterpriseId },
      secrets: {},
      installedAt: this.options.clock.now(),
    });
    this.#orgOf.set(teamId, enterpriseId);
  }

  /**
   * The bot token for a team: its own installation's, or its organisation's org-wide one. A token
   * with rotation on is renewed first when it expires within two hours, as Bolt does before it
   * handles an event: reminders and round summaries go out without one.
   */
  async botTokenFor(teamId: string): Promise<string | undefined> {
    const own = await this.options.store.get(`slack:${teamId}`, '');
    if (own !== undefined) return this.token(own);
    let enterpriseId = this.#orgOf.get(teamId);
    if (enterpriseId === undefined) {
      const link = await this.options.store.get(`slack:${teamId}`, ORG_LINK_USER);
      enterpriseId = orgLinkSchema.safeParse(link?.data).data?.enterpriseId;
    }
    if (enterpriseId === undefined) return undefined;
    const org = await this.options.store.get(`slack:${enterpriseId}`, '');
    return org === undefined ? undefined : this.token(org);
  }

  private async token(stored: StoredInstallation): Promise<string | undefined> {
    this.remember(stored.secrets);
    const refreshToken = stored.secrets.botRefreshToken;
    const expiresAt = botExpirySchema.safeParse(stored.data).data?.bot.expiresAt;
    // Slack's expiry is wall-clock time, as Bolt reckons it when it stores a renewed token.
    if (refreshToken === undefined || expiresAt === undefined || this.options.renew === undefined || expiresAt - Date.now() / 1000 > RENEW_WITHIN_SECONDS) {
      return stored.secrets.botToken;
    }
    let renewing = this.#renewing.get(stored.workspace);
    if (renewing === undefined) {
      renewing = this.renew(stored, refreshToken).finally(() => this.#renewing.delete(stored.workspace));
      this.#renewing.set(stored.workspace, renewing);
    }
    return (await renewing) ?? stored.secrets.botToken;
  }

  /** Renews a stored installation's bot token and stores the new token and refresh token; undefined when Slack refuses. */
  private async renew(stored: StoredInstallation, refreshToken: string): Promise<string | undefined> {
    let renewed: RenewedToken;
    try {
      renewed = await (this.options.renew as (refreshToken: string) => Promise<RenewedToken>)(refreshToken);
    } catch (error) {
      // Another instance may have renewed first (each refresh token works once): its token is stored.
      const latest = await this.options.store.get(stored.workspace, '');
      if (latest !== undefined && latest.secrets.botRefreshToken !== refreshToken) return latest.secrets.botToken;
      this.options.logger.warn({ component: 'slack', workspace: stored.workspace, err: errorMessage(error) }, 'bot token could not be renewed; the stored one is used');
      return undefined;
    }
    this.remember({ token: renewed.token, refreshToken: renewed.refreshToken });
    const installation = join(stored);
    if (installation.bot === undefined) return undefined;
    installation.bot.token = renewed.token;
    installation.bot.refreshToken = renewed.refreshToken;
    installation.bot.expiresAt = Math.floor(Date.now() / 1000) + renewed.expiresIn;
    await this.save(installation);
    return renewed.token;
  }

  /**
   * The app was uninstalled, or its bot token revoked: every token of the workspace goes at once,
   * and later events from it find no installation.
   */
  async uninstalled(workspace: string): Promise<void> {
    const removed = await this.options.store.delete(workspace);
    this.options.logger.info({ component: 'slack', workspace, removed }, 'app uninstalled; tokens removed');
    const at = this.options.clock.now();
    await this.notify(() => this.options.lifecycle?.removed(workspace, at), workspace);
  }

  /** User tokens revoked: those users' records (and tokens) go; the bot keeps working. */
  async userTokensRevoked(ids: InstallationIds, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      await this.remove({ isEnterpriseInstall: ids.isEnterpriseInstall === true, enterpriseId: ids.enterpriseId, teamId: ids.teamId, userId } as InstallationQuery<boolean>);
    }
  }

  private async notify(call: () => Promise<void> | undefined, workspace: string): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.options.logger.error({ component: 'slack', workspace, err: errorMessage(error) }, 'installation lifecycle hook failed');
    }
  }
}
