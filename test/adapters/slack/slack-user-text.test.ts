import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { HOSTILE_CITIES } from '../../support/hostile-text.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { fakeResponseUrls, textOf } from './fake-response-urls.js';
import { TEAM, envelope, fakeSlackApi, fixture, sendCommand, sendEvent, startSlack, type RunningSlack } from './slack-harness.js';

/** The real core behind the real Bolt receiver: user text must come back as text, in every reply. */
const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'slack-text-'));
let core: Core;
let running: RunningSlack;
let api: ReturnType<typeof fakeSlackApi> | undefined;
beforeAll(async () => {
  core = await createCore({
    knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, defaultTimeZone: 'Europe/London',
    coordinatorIds: [`slack:${TEAM}:U0ANNA`],
  });
  running = await startSlack(core.bot);
});
afterEach(() => api?.reset());
afterAll(async () => {
  await running.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

/** How Slack delivers what a user typed: `<`, `>` and `&` as entities. */
const slackEncoded = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** The characters a reader sees in Slack (bold markers aside): entities decoded, zero-width spaces invisible. */
const seen = (mrkdwn: string): string =>
  mrkdwn.replace(/\u200B/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

/**
 * What in Slack mrkdwn would act instead of showing: `<…>` (links, mentions, `<!channel>`), a bare
 * `https://` (Slack links it), and formatting characters that are not kept from pairing.
 */
const hazards = (mrkdwn: string): { angles: string[]; urls: number; markers: string } => ({
  angles: mrkdwn.match(/<[^>]*>/gu) ?? [],
  urls: (mrkdwn.match(/https?:\/\//gu) ?? []).length,
  markers: mrkdwn.replace(/\u200B[*_~`]\u200B/gu, '').replace(/[^*_~`]/gu, ''),
});

let eventTs = 1_700_100_000;
const mention = async (typed: string): Promise<string> => {
  api = fakeSlackApi();
  const ts = `${++eventTs}.000100`;
  expect((await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: `<@U0BOT> ${typed}`, ts, channel: 'C0LEARN' }))).status).toBe(200);
  await running.slack.idle();
  const posts = api.of('chat.postMessage');
  expect(posts).toHaveLength(1);
  const blocks = posts[0]?.params['blocks'] as Array<Record<string, unknown>>;
  return textOf(blocks);
};

describe('user text in Slack replies', () => {
  it.each(HOSTILE_CITIES)('shows a city name shaped like $shape as typed, forming no link, mention or formatting', async ({ city }) => {
    const mrkdwn = await mention(`results ${slackEncoded(city)}`);
    expect(seen(mrkdwn)).toBe(`No saved assessments for *${city}* in this workspace yet. Start one with \`assess for ${city.replace(/`/gu, "'")}\`.`);
    const found = hazards(mrkdwn);
    expect(found.angles).toEqual([]);
    expect(found.urls).toBe(0);
    // Only the core's own bold around the name and the code span's backticks remain as markers.
    expect(found.markers).toBe('**``');
  });

  it('shows Slack’s own mention and link markup, as Slack sends it for what was typed, as plain words', async () => {
    const mrkdwn = await mention('results <!channel> <@U0BEN|ben> <https://evil.example/login|Leeds>');
    expect(seen(mrkdwn)).toContain('No saved assessments for *@channel @ben Leeds (https://evil.example/login)* in this workspace yet.');
    expect(hazards(mrkdwn).angles).toEqual([]);
    expect(hazards(mrkdwn).urls).toBe(0);
  });

  it('keeps a link-shaped city name inert in a private slash-command reply too', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const fields = Object.fromEntries(Object.entries(await fixture('slash-command.json')).map(([k, v]) => [k, String(v)]));
    await sendCommand(running.url, { ...fields, text: 'results [Click here](https://evil.example/login)', response_url: urls.forCommand('C0LEARN', 'U0ANNA') });
    await running.slack.idle();
    const [shown] = urls.visible('U0ANNA');
    const mrkdwn = textOf(shown?.blocks ?? []);
    expect(seen(mrkdwn)).toContain('No saved assessments for *[Click here](https://evil.example/login)* in this workspace yet.');
    expect(hazards(mrkdwn).angles).toEqual([]);
    expect(hazards(mrkdwn).urls).toBe(0);
    expect(shown?.text).not.toMatch(/<https?:/u);
  });

  it('confirms a cron reminder without garbling the schedule or the city', async () => {
    const mrkdwn = await mention('remind cron "2 * * * * " for *Brackley');
    expect(seen(mrkdwn)).toMatch(/^Reminder `r\w+` set: cron `2 \* \* \* \*` \(Europe\/London\), about \*Brackley\*, to this channel\.$/mu);
    // The stars of the cron expression cannot pair with the bold around the city.
    const line = mrkdwn.split('\n')[0] ?? '';
    expect(hazards(line).markers).toBe('````**');
    expect(line).toContain('about *Brackley*');
  });
});
