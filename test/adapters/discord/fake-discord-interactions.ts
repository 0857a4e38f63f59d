import type { FakeResponse, RecordedFile } from './fake-discord-http.js';
import { EPHEMERAL, LOADING, type FakeMessages, type StoredMessage } from './fake-discord-messages.js';
import { checkMessage, errorBody } from './fake-discord-rules.js';

/** Discord's deadline for the first response to an interaction. */
export const INTERACTION_DEADLINE_MS = 3_000;
/** How long an interaction token may be used for follow-ups and edits. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Interaction callback types (`POST /interactions/:id/:token/callback`). */
const CALLBACK = { reply: 4, defer: 5, deferUpdate: 6, update: 7, modal: 9 } as const;

interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  guildId?: string;
  dispatchedAt: number;
  /** The message whose button was clicked, for component interactions. */
  clicked?: StoredMessage;
  metadata: unknown;
  acknowledged: boolean;
  /** The interaction's original response, once there is one. */
  original?: StoredMessage;
  /** True between a deferral (type 5) and the edit or first follow-up that fills it. */
  pending: boolean;
}

interface Call {
  method: string;
  body: unknown;
  files: RecordedFile[];
  query: URLSearchParams;
}

/**
 * Interaction responses as Discord handles them: one callback within three seconds, refused
 * after that or a second time; follow-ups and edits through the interaction's webhook token; the
 * first follow-up after a deferral fills the deferred message and keeps its visibility.
 */
export class FakeInteractions {
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();

  constructor(
    private readonly messages: FakeMessages,
    private readonly now: () => number,
  ) {}

  /** Remembers a dispatched INTERACTION_CREATE; its clock starts now. */
  register(data: Record<string, unknown>): void {
    const user = (data['user'] ?? (data['member'] as { user?: unknown } | undefined)?.user) as { id: string } | undefined;
    const guildId = typeof data['guild_id'] === 'string' ? data['guild_id'] : undefined;
    const state: InteractionState = {
      id: String(data['id']),
      token: String(data['token']),
      channelId: String(data['channel_id']),
      ...(guildId === undefined ? {} : { guildId }),
      dispatchedAt: this.now(),
      metadata: {
        id: data['id'],
        type: data['type'],
        user,
        authorizing_integration_owners: data['authorizing_integration_owners'] ?? {},
      },
      acknowledged: false,
      pending: false,
    };
    const clicked = data['message'] as Record<string, unknown> | undefined;
    if (clicked !== undefined) state.clicked = this.messages.adopt(clicked);
    this.#byId.set(state.id, state);
    this.#byToken.set(state.token, state);
  }

  /** The original response of the interaction with this token (for assertions). */
  originalOf(token: string): StoredMessage | undefined {
    return this.#byToken.get(token)?.original;
  }

  /** `POST /interactions/:id/:token/callback`. */
  callback(id: string, token: string, call: Call): FakeResponse {
    const state = this.#byId.get(id);
    if (state?.token !== token || this.now() - state.dispatchedAt > INTERACTION_DEADLINE_MS) {
      return { status: 404, body: errorBody.unknownInteraction };
    }
    if (state.acknowledged) return { status: 400, body: errorBody.alreadyAcknowledged };
    const { type, data } = (call.body ?? {}) as { type?: number; data?: { flags?: number } };
    const where = { channelId: state.channelId, guildId: state.guildId };
    const ephemeral = ((data?.flags ?? 0) & EPHEMERAL) as number;
    if (type === CALLBACK.reply) {
      const refused = checkMessage(data, { create: true, files: call.files.length, prefix: 'data' });
      if (refused) return refused;
      state.original = this.messages.create(where, data, call.files, { flags: ephemeral, interactionMetadata: state.metadata });
    } else if (type === CALLBACK.defer) {
      state.original = this.messages.create(where, {}, [], { flags: LOADING | ephemeral, interactionMetadata: state.metadata });
      state.pending = true;
    } else if ((type === CALLBACK.update || type === CALLBACK.deferUpdate) && state.clicked !== undefined) {
      if (type === CALLBACK.update) {
        const refused = checkMessage(data, { create: false, files: call.files.length, prefix: 'data' });
        if (refused) return refused;
        this.messages.edit(state.clicked, data, call.files);
      }
      state.original = state.clicked;
    } else if (type !== CALLBACK.modal) {
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value must be one of valid callback types for this interaction.` }] } } } };
    }
    state.acknowledged = true;
    if (call.query.get('with_response') !== 'true') return { status: 204 };
    const message = state.original === undefined ? undefined : this.messages.toApi(state.original);
    return { status: 200, body: { interaction: { id: state.id, type: 2, response_message_id: state.original?.id }, resource: { type, ...(message ? { message } : {}) } } };
  }

  /** `/webhooks/:app/:token[/messages/:id]`: follow-ups, edits, reads and deletes. */
  webhook(token: string, messageId: string | undefined, call: Call): FakeResponse {
    const state = this.#byToken.get(token);
    if (!state?.acknowledged) return { status: 404, body: errorBody.unknownWebhook };
    if (this.now() - state.dispatchedAt > TOKEN_LIFETIME_MS) return { status: 401, body: errorBody.invalidWebhookToken };
    if (messageId === undefined) {
      if (call.method !== 'POST') return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
      return this.#followUp(state, call);
    }
    const message = messageId === '@original' ? state.original : this.messages.get(messageId);
    if (message === undefined || message.deleted) return { status: 404, body: errorBody.unknownMessage };
    if (call.method === 'GET') return { status: 200, body: this.messages.toApi(message) };
    if (call.method === 'DELETE') {
      this.messages.delete(message);
      if (message === state.original) state.pending = false;
      return { status: 204 };
    }
    const refused = checkMessage(call.body, { create: false, files: call.files.length });
    if (refused) return refused;
    this.messages.edit(message, call.body, call.files, LOADING);
    if (message === state.original) state.pending = false;
    return { status: 200, body: this.messages.toApi(message) };
  }

  #followUp(state: InteractionState, call: Call): FakeResponse {
    const refused = checkMessage(call.body, { create: true, files: call.files.length });
    if (refused) return refused;
    if (state.pending && state.original !== undefined && !state.original.deleted) {
      // Discord turns the "thinking…" message into this one; the follow-up's flags do not apply.
      state.pending = false;
      return { status: 200, body: this.messages.toApi(this.messages.edit(state.original, call.body, call.files, LOADING)) };
    }
    const flags = ((call.body as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL;
    const where = { channelId: state.channelId, guildId: state.guildId };
    return { status: 200, body: this.messages.toApi(this.messages.create(where, call.body, call.files, { flags, interactionMetadata: state.metadata })) };
  }
}
