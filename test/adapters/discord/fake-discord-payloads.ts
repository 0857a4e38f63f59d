import { readFileSync } from 'node:fs';

/** Ids used by the fake; snowflake-shaped so discord.js accepts them. */
export const BOT_USER = { id: '900000000000000001', username: 'learning-city-bot', discriminator: '0', global_name: null, avatar: null, bot: true };
export const APPLICATION_ID = '900000000000000001';
export const ADMIN_ROLE_PERMISSIONS = String(1n << 5n); // Manage Guild

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  /** Members whose role grants Manage Guild. */
  adminIds?: string[];
}

const template = JSON.parse(
  readFileSync(new URL('../../fixtures/discord/guild-create.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const adminRoleId = (guild: FakeGuild): string => `${guild.id.slice(0, -1)}9`;

/** GUILD_CREATE data from the recorded fixture, re-keyed for `guild`. */
export const guildCreate = (guild: FakeGuild): Record<string, unknown> => ({
  ...template,
  id: guild.id,
  name: guild.name,
  roles: [
    { id: guild.id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    { id: adminRoleId(guild), name: 'Coordinators', permissions: ADMIN_ROLE_PERMISSIONS, position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
  ],
  channels: [{ id: guild.channelId, type: 0, name: 'learning-city', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, rate_limit_per_user: 0, last_message_id: null, flags: 0 }],
  members: [{ user: BOT_USER, roles: [], joined_at: '2024-01-01T00:00:00.000Z', nick: null, deaf: false, mute: false, flags: 0 }],
});

const memberOf = (guild: FakeGuild, user: FakeUser) => {
  const admin = guild.adminIds?.includes(user.id) ?? false;
  return { roles: admin ? [adminRoleId(guild)] : [], joined_at: '2024-01-01T00:00:00.000Z', nick: null, deaf: false, mute: false, flags: 0, admin };
};

const author = (user: FakeUser) => ({ id: user.id, username: user.username, discriminator: '0', global_name: user.global_name ?? null, avatar: null });

/** A message object as the REST API and the gateway send it. */
export const messageObject = (fields: {
  id: string;
  channelId: string;
  guildId?: string;
  author: Record<string, unknown>;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  mentions?: unknown[];
  interactionMetadata?: unknown;
  extra?: Record<string, unknown>;
}): Record<string, unknown> => ({
  id: fields.id,
  channel_id: fields.channelId,
  ...(fields.guildId === undefined ? {} : { guild_id: fields.guildId }),
  author: fields.author,
  content: fields.content ?? '',
  timestamp: '2024-05-01T10:00:00.000Z',
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: fields.mentions ?? [],
  mention_roles: [],
  attachments: fields.attachments ?? [],
  embeds: fields.embeds ?? [],
  components: fields.components ?? [],
  pinned: false,
  type: 0,
  flags: 0,
  ...(fields.interactionMetadata === undefined ? {} : { interaction_metadata: fields.interactionMetadata }),
  ...fields.extra,
});

/** MESSAGE_CREATE data: a user writing in a guild channel (optionally mentioning the bot) or a DM. */
export const userMessage = (fields: {
  id: string;
  user: FakeUser;
  content: string;
  guild?: FakeGuild;
  channelId?: string;
  mentionsBot?: boolean;
  bot?: boolean;
}): Record<string, unknown> => {
  const guild = fields.guild;
  const member = guild ? memberOf(guild, fields.user) : undefined;
  const base = messageObject({
    id: fields.id,
    channelId: fields.channelId ?? guild?.channelId ?? '',
    ...(guild ? { guildId: guild.id } : {}),
    author: { ...author(fields.user), ...(fields.bot ? { bot: true } : {}) },
    content: fields.content,
    mentions: fields.mentionsBot ? [BOT_USER] : [],
    // Discord names the channel type on MESSAGE_CREATE; discord.js needs it to build a DM channel.
    extra: { channel_type: guild ? 0 : 1 },
  });
  if (!member) return base;
  const { admin: _admin, ...apiMember } = member;
  return { ...base, member: apiMember };
};

interface InteractionBase {
  id: string;
  token: string;
  user: FakeUser;
  guild?: FakeGuild;
  /** DM channel id when there is no guild. */
  dmChannelId?: string;
}

const interactionEnvelope = (fields: InteractionBase): Record<string, unknown> => {
  const guild = fields.guild;
  const common = {
    id: fields.id,
    application_id: APPLICATION_ID,
    token: fields.token,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-GB',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (!guild) {
    return {
      ...common,
      user: author(fields.user),
      channel_id: fields.dmChannelId,
      channel: { id: fields.dmChannelId, type: 1, recipients: [author(fields.user)], last_message_id: null, flags: 0 },
      authorizing_integration_owners: { '1': fields.user.id },
      context: 1,
    };
  }
  const { admin, ...member } = memberOf(guild, fields.user);
  return {
    ...common,
    guild_id: guild.id,
    guild_locale: 'en-US',
    channel_id: guild.channelId,
    channel: { id: guild.channelId, type: 0, guild_id: guild.id, name: 'learning-city', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, flags: 0 },
    member: { ...member, user: author(fields.user), permissions: admin ? ADMIN_ROLE_PERMISSIONS : '1024' },
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
  };
};

/** INTERACTION_CREATE data of a slash command (type 2) with string options. */
export const slashCommand = (fields: InteractionBase & { name: string; options?: Record<string, string> }): Record<string, unknown> => ({
  ...interactionEnvelope(fields),
  type: 2,
  data: {
    id: '910000000000000001',
    name: fields.name,
    type: 1,
    options: Object.entries(fields.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
  },
});

/** INTERACTION_CREATE data of a button click (type 3) on `message`. */
export const buttonClick = (fields: InteractionBase & { customId: string; message: Record<string, unknown> }): Record<string, unknown> => ({
  ...interactionEnvelope(fields),
  type: 3,
  data: { custom_id: fields.customId, component_type: 2 },
  message: fields.message,
});
