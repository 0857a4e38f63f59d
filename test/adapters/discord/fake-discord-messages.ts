import type { RecordedFile } from './fake-discord-http.js';
import { BOT_USER, messageObject } from './fake-discord-payloads.js';

/** Message flags the fake understands. */
export const EPHEMERAL = 64;
export const LOADING = 128;

/** A message the bot made, as Discord keeps it: edits change it, a delete marks it deleted. */
export interface StoredMessage {
  id: string;
  channelId: string;
  guildId?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
  deleted: boolean;
  /** Set on interaction responses: who ran the command or clicked. */
  interactionMetadata?: unknown;
  /** The message this one replies to. */
  messageReference?: { message_id: string };
}

interface MessageFields {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  attachments?: Array<{ id?: string }> | null;
  message_reference?: { message_id?: string };
}

const attachmentsOf = (files: RecordedFile[]): unknown[] =>
  files.map((file, i) => ({
    id: String(i),
    filename: file.filename,
    size: file.data.length,
    url: `https://cdn.invalid/${file.filename}`,
    proxy_url: `https://cdn.invalid/${file.filename}`,
  }));

/**
 * The bot's messages. Every change is reported through `emit` so the fake can echo it over the
 * gateway (MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE) as Discord does; ephemeral messages
 * are seen only by their user, never dispatched.
 */
export class FakeMessages {
  readonly byId = new Map<string, StoredMessage>();

  constructor(
    private readonly nextId: () => string,
    private readonly emit: (type: string, data: Record<string, unknown>) => void,
  ) {}

  /** The API object of a stored message. */
  toApi(message: StoredMessage): Record<string, unknown> {
    return messageObject({
      id: message.id,
      channelId: message.channelId,
      ...(message.guildId === undefined ? {} : { guildId: message.guildId }),
      author: BOT_USER,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: message.attachments,
      ...(message.interactionMetadata === undefined ? {} : { interactionMetadata: message.interactionMetadata }),
      extra: {
        flags: message.flags,
        ...(message.messageReference === undefined
          ? {}
          : { type: 19, message_reference: { ...message.messageReference, channel_id: message.channelId, ...(message.guildId === undefined ? {} : { guild_id: message.guildId }) } }),
      },
    });
  }

  create(
    where: { channelId: string; guildId?: string | undefined },
    body: unknown,
    files: RecordedFile[],
    extra: { flags?: number; interactionMetadata?: unknown } = {},
  ): StoredMessage {
    const fields = (body ?? {}) as MessageFields;
    const message: StoredMessage = {
      id: this.nextId(),
      channelId: where.channelId,
      ...(where.guildId === undefined ? {} : { guildId: where.guildId }),
      content: fields.content ?? '',
      embeds: fields.embeds ?? [],
      components: fields.components ?? [],
      attachments: attachmentsOf(files),
      flags: extra.flags ?? 0,
      deleted: false,
      ...(extra.interactionMetadata === undefined ? {} : { interactionMetadata: extra.interactionMetadata }),
      ...(fields.message_reference?.message_id === undefined ? {} : { messageReference: { message_id: fields.message_reference.message_id } }),
    };
    this.byId.set(message.id, message);
    if ((message.flags & EPHEMERAL) === 0) this.emit('MESSAGE_CREATE', this.toApi(message));
    return message;
  }

  /** Applies the fields present in `body`; `clearFlags` drops flags such as LOADING on an edit. */
  edit(message: StoredMessage, body: unknown, files: RecordedFile[], clearFlags = 0): StoredMessage {
    const fields = (body ?? {}) as MessageFields;
    if (fields.content !== undefined) message.content = fields.content ?? '';
    if (fields.embeds !== undefined) message.embeds = fields.embeds ?? [];
    if (fields.components !== undefined) message.components = fields.components ?? [];
    if (fields.attachments !== undefined || files.length > 0) {
      const kept = new Set((fields.attachments ?? []).map((a) => String(a.id)));
      message.attachments = [
        ...message.attachments.filter((a) => kept.has(String((a as { id?: string }).id))),
        ...attachmentsOf(files),
      ];
    }
    message.flags &= ~clearFlags;
    if ((message.flags & EPHEMERAL) === 0) this.emit('MESSAGE_UPDATE', this.toApi(message));
    return message;
  }

  delete(message: StoredMessage): void {
    message.deleted = true;
    if ((message.flags & EPHEMERAL) === 0) {
      this.emit('MESSAGE_DELETE', {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId === undefined ? {} : { guild_id: message.guildId }),
      });
    }
  }

  /** A live message by id; a clicked message the fake never made is adopted as the bot's own. */
  get(id: string): StoredMessage | undefined {
    const message = this.byId.get(id);
    return message?.deleted === false ? message : undefined;
  }

  adopt(api: Record<string, unknown>): StoredMessage {
    const id = String(api['id']);
    const known = this.byId.get(id);
    if (known) return known;
    const message: StoredMessage = {
      id,
      channelId: String(api['channel_id']),
      ...(typeof api['guild_id'] === 'string' ? { guildId: api['guild_id'] } : {}),
      content: String(api['content'] ?? ''),
      embeds: (api['embeds'] as unknown[] | undefined) ?? [],
      components: (api['components'] as unknown[] | undefined) ?? [],
      attachments: (api['attachments'] as unknown[] | undefined) ?? [],
      flags: Number(api['flags'] ?? 0),
      deleted: false,
    };
    this.byId.set(id, message);
    return message;
  }
}
