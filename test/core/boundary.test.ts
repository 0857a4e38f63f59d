import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/default-paths.js';

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/gu)].map((m) => m[1] ?? '');

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('architecture', () => {
  it('keeps src/core free of platform, storage and search packages', () => {
    const core = filesIn(join(projectRoot, 'src/core'));
    expect(core.length).toBeGreaterThan(3);
    for (const file of core) {
      for (const specifier of importsOf(file)) {
        const allowed = specifier.startsWith('./') || specifier.startsWith('node:');
        expect(allowed, `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('keeps the assessment and knowledge logic free of platform SDKs', () => {
    for (const dir of ['src/assessment', 'src/knowledge', 'src/storage', 'src/reminders']) {
      for (const file of filesIn(join(projectRoot, dir))) {
        for (const specifier of importsOf(file)) {
          expect(specifier, `${file} imports ${specifier}`).not.toMatch(/^(@slack\/|discord\.js|@discordjs\/)|adapters\//u);
        }
      }
    }
  });
});
