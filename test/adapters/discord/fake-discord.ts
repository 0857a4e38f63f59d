import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { FakeAttachments } from './fake-discord-attachments.js';
import { FakeGateway, shardOfGuild } from './fake-discord-gateway.js';
import { recordRequest, type FakeResponse, type RecordedRequest } from './fake-discord-http.js';
import { FakeInteractions } from './fake-discord-interactions.js';
import { FakeMessages, type StoredMessage } from './fake-discord-messages.js';
import { APPLICATION_ID, BOT_USER, guildCreate, type FakeGuild, type FakeUser } from './fake-discord-payloads.js';
import { checkMessage, errorBody, rateLimited } from './fake-discord-rules.js';

export type { RecordedFile, RecordedRequest } from './fake-discord-http.js';
export { PRIVILEGED_INTENTS, shardOfGuild } from './fake-discord-gateway.js';

/** A fault a test injects: calls matching `method` and `path` get `response` instead, `times` times. */
interface Fault {
  method: string;
  path: RegExp;
  remaining: number;
  response: () => FakeResponse;
}

export interface FakeDiscordOptions {
  /** Privileged intents switched on in the Developer Portal; none by default, as for a new app. */
  grantedIntents?: number;
  /** Shards `GET /gateway/bot` recommends; 1 by default. */
  shards?: number;
}

/** A 429's details: seconds to wait and whether the global limit was hit. */
export interface RateLimitFault {
  retryAfter?: number;
  global?: boolean;
}

/**
 * A local stand-in for Discord that keeps Discord's rules, not the bot's expectations: REST on
 * 127.0.0.1 (every call recorded) with message limits, interaction deadlines and single
 * acknowledgement, deferred replies filled by the first follow-up, 429s with rate-limit headers,
 * and a gateway that refuses ungranted privileged intents, echoes the bot's own messages, and
 * supports RESUME. Tests dispatch MESSAGE_CREATE and INTERACTION_CREATE and inject faults.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly messages: FakeMessages;
  readonly gateway: FakeGateway;
  /** Users' uploads, served from signed CDN links on the same server. */
  readonly attachments = new FakeAttachments(() => `http://127.0.0.1:${this.port}`, () => this.nextId());
  #server: Server;
  #wss: WebSocketServer;
  #nextId = 950000000000000000n;
  #faults: Fault[] = [];
  #interactions: FakeInteractions;
  /** DM channel id -> the user on the other side. */
  #dmChannels = new Map<string, string>();
  #clockOffset = 0;
  #shards: number;
  #waiters: Array<{ test: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }> = [];

  private constructor(
    readonly guilds: FakeGuild[],
    readonly token: string,
    options: FakeDiscordOptions,
  ) {
    this.#shards = options.shards ?? 1;
    this.messages = new FakeMessages(
      () => this.nextId(),
      (type, data) => this.dispatch(type, data),
    );
    this.#interactions = new FakeInteractions(this.messages, () => this.now());
    this.gateway = new FakeGateway({
      token,
      grantedIntents: options.grantedIntents ?? 0,
      botUserId: BOT_USER.id,
      // Each shard is told of, and receives, only the guilds that live on it.
      ready: (sessionId, shard) => {
        const guilds = this.guilds.filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
        return {
          ready: {
            v: 10,
            user: BOT_USER,
            guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
            session_id: sessionId,
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            shard,
            application: { id: APPLICATION_ID, flags: 0 },
          },
          guilds: guilds.map(guildCreate),
        };
      },
    });
    this.#server = createServer((request, response) => void this.#onRequest(request, response));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => this.gateway.onConnection(socket));
  }

  /** Starts REST and gateway on one random 127.0.0.1 port. */
  static async start(guilds: FakeGuild[], token = 'fake-bot-token', options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(guilds, token, options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** What to pass as `rest.api` (and `DISCORD_API_URL`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** IDENTIFY payloads received, in order. */
  get identifies(): unknown[] {
    return this.gateway.identifies;
  }

  /** The fake's clock (ms), which interaction deadlines are measured on. */
  now(): number {
    return performance.now() + this.#clockOffset;
  }

  /** Moves the fake's clock on, as if the bot had taken `ms` longer. */
  advanceTime(ms: number): void {
    this.#clockOffset += ms;
  }

  /** A fresh snowflake, increasing. */
  nextId(): string {
    this.#nextId += 1n;
    return String(this.#nextId);
  }

  /** The DM channel between the bot and `user` (the same id `POST /users/@me/channels` returns). */
  dmChannelOf(user: FakeUser): string {
    const id = `7${user.id.slice(1)}`;
    this.#dmChannels.set(id, user.id);
    return id;
  }

  /** Answers the next `times` calls matching `method` and `path` with `status` (a 429 as Discord sends it). */
  failNext(method: string, path: RegExp, status: number, times: number, rateLimit: RateLimitFault = {}): void {
    const response = (): FakeResponse =>
      status === 429
        ? rateLimited({ retryAfter: rateLimit.retryAfter ?? 1, global: rateLimit.global ?? false, bucket: `fake-${method}-${path.source}`, now: Date.now() })
        : { status, body: { message: status >= 500 ? 'Internal Server Error' : 'Fault injected by the test', code: 0 } };
    this.#faults.push({ method, path, remaining: times, response });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(test: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const seen = this.requests.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Discord: expected request did not arrive')), timeoutMs);
      this.#waiters.push({
        test,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  /** Calls matching `method` and a path pattern, in order. */
  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && path.test(request.path));
  }

  /** Sends a gateway DISPATCH to every session (kept for replay when its socket is down). */
  dispatch(type: string, data: Record<string, unknown>): void {
    if (type === 'MESSAGE_CREATE' && data['guild_id'] === undefined) {
      const author = data['author'] as { id?: string } | undefined;
      if (author?.id !== undefined && author.id !== BOT_USER.id) this.#dmChannels.set(String(data['channel_id']), author.id);
    }
    this.gateway.dispatch(type, data);
  }

  /** Dispatches INTERACTION_CREATE; from now on its three seconds run. */
  interact(data: Record<string, unknown>): void {
    const channel = data['channel'] as { type?: number } | undefined;
    const user = data['user'] as { id?: string } | undefined;
    if (channel?.type === 1 && user?.id !== undefined) this.#dmChannels.set(String(data['channel_id']), user.id);
    this.#interactions.register(data);
    this.dispatch('INTERACTION_CREATE', data);
  }

  /** The original response of the interaction with this token, as Discord now shows it. */
  originalOf(token: string): StoredMessage | undefined {
    return this.#interactions.originalOf(token);
  }

  /** Closes the gateway sockets with a resumable code; the client may RESUME. */
  disconnect(code = 4000): void {
    this.gateway.disconnect(code);
  }

  async close(): Promise<void> {
    for (const socket of this.#wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.attachments.serve(request, response)) return;
    const recorded = await recordRequest(request);
    this.requests.push(recorded);
    // Interaction callbacks and webhooks authenticate by their token in the path, not the header.
    const needsAuth = !/^\/(interactions|webhooks)\//u.test(recorded.path);
    const fault = this.#faults.find((f) => f.remaining > 0 && f.method === recorded.method && f.path.test(recorded.path));
    let answer: FakeResponse;
    if (needsAuth && request.headers.authorization !== `Bot ${this.token}`) {
      answer = { status: 401, body: errorBody.unauthorized };
    } else if (fault) {
      fault.remaining -= 1;
      answer = fault.response();
    } else {
      answer = this.#route(recorded);
    }
    recorded.status = answer.status;
    response.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }), ...answer.headers });
    response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    // Waiters run after the response so a test sees the call only once it was answered.
    for (const waiter of [...this.#waiters]) {
      if (!waiter.test(recorded)) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
  }

  #channel(id: string): Record<string, unknown> | undefined {
    const guild = this.guilds.find((g) => g.channelId === id);
    if (guild) return { id, type: 0, guild_id: guild.id, name: 'learning-city', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, flags: 0 };
    const userId = this.#dmChannels.get(id);
    const user = userId === undefined ? undefined : this.users.get(userId);
    if (userId === undefined) return undefined;
    const recipient = { id: userId, username: user?.username ?? 'someone', discriminator: '0', global_name: null, avatar: null };
    return { id, type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
  }

  #route(request: RecordedRequest): FakeResponse {
    const { method, path, body, files, query } = request;
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}`, shards: this.#shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } };
    }
    if ((match = /^\/channels\/(\d+)(\/messages(?:\/(\d+))?)?$/u.exec(path))) {
      const channelId = match[1] ?? '';
      const channel = this.#channel(channelId);
      if (!channel) return { status: 404, body: errorBody.unknownChannel };
      if (match[2] === undefined) return method === 'GET' ? { status: 200, body: channel } : { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
      const where = { channelId, guildId: typeof channel['guild_id'] === 'string' ? channel['guild_id'] : undefined };
      if (match[3] === undefined && method === 'POST') {
        const refused = checkMessage(body, { create: true, files: files.length });
        return refused ?? { status: 200, body: this.messages.toApi(this.messages.create(where, body, files)) };
      }
      const message = this.messages.get(match[3] ?? '');
      if (message?.channelId !== channelId) return { status: 404, body: errorBody.unknownMessage };
      if (method === 'DELETE') {
        this.messages.delete(message);
        return { status: 204 };
      }
      if (method !== 'PATCH') return { status: 200, body: this.messages.toApi(message) };
      const refused = checkMessage(body, { create: false, files: files.length });
      return refused ?? { status: 200, body: this.messages.toApi(this.messages.edit(message, body, files)) };
    }
    if (method === 'GET' && (match = /^\/users\/(\d+)$/u.exec(path))) {
      const user = this.users.get(match[1] ?? '');
      return user
        ? { status: 200, body: { id: user.id, username: user.username, discriminator: '0', global_name: user.global_name ?? null, avatar: null } }
        : { status: 404, body: errorBody.unknownUser };
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = this.users.get(String((body as { recipient_id?: string }).recipient_id));
      if (!recipient) return { status: 400, body: errorBody.invalidRecipients };
      return { status: 200, body: this.#channel(this.dmChannelOf(recipient)) };
    }
    if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path))) {
      return this.#interactions.callback(match[1] ?? '', match[2] ?? '', { method, body, files, query });
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/u.exec(path))) {
      if (match[1] !== APPLICATION_ID) return { status: 404, body: errorBody.unknownWebhook };
      return this.#interactions.webhook(match[2] ?? '', match[3], { method, body, files, query });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/u.test(path)) {
      return { status: 200, body: (body as Array<Record<string, unknown>>).map((command) => ({ ...command, id: this.nextId(), application_id: APPLICATION_ID, version: '1' })) };
    }
    return { status: 404, body: { message: `fake Discord has no route for ${method} ${path}`, code: 0 } };
  }
}
