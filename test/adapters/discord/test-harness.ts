import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createBot } from '../../../src/core/bot.js';
import type { BotEvent } from '../../../src/core/events.js';
import type { ChatBot, Logger } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/replies.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { APPLICATION_ID, type FakeGuild } from './fake-discord-payloads.js';
import { TableAnswers, ThreeQuestionAssessments } from './test-bot.js';

/** Logger that keeps what it was given. */
export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: string; obj: object; msg?: string }> = [];
  debug(obj: object, msg?: string): void {
    this.entries.push({ level: 'debug', obj, ...(msg === undefined ? {} : { msg }) });
  }
  info(obj: object, msg?: string): void {
    this.entries.push({ level: 'info', obj, ...(msg === undefined ? {} : { msg }) });
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: 'warn', obj, ...(msg === undefined ? {} : { msg }) });
  }
  error(obj: object, msg?: string): void {
    this.entries.push({ level: 'error', obj, ...(msg === undefined ? {} : { msg }) });
  }
}

/** The real core bot, with every event recorded and a switch to make it fail like a crashed handler. */
export class SpyBot implements ChatBot {
  readonly events: BotEvent[] = [];
  failing = false;
  /** Awaited before the core answers: lets a test hold the bot, like a slow core would. */
  gate: (() => Promise<void>) | undefined;
  constructor(private readonly core: ChatBot) {}
  async handle(event: BotEvent): Promise<Reply[]> {
    this.events.push(event);
    if (this.gate) await this.gate();
    if (this.failing) throw new Error('handler exploded');
    return this.core.handle(event);
  }
}

export const GUILD_A: FakeGuild = { id: '810000000000000001', name: 'Cork Learning City', channelId: '810000000000000011', adminIds: ['820000000000000002'] };
export const GUILD_B: FakeGuild = { id: '830000000000000001', name: 'Espoo Learning City', channelId: '830000000000000011' };
/** A guild whose id puts it on shard 1 of 2 (`(id >> 22) % 2`); GUILD_A and GUILD_B are on shard 0. */
export const GUILD_ON_SHARD_1: FakeGuild = { id: '830000000004194305', name: 'Espoo Learning City', channelId: '830000000004194315' };
export const ALICE = { id: '820000000000000001', username: 'alice' };
export const ADMIN = { id: '820000000000000002', username: 'aoife' };
export const CAROL = { id: '820000000000000003', username: 'carol' };
export const BOB = { id: '820000000000000004', username: 'bob' };

export interface Harness {
  fake: FakeDiscord;
  app: DiscordApp;
  bot: SpyBot;
  answers: TableAnswers;
  assessments: ThreeQuestionAssessments;
  logger: RecordingLogger;
  close(): Promise<void>;
}

/** A fake Discord with two guilds and the adapter started against it, as `src/main.ts` starts it. */
export const startHarness = async (options: { ackWithinMs?: number } = {}): Promise<Harness> => {
  const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
  for (const user of [ALICE, ADMIN, CAROL, BOB]) fake.users.set(user.id, user);
  const answers = new TableAnswers();
  const assessments = new ThreeQuestionAssessments();
  const bot = new SpyBot(createBot({ answers, assessments }));
  const logger = new RecordingLogger();
  const config = parseDiscordConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  const app = createDiscordApp({ config, bot, logger, ...options });
  await app.start();
  return {
    fake,
    app,
    bot,
    answers,
    assessments,
    logger,
    async close() {
      await app.stop();
      await fake.close();
    },
  };
};

/** Waits for the first call after `since` (an index into `fake.requests`) that matches. */
export const nextCall = (fake: FakeDiscord, since: number, method: string, path: RegExp, timeoutMs?: number): Promise<RecordedRequest> =>
  fake.waitForRequest((request) => fake.requests.indexOf(request) >= since && request.method === method && path.test(request.path), timeoutMs);

/** JSON body of a recorded call, typed loosely for assertions. */
export interface MessageBody {
  type?: number;
  content?: string;
  flags?: number;
  data?: MessageBody;
  embeds?: Array<{ description?: string; image?: { url: string } }>;
  components?: Array<{ components: Array<{ custom_id: string; label?: string }> }>;
  message_reference?: { message_id: string };
  allowed_mentions?: unknown;
}

export const bodyOf = (request: RecordedRequest): MessageBody => request.body as MessageBody;
