import type { WebSocket } from 'ws';

/** Gateway intents Discord calls privileged: they must be switched on in the Developer Portal. */
export const PRIVILEGED_INTENTS = { GuildMembers: 1 << 1, GuildPresences: 1 << 8, MessageContent: 1 << 15 } as const;
const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;

interface Frame {
  op: number;
  s: number | null;
  t: string | null;
  d: unknown;
}

/** One gateway session: what was sent in it, so a client that lost its socket can RESUME. */
interface Session {
  id: string;
  intents: number;
  sequence: number;
  /** Dispatches in order; a resume replays those after the client's last sequence. */
  sent: Frame[];
  socket: WebSocket | undefined;
  /** `[shard id, shard count]` from IDENTIFY; `[0, 1]` when the client did not shard. */
  shard: [number, number];
}

/** Discord's rule: a guild's events go to shard `(guild_id >> 22) % count`; DMs go to shard 0. */
export const shardOfGuild = (guildId: string | undefined, count: number): number =>
  guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));

export interface GatewayOptions {
  token: string;
  /** Privileged intents switched on for the app; IDENTIFY asking for others is closed with 4014. */
  grantedIntents: number;
  botUserId: string;
  /** READY data and the GUILD_CREATEs sent after it, for a new session on `shard`. */
  ready: (sessionId: string, shard: [number, number]) => { ready: unknown; guilds: unknown[] };
}

const isShard = (value: unknown): value is [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((n) => Number.isInteger(n)) &&
  (value[1] as number) >= 1 &&
  (value[0] as number) >= 0 &&
  (value[0] as number) < (value[1] as number);

/** Message content is only sent to apps with MESSAGE_CONTENT, except in DMs, mentions and their own messages. */
const withoutContent = (data: Record<string, unknown>): Record<string, unknown> => ({ ...data, content: '', embeds: [], attachments: [], components: [] });

/**
 * The gateway side of the fake: HELLO, IDENTIFY (refusing privileged intents the app was not
 * granted, with close code 4014), heartbeats, RESUME (op 6) replaying what a session missed and
 * then RESUMED, INVALID_SESSION for an unknown session, and dispatches filtered by intents and
 * routed by shard (a guild's events reach only the session of its shard).
 */
export class FakeGateway {
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  /** Dispatches of events (not READY or GUILD_CREATE) by the shard of the session they went to. */
  readonly delivered: Array<{ shard: [number, number]; type: string; id: unknown; guildId: string | undefined }> = [];
  readonly #sessions = new Map<string, Session>();
  #sessionCount = 0;

  constructor(private readonly options: GatewayOptions) {}

  /**
   * Sends a DISPATCH to every session of the guild's shard (DMs: shard 0), or keeps it for the
   * session to RESUME when its socket is gone. `guildOf` names the guild of events that carry it
   * as `id` rather than `guild_id` (GUILD_CREATE, GUILD_DELETE).
   */
  dispatch(type: string, data: Record<string, unknown>, guildOf?: string): void {
    const guildId = guildOf ?? (typeof data['guild_id'] === 'string' ? data['guild_id'] : undefined);
    for (const session of this.#sessions.values()) {
      const [shardId, shardCount] = session.shard;
      if (shardOfGuild(guildId, shardCount) !== shardId) continue;
      const shaped = this.#shape(session, type, data);
      if (shaped === undefined) continue;
      this.delivered.push({ shard: session.shard, type, id: data['id'], guildId });
      this.#send(session, type, shaped);
    }
  }

  /** Closes every open socket with `code` (4000 lets the client RESUME); sessions stay resumable. */
  disconnect(code = 4000): void {
    for (const session of this.#sessions.values()) {
      session.socket?.close(code, 'fake Discord: disconnected by the test');
      session.socket = undefined;
    }
  }

  /** Number of sockets currently identified or resumed. */
  get connected(): number {
    return [...this.#sessions.values()].filter((session) => session.socket !== undefined).length;
  }

  onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } }));
    socket.on('close', (code) => {
      for (const session of this.#sessions.values()) {
        if (session.socket !== socket) continue;
        session.socket = undefined;
        // A client that closes normally ends its session; any other close leaves it resumable.
        if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
      }
    });
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      else if (frame.op === 2) this.#identify(socket, frame.d as { token?: string; intents?: number; shard?: unknown });
      else if (frame.op === 6) this.#resume(socket, frame.d as { token?: string; session_id?: string; seq?: number | null });
    });
  }

  #identify(socket: WebSocket, d: { token?: string; intents?: number; shard?: unknown }): void {
    this.identifies.push(d);
    if (d.token !== this.options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const intents = d.intents ?? 0;
    const privileged = Object.values(PRIVILEGED_INTENTS).reduce((all, bit) => all | bit, 0);
    if ((intents & privileged & ~this.options.grantedIntents) !== 0) {
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard ?? [0, 1];
    if (!isShard(shard)) {
      // Discord closes a connection whose IDENTIFY names an impossible shard with 4010.
      socket.close(4010, 'Invalid shard.');
      return;
    }
    this.#sessionCount += 1;
    const session: Session = { id: `fake-session-${this.#sessionCount}`, intents, sequence: 0, sent: [], socket, shard };
    this.#sessions.set(session.id, session);
    const { ready, guilds } = this.options.ready(session.id, shard);
    this.#send(session, 'READY', ready);
    for (const guild of guilds) this.#send(session, 'GUILD_CREATE', guild);
  }

  #resume(socket: WebSocket, d: { token?: string; session_id?: string; seq?: number | null }): void {
    this.resumes.push(d);
    const session = this.#sessions.get(d.session_id ?? '');
    if (d.token !== this.options.token || session === undefined) {
      socket.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
      return;
    }
    session.socket?.close(4000, 'Session resumed elsewhere');
    session.socket = socket;
    for (const frame of session.sent.filter((f) => (f.s ?? 0) > (d.seq ?? 0))) socket.send(JSON.stringify(frame));
    this.#send(session, 'RESUMED', {});
  }

  #send(session: Session, type: string, data: unknown): void {
    session.sequence += 1;
    const frame: Frame = { op: 0, t: type, s: session.sequence, d: data };
    session.sent.push(frame);
    session.socket?.send(JSON.stringify(frame));
  }

  /** The dispatch as this session may see it, or `undefined` when its intents exclude it. */
  #shape(session: Session, type: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
    if (type !== 'MESSAGE_CREATE' && type !== 'MESSAGE_UPDATE') return data;
    const inGuild = typeof data['guild_id'] === 'string';
    if ((session.intents & (inGuild ? GUILD_MESSAGES : DIRECT_MESSAGES)) === 0) return undefined;
    if ((session.intents & PRIVILEGED_INTENTS.MessageContent) !== 0 || !inGuild) return data;
    const botId = this.options.botUserId;
    const author = data['author'] as { id?: string } | undefined;
    const mentions = (data['mentions'] as Array<{ id?: string }> | undefined) ?? [];
    if (author?.id === botId || mentions.some((user) => user.id === botId)) return data;
    return withoutContent(data);
  }
}
