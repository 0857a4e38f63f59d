import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../../src/knowledge/default-paths.js';
import { copyKnowledge } from '../../support/knowledge.js';

const lineSchema = z
  .object({
    question: z.string(),
    noAnswer: z.boolean(),
    confidence: z.enum(['high', 'low', 'none']),
    answer: z.string(),
    sources: z.array(z.object({ source: z.string(), title: z.string(), passage: z.string(), score: z.number() }).strict()),
  })
  .strict();

const runAsk = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'adapters/console/ask-cli.ts'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: copyKnowledge(), LOG_LEVEL: 'info' },
    timeout: 30_000,
  });

describe('npm run ask', () => {
  it('--json reads questions from standard input and prints exactly one JSON object per line', () => {
    const questions = ['venice learning city state', "what's the weather in Bristol today?", 'foo:', '~', "'; DROP TABLE results; --"];
    const result = runAsk(['--json'], `${questions.join('\n')}\n\n`);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const parsed = lines.map((line) => lineSchema.parse(JSON.parse(line)));
    expect(parsed.map((p) => p.question)).toEqual(questions);
    expect(parsed[0]).toMatchObject({ noAnswer: false, confidence: 'high' });
    expect(parsed[0]?.sources[0]?.source).toBe('000_ef382a5738f7795a.txt');
    // Out of scope, symbols and SQL: nothing close, so no answer and confidence "none".
    for (const line of parsed.slice(1)) expect(line).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
    // Logs (here at info level) go to standard error only.
    expect(result.stderr).toContain('knowledge base ready');
  });

  it('answers one question with its sources', () => {
    const result = runAsk(['how many cities are in the GNLC?']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/around 200 cities in 40 countries/);
    expect(result.stdout).toMatch(/Sources:\n {2}1\. Learning Cities \(003_1d2a6d022f902458\.txt\)/);
  });

  it('answers a question in another language or script as the bot does in chat, in text and in JSON', () => {
    const spanish = runAsk(['¿Qué es una ciudad del aprendizaje?']);
    expect(spanish.stdout).toMatch(/^That looks like Spanish\. The documents are in English/u);
    const chinese = runAsk(['学习型城市是什么？']);
    expect(chinese.stdout).toMatch(/The documents are in English/u);
    expect(chinese.stdout).not.toMatch(/Please ask a question in words/u);
    const json = lineSchema.parse(JSON.parse(runAsk(['--json', '¿Qué es una ciudad del aprendizaje?']).stdout));
    expect(json).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
    expect(json.answer).toMatch(/^That looks like Spanish/u);
    const scripted = lineSchema.parse(JSON.parse(runAsk(['--json', '学习型城市是什么？']).stdout));
    expect(scripted).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
    expect(scripted.answer).toMatch(/^The documents are in English/u);
    const mixed = lineSchema.parse(JSON.parse(runAsk(['--json', 'GNLC 是什么？']).stdout));
    expect(mixed.answer).toMatch(/I looked up: “GNLC”/u);
  });

  it('explains its usage when given nothing to do', () => {
    const result = runAsk([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Usage/);
  });
});
