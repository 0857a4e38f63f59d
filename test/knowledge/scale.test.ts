import { describe, expect, it } from 'vitest';
import { generateDocuments, generateQuestions } from '../../src/bench/generated-knowledge.js';
import { knowledgePaths, projectRoot } from '../../src/knowledge/default-paths.js';
import { loadDocuments } from '../../src/knowledge/load-documents.js';
import { buildIndex, deserializeIndex, serializeIndex } from '../../src/knowledge/index-build.js';
import { CHAMPION_MIN_PASSAGES } from '../../src/knowledge/lunr-compact.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadSynonyms } from '../../src/knowledge/synonyms.js';

const paths = knowledgePaths(`${projectRoot}knowledge`);
const real = (await loadDocuments(paths.docsDir)).documents;
const synonyms = loadSynonyms(paths.synonymsFile ?? '');

describe('a collection larger than the posting budget', () => {
  const documents = generateDocuments(real, 2_500);
  const built = buildIndex(documents);
  const loaded = deserializeIndex(serializeIndex(built, 'test', new Date()));

  it('keeps champion lists for terms in more passages than a query may score', () => {
    const common = built.compact.terms.filter((term) => built.frequency(term) > CHAMPION_MIN_PASSAGES);
    expect(common.length).toBeGreaterThan(0);
    for (const term of common) {
      const champions = built.champions(term) ?? [];
      expect(champions.length).toBeGreaterThan(0);
      for (const ref of champions) expect(built.termsOf(ref).has(term)).toBe(true);
    }
  });

  it('answers the same from the serialized index as from the freshly built one', () => {
    const fresh = new KnowledgeBase(built, synonyms);
    const reloaded = new KnowledgeBase(loaded, synonyms);
    for (const question of [...generateQuestions(documents, 40), 'learning city', 'learning']) {
      expect(reloaded.answer(question), question).toEqual(fresh.answer(question));
    }
  });

  it('finds passages even when every word of the question is common', () => {
    const answer = new KnowledgeBase(loaded, synonyms).answer('learning cities');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources.length).toBeGreaterThan(0);
  });
});
