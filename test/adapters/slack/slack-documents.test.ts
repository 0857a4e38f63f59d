import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import {
  BOT_TOKEN,
  TEAM,
  blockAction,
  envelope,
  fakeSlackApi,
  sendAction,
  sendEvent,
  startSlack,
  testConfig,
  type ApiCall,
  type RunningSlack,
} from './slack-harness.js';

/**
 * Files shared with the bot in Slack, through the real Bolt receiver and the real core on SQLite.
 * The Web API and files.slack.com are faked as Slack behaves: `url_private` hands the file only to
 * `Authorization: Bearer <bot token>`; any other request gets Slack's HTML sign-in page with a 200.
 */
const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'slack-documents-'));
const strategy = readFileSync(new URL('../../fixtures/documents/cork-strategy.md', import.meta.url));
const OTHER_TEAM = 'T0OTHER';
const QUESTION = 'how much does the council set aside for the learning hubs?';
const SIGN_IN_PAGE = '<!DOCTYPE html><html lang="en-US"><head><title>Slack</title></head><body>Sign in to Slack</body></html>';

interface FileRequest {
  path: string;
  authorization: string | undefined;
}

/** files.slack.com: the file for the bot token, the sign-in page for anything else. */
const fakeFiles = (bodies: Record<string, Buffer>) => {
  const requests: FileRequest[] = [];
  nock('https://files.slack.com')
    .persist()
    .get(/^\/files-pri\//u)
    .reply(function reply(uri) {
      const authorization = this.req.headers.authorization;
      requests.push({ path: uri, authorization: typeof authorization === 'string' ? authorization : undefined });
      const body = bodies[uri.split('/').pop() ?? ''];
      if (authorization !== `Bearer ${BOT_TOKEN}` || body === undefined) return [200, SIGN_IN_PAGE, { 'content-type': 'text/html; charset=utf-8' }];
      return [200, body, { 'content-type': 'application/octet-stream' }];
    });
  return requests;
};

const slackFile = (name: string, size: number, id = 'F0DOC') => ({
  id,
  created: 1_700_000_000,
  name,
  title: name,
  mimetype: name.endsWith('.md') ? 'text/markdown' : 'application/octet-stream',
  filetype: name.endsWith('.md') ? 'markdown' : 'binary',
  user: 'U0ANNA',
  mode: 'hosted',
  size,
  is_external: false,
  url_private: `https://files.slack.com/files-pri/${TEAM}-${id}/${name}`,
  url_private_download: `https://files.slack.com/files-pri/${TEAM}-${id}/download/${name}`,
});

let ts = 1_700_000_500;
/** A file shared in the bot's DM with `text`, as Slack sends it (`message`, subtype `file_share`). */
const fileShare = (text: string, files: unknown[], user = 'U0ANNA'): object =>
  envelope({
    type: 'message',
    subtype: 'file_share',
    text,
    files,
    upload: false,
    user,
    display_as_bot: false,
    ts: `${++ts}.000100`,
    channel: 'D0ANNA',
    event_ts: `${ts}.000100`,
    channel_type: 'im',
  });

/** A question mentioning the bot in a channel of `team`. */
const mention = (text: string, team = TEAM): object => ({
  ...envelope({ type: 'app_mention', text: `<@U0BOT> ${text}`, user: 'U0ANNA', ts: `${++ts}.000200`, channel: 'C0LEARN', event_ts: `${ts}.000200` }),
  team_id: team,
});

let core: Core | undefined;
let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
let databases = 0;
const start = async (botToken = BOT_TOKEN): Promise<RunningSlack> => {
  core = await createCore({ knowledgeDir, databasePath: join(dataDir, `bot-${++databases}.db`), logger: silentLogger, coordinatorIds: [`slack:${TEAM}:U0ANNA`] });
  // Each posted message gets a ts of its own, so a click can name the message it was on.
  api = fakeSlackApi((call, count) => (call.method === 'chat.postMessage' ? [200, { ok: true, channel: call.params['channel'], ts: `1700009${String(count).padStart(3, '0')}.000100` }] : undefined));
  running = await startSlack(core.bot, { config: { ...testConfig(), botToken } });
  return running;
};
afterEach(async () => {
  await running?.close();
  await core?.close();
  api?.reset();
  running = undefined;
  core = undefined;
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

/** Sends one event and returns the text of what the bot posted for it. */
const send = async (payload: object): Promise<string[]> => {
  if (!running || !api) throw new Error('not started');
  const before = api.of('chat.postMessage').length;
  expect((await sendEvent(running.url, payload)).status).toBe(200);
  await running.slack.idle();
  // Slack's rendering breaks `word:word` with a zero-width space so it cannot turn into an emoji code.
  return api
    .of('chat.postMessage')
    .slice(before)
    .map((call: ApiCall) => `${String(call.params['text'])}\n${JSON.stringify(call.params['blocks'] ?? [])}`.replaceAll('\u200b', ''));
};

describe('documents shared with the bot in Slack', () => {
  it('adds a coordinator’s file, fetched with the bot token, and answers from it in that workspace only', async () => {
    const files = fakeFiles({ 'cork-strategy.md': strategy });
    await start();
    expect((await send(mention(QUESTION))).join('\n')).not.toContain('2.4 million');

    const [added = ''] = await send(fileShare('add document', [slackFile('cork-strategy.md', strategy.byteLength)]));
    expect(added).toContain('added: *Cork Learning Strategy 2030* (`cork-strategy.md`): no page numbers (a text file), 3 passages.');
    expect(files).toEqual([{ path: `/files-pri/${TEAM}-F0DOC/download/cork-strategy.md`, authorization: `Bearer ${BOT_TOKEN}` }]);

    const [answer = ''] = await send(mention(QUESTION));
    expect(answer).toContain('The council sets aside 2.4 million euro a year for the neighbourhood learning hubs');
    expect(answer).toContain('Cork Learning Strategy 2030');
    expect(answer).toContain('cork-strategy.md');

    // Another workspace asks the same: the shared documents only.
    const [elsewhere = ''] = await send(mention(QUESTION, OTHER_TEAM));
    expect(elsewhere).not.toContain('2.4 million');
    expect(elsewhere).not.toContain('cork-strategy.md');
    expect((await send(mention('documents', OTHER_TEAM))).join('\n')).toContain('This workspace has no documents of its own yet');
    expect((await send(mention('documents'))).join('\n')).toContain('Cork Learning Strategy 2030');

    // Removal asks first, with buttons; only a coordinator's click removes.
    const [ask = ''] = await send(mention('remove document cork-strategy.md'));
    expect(ask).toContain('Remove *Cork Learning Strategy 2030* (`cork-strategy.md`) from this workspace’s documents?');
    const prompt = api?.of('chat.postMessage').at(-1);
    const promptTs = `1700009${String(api?.of('chat.postMessage').length).padStart(3, '0')}.000100`;
    const blocks = (prompt?.params['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
    const remove = blocks.flatMap((block) => block.elements ?? []).find((element) => element.value?.startsWith('document:remove:'));
    expect(remove).toBeDefined();
    const click = async (userId: string): Promise<void> => {
      if (!running || !remove) throw new Error('no prompt');
      const payload = await blockAction({
        messageTs: promptTs,
        threadTs: String(prompt?.params['thread_ts']),
        blocks,
        actionId: remove.action_id,
        label: 'Remove',
        value: remove.value,
        userId,
      });
      expect((await sendAction(running.url, payload)).status).toBe(200);
      await running.slack.idle();
    };
    await click('U0BOB');
    expect(String(api?.of('chat.postEphemeral').at(-1)?.params['text'])).toContain('Only coordinators can add or remove');
    expect((await send(mention('documents'))).join('\n')).toContain('Cork Learning Strategy 2030');
    await click('U0ANNA');
    expect(String(api?.of('chat.postMessage').at(-1)?.params['text']).replaceAll('\u200b', '')).toContain(
      'Removed *Cork Learning Strategy 2030* (`cork-strategy.md`). Questions in this workspace no longer search it.',
    );
    expect((await send(mention(QUESTION))).join('\n')).not.toContain('2.4 million');
  });

  it('says so when Slack hands over its sign-in page instead of the file (a token without files:read)', async () => {
    const files = fakeFiles({ 'cork-strategy.md': strategy });
    await start('xoxb-1111-2222-anotherworkspacetoken');
    const [reply = ''] = await send(fileShare('add document', [slackFile('cork-strategy.md', strategy.byteLength)]));
    expect(reply).toContain('Not added: `cork-strategy.md` could not be fetched: Slack did not hand it over to the bot, as happens when the bot lacks the files:read permission. Ask whoever runs the bot to add it and reinstall the app. Nothing was changed.');
    expect(files).toHaveLength(1);
    expect((await send(mention('documents'))).join('\n')).toContain('no documents of its own yet');
  });

  it('refuses without fetching a file from someone who is not a coordinator, a file over 20 MB, another type, and a file sent without the command', async () => {
    const files = fakeFiles({ 'cork-strategy.md': strategy });
    await start();
    expect((await send(fileShare('add document', [slackFile('cork-strategy.md', strategy.byteLength)], 'U0BOB'))).join('\n')).toContain(
      'Only coordinators can add or remove this workspace’s documents',
    );
    expect((await send(fileShare('add document', [slackFile('cork-strategy.md', 25 * 1024 * 1024)]))).join('\n')).toContain(
      'Not added: `cork-strategy.md` is 25 MB; a document may be at most 20 MB. Nothing was changed.',
    );
    expect((await send(fileShare('add document', [slackFile('photo.png', 2_000)]))).join('\n')).toContain('Not added: `photo.png` is not a file type I can read.');
    expect((await send(fileShare('', [slackFile('cork-strategy.md', strategy.byteLength)]))).join('\n')).toContain(
      'To add that file to this workspace’s documents, send it again with the words `add document`',
    );
    expect(files).toEqual([]);
  });

  it('stops a download that grows past 20 MB, whatever size the event declared', async () => {
    const files = fakeFiles({ 'minutes.txt': Buffer.alloc(21 * 1024 * 1024, 'a') });
    await start();
    const [reply = ''] = await send(fileShare('add document', [slackFile('minutes.txt', 4_000, 'F0MIN')]));
    expect(reply).toContain('Not added: `minutes.txt` is larger than 20 MB, the most a document may be. Nothing was changed.');
    expect(files).toHaveLength(1);
    expect((await send(mention('documents'))).join('\n')).toContain('no documents of its own yet');
  });
});
