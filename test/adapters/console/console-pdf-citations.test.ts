import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { threePageReport } from '../../support/document-files.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startConsoleSession } from '../../reminders/console-session.js';

const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'lc-console-pdf-'));
afterAll(() => {
  rmSync(knowledgeDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a PDF dropped into the knowledge folder of a running bot, asked about in the console', () => {
  it('is found by the next question and cited with the page the answer is on', async () => {
    const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, watchKnowledge: true, knowledgeReloadMs: 50 });
    const session = startConsoleSession(core.bot, join(dataDir, 'charts'), 'coordinator');
    try {
      const before = await session.type('How are learning festivals funded?', /Sources:\n[^\n]+\n|do not answer[^\n]*\n/u);
      expect(before).not.toContain('unesco-guidelines.pdf');
      const reloaded = core.knowledge.nextReload();
      writeFileSync(join(knowledgeDir, 'unesco-guidelines.pdf'), await threePageReport());
      expect((await reloaded).action).toBe('replaced');
      const printed = await session.type('How are learning festivals funded?', /Sources:\n[^\n]+\n/u);
      expect(printed).toContain('festival endowment');
      expect(printed).toContain('1. UNESCO Guidelines for Building Learning Cities, p. 2 (unesco-guidelines.pdf)');
    } finally {
      await session.close();
      await core.close();
    }
  });
});
