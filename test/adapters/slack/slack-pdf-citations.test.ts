import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { threePageReport } from '../../support/document-files.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { envelope, fakeSlackApi, sendEvent, startSlack } from './slack-harness.js';

const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'slack-pdf-'));
afterAll(() => {
  rmSync(knowledgeDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Slack, the real core and a PDF in the knowledge folder', () => {
  it('cites the page an answer comes from in the sources of the posted answer', async () => {
    writeFileSync(join(knowledgeDir, 'unesco-guidelines.pdf'), await threePageReport());
    const api = fakeSlackApi();
    const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger });
    const running = await startSlack(core.bot);
    try {
      const ts = '1700000000.000300';
      await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> How are learning festivals funded?', ts, channel: 'C0LEARN' }));
      await running.slack.idle();
      const [post] = api.of('chat.postMessage');
      const blocks = (post?.params['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ text: string }> }>;
      const sources = blocks.find((block) => block.type === 'context')?.elements?.[0]?.text;
      expect(sources).toMatch(/^\*Sources:\* UNESCO Guidelines for Building Learning Cities, p\. 2 \(unesco-guidelines\.pdf\)/u);
    } finally {
      await running.close();
      await core.close();
      api.reset();
    }
  });
});
