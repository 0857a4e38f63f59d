import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { APPLICATION_ID, BOT_USER, guildCreate, messageObject, type FakeGuild, type FakeUser } from './fake-discord-payloads.js';

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One REST call as the fake received it. `path` starts after `/api/v10`. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The JSON body, or the `payload_json` part of a multipart body. */
  body: unknown;
  files: RecordedFile[];
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
}

const parseMultipart = (raw: Buffer, boundary: string): { body: unknown; files: RecordedFile[] } => {
  // latin1 maps bytes 1:1 to characters, so binary parts survive the string split.
  const text = raw.toString('latin1');
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/u, '');
    const field = /name="([^"]*)"/u.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/u.exec(headers)?.[1];
    if (filename === undefined) {
      if (field === 'payload_json') body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
      continue;
    }
    const contentType = /content-type:\s*([^\r\n]+)/iu.exec(headers)?.[1] ?? '';
    files.push({ field, filename, contentType, data: Buffer.from(content, 'latin1') });
  }
  return { body, files };
};

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A local stand-in for Discord: REST on 127.0.0.1 (every call recorded) and a gateway that
 * says HELLO, answers IDENTIFY with READY and one GUILD_CREATE per guild, acks heartbeats, and
 * lets a test dispatch MESSAGE_CREATE and INTERACTION_CREATE.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  readonly users = new Map<string, FakeUser>();
  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #sequence = 0;
  #nextId = 950000000000000000n;
  #failures: Failure[] = [];
  #tokenChannels = new Map<string, string>();
  #waiters: Array<{ test: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }> = [];

  private constructor(
    readonly guilds: FakeGuild[],
    readonly token: string,
  ) {
    this.#server = createServer((request, response) => void this.#onRequest(request, response));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => this.#onConnection(socket));
  }

  /** Starts REST and gateway on one random 127.0.0.1 port. */
  static async start(guilds: FakeGuild[], token = 'fake-bot-token'): Promise<FakeDiscord> {
    const fake = new FakeDiscord(guilds, token);
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

  /** A fresh snowflake, increasing. */
  nextId(): string {
    this.#nextId += 1n;
    return String(this.#nextId);
  }

  /** Answers the next `times` calls matching `method` and `path` with `status`. */
  failNext(method: string, path: RegExp, status: number, times: number): void {
    this.#failures.push({ method, path, status, remaining: times });
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

  /** Sends a gateway DISPATCH (op 0) to every connected client. */
  dispatch(type: string, data: unknown): void {
    this.#sequence += 1;
    const frame = JSON.stringify({ op: 0, t: type, s: this.#sequence, d: data });
    for (const socket of this.#sockets) socket.send(frame);
  }

  /** Dispatches INTERACTION_CREATE, remembering its channel so webhook replies land there. */
  interact(data: Record<string, unknown>): void {
    this.#tokenChannels.set(String(data['token']), String(data['channel_id']));
    this.dispatch('INTERACTION_CREATE', data);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op !== 2) return;
      this.identifies.push(frame.d);
      this.dispatch('READY', {
        v: 10,
        user: BOT_USER,
        guilds: this.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: 'fake-session',
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [0, 1],
        application: { id: APPLICATION_ID, flags: 0 },
      });
      for (const guild of this.guilds) this.dispatch('GUILD_CREATE', guildCreate(guild));
    });
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    const type = request.headers['content-type'] ?? '';
    const boundary = /boundary=(.+)$/u.exec(type)?.[1];
    const parsed =
      boundary !== undefined
        ? parseMultipart(raw, boundary)
        : { body: raw.length > 0 && type.includes('json') ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined, files: [] };
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/u, ''),
      query: url.searchParams,
      body: parsed.body,
      files: parsed.files,
    };
    this.requests.push(recorded);

    const send = (status: number, payload?: unknown): void => {
      response.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    // Interaction callbacks and webhooks authenticate by their token in the path, not the header.
    const needsAuth = !/^\/(interactions|webhooks)\//u.test(recorded.path);
    const failure = this.#failures.find((f) => f.remaining > 0 && f.method === recorded.method && f.path.test(recorded.path));
    if (needsAuth && request.headers.authorization !== `Bot ${this.token}`) {
      send(401, { message: '401: Unauthorized', code: 0 });
    } else if (failure) {
      failure.remaining -= 1;
      send(failure.status, { message: 'Internal Server Error', code: 0 });
    } else {
      this.#route(recorded, send);
    }
    // Waiters run after the response so a test sees the call only once it was answered.
    for (const waiter of [...this.#waiters]) {
      if (!waiter.test(recorded)) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
  }

  #botMessage(channelId: string, body: unknown, files: RecordedFile[]): Record<string, unknown> {
    const fields = (body ?? {}) as { content?: string; embeds?: unknown[]; components?: unknown[] };
    const guild = this.guilds.find((g) => g.channelId === channelId);
    return messageObject({
      id: this.nextId(),
      channelId,
      ...(guild ? { guildId: guild.id } : {}),
      author: BOT_USER,
      content: fields.content ?? '',
      embeds: fields.embeds ?? [],
      components: fields.components ?? [],
      attachments: files.map((file, i) => ({ id: String(i), filename: file.filename, size: file.data.length, url: `https://cdn.invalid/${file.filename}`, proxy_url: `https://cdn.invalid/${file.filename}` })),
    });
  }

  #route(request: RecordedRequest, send: (status: number, payload?: unknown) => void): void {
    const { method, path, body, files } = request;
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      send(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    } else if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/u.exec(path))) {
      send(200, this.#botMessage(match[1] ?? '', body, files));
    } else if (method === 'GET' && (match = /^\/channels\/(\d+)$/u.exec(path))) {
      const guild = this.guilds.find((g) => g.channelId === match?.[1]);
      if (guild) send(200, { id: guild.channelId, type: 0, guild_id: guild.id, name: 'learning-city', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, flags: 0 });
      else send(404, { message: 'Unknown Channel', code: 10003 });
    } else if (method === 'GET' && (match = /^\/users\/(\d+)$/u.exec(path))) {
      const user = this.users.get(match[1] ?? '');
      if (user) send(200, { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null });
      else send(404, { message: 'Unknown User', code: 10013 });
    } else if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = this.users.get(String((body as { recipient_id?: string }).recipient_id));
      if (!recipient) send(400, { message: 'Invalid Recipient(s)', code: 50033 });
      else send(200, { id: `7${recipient.id.slice(1)}`, type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient.id, username: recipient.username, discriminator: '0', global_name: null, avatar: null }] });
    } else if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/u.test(path)) {
      send(204);
    } else if ((match = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/u.exec(path))) {
      if (method === 'DELETE') send(204);
      else send(200, this.#botMessage(this.#tokenChannels.get(match[1] ?? '') ?? '0', body, files));
    } else if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/u.test(path)) {
      send(200, (body as Array<Record<string, unknown>>).map((command) => ({ ...command, id: this.nextId(), application_id: APPLICATION_ID, version: '1' })));
    } else {
      send(404, { message: `fake Discord has no route for ${method} ${path}`, code: 0 });
    }
  }
}
