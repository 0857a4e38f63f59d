import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'discord-markdown-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReplies } from '../../../adapters/discord/render.js';
import { createCore } from '../../../src/app.js';
import type { Origin } from '../../../src/core/events.js';
import { silentLogger } from '../../../src/core/ports.js';
import { HOSTILE_CITIES } from '../../support/hostile-text.js';
import { copyKnowledge } from '../../support/knowledge.js';

/** The real core's replies, rendered for Discord and read back by a parser of Discord's Markdown. */
const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'discord-text-'));
const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, defaultTimeZone: 'Europe/London' });
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

const origin: Origin = { platform: 'discord', workspaceId: 'G1', channelId: 'C1', userId: 'U1', isAdmin: true };

/** Node types that would make user text a link, a mention or formatting. */
const HAZARDS = new Set(['link', 'url', 'autolink', 'user', 'role', 'channel', 'everyone', 'here', 'em', 'strike', 'spoiler', 'heading', 'subtext', 'blockQuote', 'underline']);

interface Node {
  type: string;
  content?: unknown;
}

/** Every node type in the tree, and the text a reader sees. */
const read = (nodes: readonly Node[]): { types: string[]; text: string } => {
  const types: string[] = [];
  const walk = (list: readonly Node[]): string =>
    list
      .map((node) => {
        types.push(node.type);
        if (typeof node.content === 'string') return node.content;
        return Array.isArray(node.content) ? walk(node.content as Node[]) : '';
      })
      .join('');
  return { types, text: walk(nodes) };
};

/** The rendered replies read back; `lines` keeps only the lines that echo the user's text. */
const discordText = async (line: string, lines: (content: string) => string = (content) => content): Promise<ReturnType<typeof read>> => {
  const replies = await core.bot.handle({ type: 'message', origin, text: line });
  const content = renderReplies(replies).map((payload) => payload.content ?? '').join('\n');
  return read(parse(lines(content), 'extended') as Node[]);
};

describe('user text in Discord replies', () => {
  it.each(HOSTILE_CITIES)('shows a city name shaped like $shape exactly as typed, as text', async ({ city }) => {
    const { types, text } = await discordText(`results ${city}`);
    expect(types.filter((type) => HAZARDS.has(type))).toEqual([]);
    expect(text).toContain(`No saved assessments for ${city} in this workspace yet.`);
  });

  it('shows an unknown framework name shaped like a link as text', async () => {
    // The framework picker that follows has the bot's own italic hint; only the echoing line counts.
    const { types, text } = await discordText('assess [Click here](https://evil.example/login) for Leeds', (content) => content.split('\n')[0] ?? '');
    expect(types.filter((type) => HAZARDS.has(type))).toEqual([]);
    expect(text).toContain('I don’t know a framework called “[Click here](https://evil.example/login)”');
  });

  it('confirms a cron reminder with the schedule in a code span and the city in bold, nothing else formatted', async () => {
    const replies = await core.bot.handle({ type: 'message', origin, text: 'remind cron "2 * * * * " for *Brackley' });
    const content = renderReplies(replies).map((payload) => payload.content ?? '').join('\n');
    const nodes = parse(content, 'extended') as Node[];
    const { types, text } = read(nodes);
    expect(types.filter((type) => HAZARDS.has(type))).toEqual([]);
    expect(text).toMatch(/set: cron 2 \* \* \* \* \(Europe\/London\), about Brackley, to this channel\./u);
    const code = nodes.filter((node) => node.type === 'inlineCode').map((node) => node.content);
    expect(code).toContain('2 * * * *');
    const bold = nodes.filter((node) => node.type === 'strong').map((node) => read([node]).text);
    expect(bold).toEqual(['Brackley']);
  });
});
