import { GuildMember, PermissionFlagsBits, type BaseInteraction, type Channel, type Message, type User } from 'discord.js';
import type { Origin } from '../../src/core/events.js';

/**
 * `workspaceId` of a user's direct messages with the bot. A DM belongs to no guild and to no other
 * user: each user's DMs are a workspace of their own, so nobody's DM results reach anyone else.
 */
export const dmWorkspaceId = (userId: string): string => `dm:${userId}`;

/** The server's name (typed to confirm deleting its data), or, in a DM, the mark of a user's own workspace. */
const workspaceOf = (guild: { name: string } | null, guildId: string | null): Pick<Origin, 'workspaceName' | 'personal'> =>
  guildId === null ? { personal: true } : guild === null ? {} : { workspaceName: guild.name };

/** Channel and thread ids: a thread is a conversation inside its parent channel. */
const place = (channelId: string, channel: Channel | null): { channelId: string; threadId?: string } =>
  channel?.isThread() && channel.parentId ? { channelId: channel.parentId, threadId: channel.id } : { channelId };

const displayName = (user: User, member: GuildMember | null): string => member?.displayName ?? user.globalName ?? user.username;

/** Role ids of a guild member, whether discord.js resolved it or passed the raw API member. */
const roleIdsOf = (member: unknown): string[] => {
  if (member instanceof GuildMember) return [...member.roles.cache.keys()];
  const roles = (member as { roles?: unknown } | null)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
};

/**
 * Origin of a guild or DM message. `isAdmin` is the Manage Guild permission, computed from the
 * member's cached roles; a member discord.js cannot resolve counts as no admin.
 */
export const originFromMessage = (message: Message): Origin => {
  let isAdmin = false;
  try {
    isAdmin = message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
  } catch {
    // Permissions need the guild's roles in cache; without them, no elevated rights.
  }
  return {
    platform: 'discord',
    workspaceId: message.guildId ?? dmWorkspaceId(message.author.id),
    ...workspaceOf(message.guild, message.guildId),
    ...place(message.channelId, message.channel),
    userId: message.author.id,
    userName: displayName(message.author, message.member),
    isAdmin: message.guildId !== null && isAdmin,
    roleIds: roleIdsOf(message.member),
  };
};

/**
 * Origin of a slash command or a button click. Built exactly like {@link originFromMessage} so a
 * click lands in the same conversation as the message that showed the buttons. `isAdmin` comes
 * from the permissions Discord resolved for the member in this channel.
 */
export const originFromInteraction = (interaction: BaseInteraction): Origin => ({
  platform: 'discord',
  workspaceId: interaction.guildId ?? dmWorkspaceId(interaction.user.id),
  ...workspaceOf(interaction.guild, interaction.guildId),
  ...place(interaction.channelId ?? interaction.user.id, interaction.channel),
  userId: interaction.user.id,
  userName: displayName(interaction.user, interaction.member instanceof GuildMember ? interaction.member : null),
  isAdmin: interaction.guildId !== null && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
  roleIds: roleIdsOf(interaction.member),
});
