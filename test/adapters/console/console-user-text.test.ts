import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/console-adapter.js';
import { createCore } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { HOSTILE_CITIES } from '../../support/hostile-text.js';
import { copyKnowledge } from '../../support/knowledge.js';

/** The terminal as people use it: lines typed into the console adapter, the real core behind it. */
const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'console-text-'));
const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, defaultTimeZone: 'Europe/London' });
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

const session = async (lines: string[]): Promise<string> => {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const adapter = createConsoleAdapter({ bot: core.bot, input, output, imageDir: join(dataDir, 'charts') });
  const done = adapter.run();
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
};

describe('user text in the terminal', () => {
  it.each(HOSTILE_CITIES)('prints a city name shaped like $shape exactly as typed', async ({ city }) => {
    const printed = await session([`results ${city}`]);
    expect(printed).toContain(`No saved assessments for ${city} in this workspace yet. Start one with \`assess for ${city.replace(/`/gu, "'")}\`.`);
    expect(printed).not.toMatch(/\\[[\]()<>@*_~`#|:]/u);
  });

  it('prints the reminder confirmation with the schedule as written and the city plainly', async () => {
    const printed = await session(['remind cron "2 * * * * " for *Brackley']);
    expect(printed).toMatch(/Reminder `r\w+` set: cron `2 \* \* \* \*` \(Europe\/London\), about Brackley, to this channel\./u);
  });
});
