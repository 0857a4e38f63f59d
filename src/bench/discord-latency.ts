import { FakeDiscord } from '../../test/adapters/discord/fake-discord.js';
import { APPLICATION_ID, BOT_USER, userMessage, type FakeGuild, type FakeUser } from '../../test/adapters/discord/fake-discord-payloads.js';
import { startBotProcess } from './bot-child.js';
import { runClosedLoop, type LatencyRow } from './closed-loop.js';
import type { PlatformBenchOptions } from './slack-latency.js';

const GUILDS = 100;
const USERS = 50;

const guilds: FakeGuild[] = Array.from({ length: GUILDS }, (_, i) => ({
  id: String(810000000000100000n + BigInt(i)),
  name: `Learning City ${i}`,
  channelId: String(811000000000100000n + BigInt(i)),
}));
const users: FakeUser[] = Array.from({ length: USERS }, (_, i) => ({ id: String(820000000000100000n + BigInt(i)), username: `member${i}` }));

export interface DiscordBenchOptions extends PlatformBenchOptions {
  /**
   * discord.js holds every bot to Discord's global limit of 50 requests a second on its own side.
   * With `false` the limit is lifted, to see the bot's own cost above that rate.
   */
  globalLimit: boolean;
}

/**
 * Latency from a MESSAGE_CREATE (an @mention) leaving the fake gateway to the answer's
 * `POST /channels/:id/messages` reaching the fake REST server, through the real discord.js client.
 * The bot runs in its own process. Conversations are spread over 100 guild channels: discord.js
 * sends one request at a time per channel, as Discord's per-channel limits require.
 */
export const benchDiscordLatency = async (options: DiscordBenchOptions): Promise<LatencyRow[]> => {
  const fake = await FakeDiscord.start(guilds);
  const bot = await startBotProcess({ platform: 'discord', apiUrl: fake.apiUrl, token: fake.token, applicationId: APPLICATION_ID, globalLimit: options.globalLimit }).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const platform = options.globalLimit ? 'discord' : 'discord, 50/s cap lifted';

  const send = async (index: number): Promise<number> => {
    const guild = guilds[index % GUILDS] ?? guilds[0];
    const user = users[index % USERS] ?? users[0];
    if (!guild || !user) throw new Error('no guild');
    const question = options.questions[index % options.questions.length] ?? 'What is a learning city?';
    const id = fake.nextId();
    const path = `/channels/${guild.channelId}/messages`;
    let arrived = 0;
    const reply = fake.waitForRequest((request) => {
      const reference = (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference;
      if (request.method !== 'POST' || request.path !== path || reference?.message_id !== id) return false;
      arrived = performance.now();
      return true;
    }, timeoutMs);
    const started = performance.now();
    fake.dispatch('MESSAGE_CREATE', userMessage({ id, user, guild, content: `<@${BOT_USER.id}> ${question}`, mentionsBot: true }));
    await reply;
    return arrived - started;
  };

  try {
    const rows: LatencyRow[] = [];
    for (const level of options.levels) rows.push(await runClosedLoop(platform, options.requests, level, send));
    return rows;
  } finally {
    await bot.stop();
    await fake.close();
  }
};
