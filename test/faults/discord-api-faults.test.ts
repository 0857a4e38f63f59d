import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../adapters/discord/discord-config.js';
import { FAILURE_TEXT } from '../../adapters/discord/message-handler.js';
import { createBot } from '../../src/core/bot.js';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { APPLICATION_ID, BOT_USER, userMessage } from '../adapters/discord/fake-discord-payloads.js';
import { ALICE, BOB, GUILD_A, GUILD_B } from '../adapters/discord/test-harness.js';
import type { Logger } from '../../src/core/ports.js';
import { realKnowledgeBase } from '../support/knowledge.js';
import { FaultyProxy, type Fault, type ProxiedRequest } from './faulty-proxy.js';

/** Keeps log entries and lets a test wait for a message to be logged. */
class WatchingLogger implements Logger {
  readonly entries: Array<{ level: string; msg: string }> = [];
  readonly #waiters: Array<{ msg: string; resolve: () => void }> = [];
  debug(_obj: object, msg = ''): void {
    this.#add('debug', msg);
  }
  info(_obj: object, msg = ''): void {
    this.#add('info', msg);
  }
  warn(_obj: object, msg = ''): void {
    this.#add('warn', msg);
  }
  error(_obj: object, msg = ''): void {
    this.#add('error', msg);
  }
  logged(msg: string): Promise<void> {
    if (this.entries.some((entry) => entry.msg === msg)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ msg, resolve }));
  }
  #add(level: string, msg: string): void {
    this.entries.push({ level, msg });
    for (const waiter of this.#waiters.filter((w) => w.msg === msg)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

let app: DiscordApp | undefined;
let fake: FakeDiscord | undefined;
let proxy: FaultyProxy | undefined;
afterEach(async () => {
  proxy?.forwardHeld();
  await app?.stop();
  await proxy?.close();
  await fake?.close();
  app = undefined;
  proxy = undefined;
  fake = undefined;
});

const postTo = (channelId: string) => (request: ProxiedRequest): boolean =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channelId}/messages`;
const contentOf = (request: ProxiedRequest): string => (JSON.parse(request.body || '{}') as { content?: string }).content ?? '';

/** The real discord.js client and knowledge base; REST goes through a faulty proxy to the fake Discord. */
const start = async (faults: (request: ProxiedRequest, attempt: number) => Fault): Promise<{ fake: FakeDiscord; proxy: FaultyProxy; logger: WatchingLogger }> => {
  const discord = await FakeDiscord.start([GUILD_A, GUILD_B]);
  fake = discord;
  const faulty = await FaultyProxy.start(discord.apiUrl);
  proxy = faulty;
  faulty.setFaults(faults);
  const logger = new WatchingLogger();
  const config = parseDiscordConfig({ DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: faulty.url('/api') });
  app = createDiscordApp({ config, bot: createBot({ answers: await realKnowledgeBase() }), logger });
  await app.start();
  return { fake: discord, proxy: faulty, logger };
};

let ids = 0;
const ask = (discord: FakeDiscord, guild: typeof GUILD_A, question: string): string => {
  ids += 1;
  const id = String(845000000000000000n + BigInt(ids));
  discord.dispatch('MESSAGE_CREATE', userMessage({ id, user: guild === GUILD_A ? ALICE : BOB, guild, content: `<@${BOT_USER.id}> ${question}`, mentionsBot: true }));
  return id;
};

describe('Discord REST failing for one channel', () => {
  it('answers channel B while channel A’s reply got a 500 and its retry hangs; A is answered when the call completes', async () => {
    const inA = postTo(GUILD_A.channelId);
    const { fake: discord, proxy: faulty } = await start((request, attempt) => (!inA(request) ? 'pass' : attempt === 0 ? { status: 500 } : attempt === 1 ? 'hold' : 'pass'));
    ask(discord, GUILD_A, 'What is a learning city?');
    await faulty.waitFor((request) => inA(request) && request.outcome === 'held');

    ask(discord, GUILD_B, 'How do learning festivals help?');
    const answerB = await faulty.waitFor(postTo(GUILD_B.channelId));
    expect(contentOf(answerB)).not.toBe(FAILURE_TEXT);
    expect(contentOf(answerB)).toContain('**Sources:**');
    expect(faulty.held().every(inA)).toBe(true);

    faulty.forwardHeld();
    await discord.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${GUILD_A.channelId}/messages`);
    const postsA = faulty.seen.filter(inA);
    expect(postsA.map((request) => request.outcome)).toEqual(['failed', 'forwarded']);
    expect(contentOf(postsA[1] ?? answerB)).toMatch(/learning city/i);
  });

  it('keeps answering channel B while every call to channel A fails, logs A’s failure, and answers A again once Discord recovers', async () => {
    const inA = postTo(GUILD_A.channelId);
    let failing = true;
    const { fake: discord, proxy: faulty, logger } = await start((request) => (failing && inA(request) ? { status: 500 } : 'pass'));
    ask(discord, GUILD_A, 'What is a learning city?');
    ask(discord, GUILD_B, 'What is a learning city?');
    const answerB = await faulty.waitFor(postTo(GUILD_B.channelId));
    expect(contentOf(answerB)).toContain('**Sources:**');

    // The answer fails after discord.js's own retries, then the short failure notice fails too: both are logged.
    await logger.logged('discord failure notice not sent');
    expect(logger.entries.some((entry) => entry.level === 'error' && entry.msg === 'discord message failed')).toBe(true);
    expect(faulty.seen.filter(inA).every((request) => request.outcome === 'failed')).toBe(true);

    failing = false;
    const since = faulty.seen.length;
    ask(discord, GUILD_A, 'How do learning festivals help?');
    const recovered = await faulty.waitFor((request) => inA(request) && faulty.seen.indexOf(request) >= since);
    expect(recovered.outcome).toBe('forwarded');
    expect(contentOf(recovered)).toContain('**Sources:**');
  });
});
