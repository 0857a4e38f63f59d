import {
  escapeMarkdown,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionUpdateOptions,
  type User,
} from 'discord.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import { commandText, isDeferredCommand } from './commands.js';
import { FAILURE_TEXT, type HandlerDeps } from './message-handler.js';
import { originFromInteraction } from './origin.js';
import { renderReplies, renderReply, type DiscordMessagePayload } from './render.js';

// Prefix of the core's `feedbackValue(...)`: 👍/👎 thanks go to the clicker only.
const FEEDBACK_PREFIX = 'feedback:';
const NOTHING_TO_SHOW: DiscordMessagePayload = { content: 'Nothing to show.', allowedMentions: { parse: [], repliedUser: false } };

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Tells the user that answering failed; whatever was already shown stays. A deferred reply still
 * saying "thinking…" becomes the apology: on Discord the first follow-up after a deferral would
 * fill that message anyway (keeping its visibility), so deleting it afterwards would leave nothing.
 */
const reportFailure = async (interaction: Repliable, error: unknown, deps: HandlerDeps, placeholderOpen: boolean): Promise<void> => {
  deps.logger.error(
    { err: errorMessage(error), interaction: interaction.id, guildId: interaction.guildId, channelId: interaction.channelId },
    'discord interaction failed',
  );
  const allowedMentions = { parse: [] };
  const notice = { content: FAILURE_TEXT, flags: MessageFlags.Ephemeral, allowedMentions } as const;
  try {
    if (placeholderOpen) {
      const apology = { content: FAILURE_TEXT, embeds: [], components: [], files: [], attachments: [], allowedMentions };
      // If the edit fails too, a follow-up is Discord's other way to fill the deferred message.
      await interaction.editReply(apology).catch(() => interaction.followUp({ content: FAILURE_TEXT, allowedMentions }));
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp(notice);
    } else {
      await interaction.reply(notice);
    }
  } catch (noticeError) {
    deps.logger.error({ err: errorMessage(noticeError), interaction: interaction.id }, 'discord failure notice not sent');
  }
};

/** How long the core may take before the bot acknowledges an interaction it meant to answer at once. */
export const DEFAULT_ACK_WITHIN_MS = 2_000;
const LATE = Symbol('late');

/**
 * Resolves with `work`'s result; when that takes longer than `ms`, `acknowledge` runs first, so
 * Discord's three-second deadline for the first response is met while the core keeps working.
 * Without it a slow answer (a busy machine, a chart to draw) is refused and the user sees nothing.
 */
const beforeDeadline = async <T>(work: Promise<T>, acknowledge: () => Promise<unknown>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    const first = await Promise.race([work, late]);
    if (first !== LATE) return first;
  } finally {
    clearTimeout(timer);
  }
  await acknowledge();
  return work;
};

const handleCommand = async (interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> => {
  const text = commandText(interaction.commandName, (name) => interaction.options.getString(name));
  let placeholderOpen = false;
  try {
    if (text === undefined) {
      // A command registered by an older version of this bot, still shown by Discord.
      const content = `I don't know the command /${interaction.commandName}. Try /help.`;
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
      return;
    }
    if (isDeferredCommand(interaction.commandName)) {
      await interaction.deferReply();
      placeholderOpen = true;
    }
    const handled = deps.bot.handle({ type: 'message', origin: originFromInteraction(interaction), text });
    const replies = interaction.deferred
      ? await handled
      : await beforeDeadline(handled, async () => {
          await interaction.deferReply();
          placeholderOpen = true;
        }, deps.ackWithinMs ?? DEFAULT_ACK_WITHIN_MS);
    const [first = NOTHING_TO_SHOW, ...rest] = renderReplies(replies);
    if (interaction.deferred) await interaction.editReply(first);
    else await interaction.reply(first);
    placeholderOpen = false;
    for (const payload of rest) await interaction.followUp(payload);
  } catch (error) {
    await reportFailure(interaction, error, deps, placeholderOpen);
  }
};

/** Edits the clicked message to show `payload` instead, dropping what it showed before. */
const asUpdate = (payload: DiscordMessagePayload): InteractionUpdateOptions => ({
  content: payload.content ?? '',
  embeds: payload.embeds ?? [],
  components: payload.components ?? [],
  files: payload.files ?? [],
  attachments: [],
  allowedMentions: payload.allowedMentions,
});

/**
 * The user who ran the slash command that produced the clicked message, when Discord says so.
 * Someone else's click would otherwise answer their own assessment on the owner's message.
 */
const ownerOf = (interaction: ButtonInteraction): User | undefined => interaction.message.interactionMetadata?.user;

/** The owner as people in the channel know them: server nickname, display name or username. */
const ownerName = (interaction: ButtonInteraction, owner: User): string =>
  escapeMarkdown(interaction.guild?.members.cache.get(owner.id)?.displayName ?? owner.globalName ?? owner.username);

/**
 * A respondent's own step (a round's Take part, then each question): ephemeral, flag 64. A click on
 * the channel's message answers with a new ephemeral reply, leaving that message as it is; a click
 * on an ephemeral step replaces that step, so the run reads as one private message.
 */
const answerPrivately = async (
  interaction: ButtonInteraction,
  replies: Reply[],
  updateClicked: (options: InteractionUpdateOptions) => Promise<unknown>,
): Promise<void> => {
  const [head = NOTHING_TO_SHOW, ...more] = renderReplies(replies);
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) await updateClicked(asUpdate(head));
  else if (interaction.deferred) await interaction.followUp({ ...head, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...head, flags: MessageFlags.Ephemeral });
  for (const payload of more) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
};

const handleButton = async (interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> => {
  const value = interaction.customId;
  const isFeedback = value.startsWith(FEEDBACK_PREFIX);
  try {
    const ownerUser = ownerOf(interaction);
    const owner = ownerUser?.id;
    // A round's Take part belongs to everyone, wherever its invitation ended up (a command's reply when it could not be posted).
    const isRoundJoin = /^group:[a-z0-9]+:join$/u.test(value);
    if (!isFeedback && !isRoundJoin && ownerUser !== undefined && owner !== interaction.user.id) {
      await interaction.reply({
        content: `This assessment belongs to ${ownerName(interaction, ownerUser)}. Start your own with /assess.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    const handled = deps.bot.handle({ type: 'choice', origin: originFromInteraction(interaction), value });
    const replies: Reply[] = await beforeDeadline(handled, () => interaction.deferUpdate(), deps.ackWithinMs ?? DEFAULT_ACK_WITHIN_MS);
    // After a deferred update, the clicked message is edited through the interaction's webhook.
    const updateClicked = (options: InteractionUpdateOptions) =>
      interaction.deferred ? interaction.editReply(options as InteractionEditReplyOptions) : interaction.update(options);
    if (replies.length > 0 && replies.every((reply) => reply.private === true)) {
      await answerPrivately(interaction, replies, updateClicked);
      return;
    }
    const [first, ...others] = replies;
    // Only a click by the known owner may retire the message; anyone else's outcome is private.
    const ownersClick = owner !== undefined && owner === interaction.user.id && first?.kind !== 'error';
    if (!isFeedback && first?.kind === 'prompt') {
      // The next question replaces the answered one, so the channel is not flooded with prompts.
      const [head = NOTHING_TO_SHOW, ...more] = renderReply(first);
      await updateClicked(asUpdate(head));
      for (const payload of [...more, ...renderReplies(others)]) await interaction.followUp(payload);
    } else if (!isFeedback && (ownersClick || replies.some((reply) => reply.kind === 'summary'))) {
      // Finished, cancelled or paused: the last prompt loses its buttons and the outcome follows.
      await updateClicked({ components: [] });
      for (const payload of renderReplies(replies)) await interaction.followUp(payload);
    } else {
      // Thanks for feedback, "no longer active" and the like concern the clicker alone.
      const [head = NOTHING_TO_SHOW, ...more] = renderReplies(replies);
      if (interaction.deferred) await interaction.followUp({ ...head, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ ...head, flags: MessageFlags.Ephemeral });
      for (const payload of more) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    }
  } catch (error) {
    await reportFailure(interaction, error, deps, false);
  }
};

/** Routes slash commands and button clicks to the core; other interaction types are ignored. */
export const handleInteraction = async (interaction: Interaction, deps: HandlerDeps): Promise<void> => {
  if (interaction.isChatInputCommand()) await handleCommand(interaction, deps);
  else if (interaction.isButton()) await handleButton(interaction, deps);
};
