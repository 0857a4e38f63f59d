import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgePaths, projectRoot } from '../../src/knowledge/default-paths.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

/** A copy of the shipped knowledge in a temp folder, so tests never write into the repository. */
export const copyKnowledge = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-knowledge-'));
  cpSync(join(projectRoot, 'knowledge'), dir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('knowledge', '.index')}`),
  });
  return dir;
};

let shared: Promise<KnowledgeBase> | undefined;

/** The real knowledge base, built once per test file from a temp copy. */
export const realKnowledgeBase = (): Promise<KnowledgeBase> => {
  shared ??= openKnowledgeBase(knowledgePaths(copyKnowledge()));
  return shared;
};
