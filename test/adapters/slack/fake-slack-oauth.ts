import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What `oauth.v2.access` hands over for one authorization code, as Slack would for that install. */
export interface FakeInstall {
  code: string;
  botToken: string;
  botUserId: string;
  botId: string;
  installer: string;
  /** A workspace install. */
  team?: { id: string; name: string };
  /** Set for any workspace in an Enterprise Grid org; alone (no `team`) for an org-wide install. */
  enterprise?: { id: string; name: string };
  /** The app has token rotation on: the bot token expires and a refresh token (used once) renews it. */
  rotation?: { refreshToken: string; expiresIn: number };
}

/** One Web API call as the fake received it. */
export interface OAuthApiCall {
  method: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

export interface FakeSlackOAuthApi {
  /** What to give as the Web API base URL. */
  apiUrl: string;
  /** A response_url on this server (commands and clicks answer through it). */
  responseUrl(id: string): string;
  calls: OAuthApiCall[];
  /** Calls Slack refused, with its error code. */
  failures: Array<{ method: string; error: string }>;
  callsOf(method: string): OAuthApiCall[];
  /** The token stops working, as after an uninstall. */
  revoke(token: string): void;
  /** The token's time is up (token rotation): Slack answers `token_expired` until it is refreshed. */
  expire(token: string): void;
  close(): Promise<void>;
}

/** Where a channel lives: a workspace, and the org that workspace belongs to, if any. */
export interface FakeChannel {
  teamId: string;
  enterpriseId?: string;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A local stand-in for Slack's Web API with OAuth: `oauth.v2.access` exchanges each code once (for
 * the right client id and secret), and every other method checks its bearer token the way Slack
 * does. A token works only in the workspace it was issued for (an org-wide token in every workspace
 * of its org): a channel elsewhere is `channel_not_found`, an unknown token `invalid_auth`, a
 * revoked one `token_revoked`, an expired one `token_expired`. With token rotation, `oauth.v2.access`
 * with `grant_type=refresh_token` issues a new bot token and a new refresh token; each refresh token
 * works once (`invalid_refresh_token` after), and earlier bot tokens work until they expire.
 */
export const startFakeSlackOAuthApi = async (options: {
  clientId: string;
  clientSecret: string;
  installs: FakeInstall[];
  channels: Record<string, FakeChannel>;
}): Promise<FakeSlackOAuthApi> => {
  const calls: OAuthApiCall[] = [];
  const failures: Array<{ method: string; error: string }> = [];
  const used = new Set<string>();
  const revoked = new Set<string>();
  const expired = new Set<string>();
  /** Every bot token issued (at install or by a refresh), and its install. */
  const issued = new Map<string, FakeInstall>(options.installs.map((install) => [install.botToken, install]));
  /** The one refresh token that works now, per install code. */
  const refreshTokens = new Map<string, string>();
  let refreshes = 0;
  let ts = 1_700_000_000;
  let base = '';
  /** Files started with `files.getUploadURLExternal`, and whose token started them. */
  const files = new Map<string, string>();
  const tokenOf = (authorization: string | undefined): string | undefined => /^Bearer (.+)$/u.exec(authorization ?? '')?.[1];
  const byToken = (authorization: string | undefined): FakeInstall | undefined => {
    const token = tokenOf(authorization);
    return token === undefined ? undefined : issued.get(token);
  };

  const refresh = (form: URLSearchParams): Record<string, unknown> => {
    const given = form.get('refresh_token') ?? '';
    const install = options.installs.find((candidate) => candidate.rotation !== undefined && refreshTokens.get(candidate.code) === given);
    if (install?.rotation === undefined) return { ok: false, error: 'invalid_refresh_token' };
    refreshes += 1;
    const token = `${install.botToken}-r${refreshes}`;
    const next = `${install.rotation.refreshToken}-r${refreshes}`;
    issued.set(token, install);
    refreshTokens.set(install.code, next);
    return {
      ok: true,
      app_id: 'A0APP',
      token_type: 'bot',
      access_token: token,
      refresh_token: next,
      expires_in: install.rotation.expiresIn,
      bot_user_id: install.botUserId,
      team: install.team ?? null,
      enterprise: install.enterprise ?? null,
      is_enterprise_install: install.team === undefined,
    };
  };

  const exchange = (form: URLSearchParams): Record<string, unknown> => {
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) return { ok: false, error: 'invalid_client_id' };
    if (form.get('grant_type') === 'refresh_token') return refresh(form);
    const code = form.get('code') ?? '';
    const install = options.installs.find((candidate) => candidate.code === code);
    if (install === undefined || used.has(code)) return { ok: false, error: 'invalid_code' };
    used.add(code);
    if (install.rotation) refreshTokens.set(install.code, install.rotation.refreshToken);
    return {
      ok: true,
      ...(install.rotation ? { refresh_token: install.rotation.refreshToken, expires_in: install.rotation.expiresIn } : {}),
      app_id: 'A0APP',
      authed_user: { id: install.installer },
      scope: 'app_mentions:read,chat:write,commands,files:write,im:history,im:read,im:write,users:read',
      token_type: 'bot',
      access_token: install.botToken,
      bot_user_id: install.botUserId,
      team: install.team ?? null,
      enterprise: install.enterprise ?? null,
      is_enterprise_install: install.team === undefined,
    };
  };

  const inWorkspaceOf = (install: FakeInstall, channel: string | null): boolean => {
    const where = channel === null ? undefined : options.channels[channel];
    if (where === undefined) return channel !== null && channel.startsWith('D');
    return install.team === undefined ? where.enterpriseId === install.enterprise?.id : where.teamId === install.team.id;
  };

  const answer = (method: string, authorization: string | undefined, form: URLSearchParams): Record<string, unknown> => {
    if (method === 'oauth.v2.access') return exchange(form);
    if (authorization === undefined) return { ok: false, error: 'not_authed' };
    const install = byToken(authorization);
    if (install === undefined) return { ok: false, error: 'invalid_auth' };
    if (revoked.has(install.botToken)) return { ok: false, error: 'token_revoked' };
    if (expired.has(tokenOf(authorization) ?? '')) return { ok: false, error: 'token_expired' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${install.team?.id ?? install.enterprise?.id ?? 'x'}.slack.com/`,
          team_id: install.team?.id,
          user_id: install.botUserId,
          bot_id: install.botId,
          is_enterprise_install: install.team === undefined,
        };
      case 'users.info':
        return { ok: true, user: { id: form.get('user'), name: 'anna', is_admin: false } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${form.get('users') ?? ''}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${files.size + 1}`;
        files.set(id, install.botToken);
        return { ok: true, upload_url: `${base}/upload/v1/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = JSON.parse(form.get('files') ?? '[]') as Array<{ id: string }>;
        // A file belongs to the workspace whose token started it.
        if (listed.some((file) => files.get(file.id) !== install.botToken)) return { ok: false, error: 'file_not_found' };
        if (!inWorkspaceOf(install, form.get('channel_id'))) return { ok: false, error: 'channel_not_found' };
        return { ok: true, files: listed };
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        if (!inWorkspaceOf(install, form.get('channel'))) return { ok: false, error: 'channel_not_found' };
        ts += 1;
        return { ok: true, channel: form.get('channel'), ts: `${ts}.000100` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = (request.url ?? '').replace(/\?.*$/u, '');
      const form = new URLSearchParams(body);
      if (path.startsWith('/respond/')) {
        // A response_url: it carries its own authority, no token.
        calls.push({ method: 'response_url', authorization: request.headers.authorization, form: new URLSearchParams({ body }) });
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('ok');
        return;
      }
      if (path.startsWith('/upload/v1/')) {
        calls.push({ method: 'upload', authorization: request.headers.authorization, form: new URLSearchParams() });
        response.writeHead(files.has(path.slice('/upload/v1/'.length)) ? 200 : 404);
        response.end('OK');
        return;
      }
      const method = path.replace(/^\/api\//u, '');
      calls.push({ method, authorization: request.headers.authorization, form });
      const result = answer(method, request.headers.authorization, form);
      if (result.ok !== true) failures.push({ method, error: String(result.error) });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    failures,
    callsOf: (method) => calls.filter((call) => call.method === method),
    revoke: (token) => void revoked.add(token),
    expire: (token) => void expired.add(token),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
