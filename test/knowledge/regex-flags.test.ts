import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/default-paths.js';

/**
 * Every question runs dozens of patterns. In V8 a pattern that is both case-insensitive and Unicode
 * (`/iu`) runs several times slower than the same pattern with `/i` alone: on the question patterns
 * of answer-forms and quote, about 10 µs a question against 1.4 µs. So the answering path keeps
 * `/iu` for patterns that need Unicode (a `\p{…}` class) and uses `/i` for plain ASCII ones.
 */
const FOLDERS = ['src/knowledge', 'src/core'];
const CASE_INSENSITIVE_UNICODE = /\/g?iu\b|'g?iu'/u;

describe('patterns on the answering path', () => {
  it('are case-insensitive Unicode only where they need a Unicode class', () => {
    const offending: string[] = [];
    for (const folder of FOLDERS) {
      for (const file of readdirSync(join(projectRoot, folder)).filter((name) => name.endsWith('.ts'))) {
        readFileSync(join(projectRoot, folder, file), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (CASE_INSENSITIVE_UNICODE.test(line) && !line.includes('p{')) offending.push(`${folder}/${file}:${i + 1}`);
          });
      }
    }
    expect(offending).toEqual([]);
  });
});
