import { fileURLToPath } from 'node:url';
import type { KnowledgePaths } from './knowledge-base.js';

/** The repository's root folder, found from this file's location (src/knowledge/). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the shipped knowledge lives; KNOWLEDGE_DIR in the environment can point elsewhere (see config). */
export const knowledgePaths = (knowledgeDir: string = `${projectRoot}knowledge`): KnowledgePaths => ({
  // Documents anywhere in the folder: the shipped ones in docs/, and whatever a user drops in.
  docsDir: knowledgeDir,
  indexFile: `${knowledgeDir}/.index/passages.json`,
  synonymsFile: `${knowledgeDir}/synonyms.yaml`,
});
