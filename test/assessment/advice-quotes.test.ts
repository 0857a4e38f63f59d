import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { nextSteps } from '../../src/assessment/scoring.js';
import { stepLines } from '../../src/assessment/summary.js';
import { shippedFrameworks } from './fakes.js';

/** The shipped documents by original file name: title from the front matter, body as written. */
const documents = (): Map<string, { title: string; body: string }> => {
  const dir = join(projectRoot, 'knowledge/docs');
  const byName = new Map<string, { title: string; body: string }>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${file} has no front matter`);
    const front = parse(match[1] ?? '') as { title: string; source: string };
    byName.set(front.source, { title: front.title, body: match[2] ?? '' });
  }
  return byName;
};

/** Line breaks in the YAML are folded to spaces, so spacing is compared loosely; every word and mark exactly. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('next steps quote their documents', () => {
  const docs = documents();
  const frameworks = shippedFrameworks();

  it.each(frameworks.map((framework) => [framework.id, framework] as const))('%s: every quoted span occurs in the document it cites, under its real title', (_id, framework) => {
    let checked = 0;
    for (const [component, steps] of Object.entries(framework.advice)) {
      for (const step of steps) {
        const doc = docs.get(step.source);
        expect(doc, `${component}: ${step.source} is not a shipped document`).toBeDefined();
        expect(spaced(doc?.body ?? ''), `${component} quotes words that ${step.source} does not contain`).toContain(spaced(step.quote));
        expect(framework.documents[step.source]).toBe(doc?.title);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(framework.components.length);
  });

  it('labels the project’s own advice "Related reading", and only a document’s own words "Source"', () => {
    for (const framework of frameworks) {
      for (const component of framework.components) {
        for (const step of nextSteps(framework, component.id)) {
          const lines = stepLines(step).join('\n');
          if (step.text === undefined) {
            expect(lines).toBe(`   – “${step.quote}” Source: ${step.citation.title} (${step.citation.source})`);
          } else {
            expect(lines).not.toContain('Source:');
            expect(lines).toContain(`Related reading: ${step.citation.title} (${step.citation.source}) says “${step.quote}”`);
          }
        }
      }
    }
  });
});
