import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { loadDocuments } from '../../src/knowledge/load-documents.js';
import { knowledgePaths } from '../../src/knowledge/default-paths.js';
import { stem, words } from '../../src/knowledge/text.js';

const built = buildIndex((await loadDocuments(knowledgePaths().docsDir)).documents);

describe('scoring straight from the compact index', () => {
  it('gives Lunr’s own scores for boosted exact terms', () => {
    const questions = [
      'venice learning city state',
      'stakeholder audit for learning regions',
      'UNESCO Global Network of Learning Cities members countries',
      'political will commitment charter challenges personnel',
      'birmingham survey 2003 questionnaire results reliable',
    ];
    for (const [i, question] of questions.entries()) {
      const clauses = words(question).map((word, j) => ({ term: stem(word), boost: 1 + ((i + j) % 3) * 0.7 }));
      const expected = built.index.query((query) => {
        for (const { term, boost } of clauses) query.term(term, { usePipeline: false, boost });
      });
      const actual = built.score(clauses);
      expect(actual.map((r) => r.ref).sort((a, b) => a - b)).toEqual(expected.map((r) => Number(r.ref)).sort((a, b) => a - b));
      const byRef = new Map(actual.map((r) => [r.ref, r.score]));
      for (const result of expected) expect(byRef.get(Number(result.ref))).toBeCloseTo(result.score, 10);
    }
  });

  it('gives the best `limit` passages in the same order as the whole ranking, and forgets each question', () => {
    const clauses = words('learning city festival partners funding').map((word) => ({ term: stem(word), boost: 1.5 }));
    const all = built.score(clauses);
    expect(all.length).toBeGreaterThan(10);
    expect(built.score(clauses, 10)).toEqual(all.slice(0, 10));
    // Scores are summed in arrays kept between questions: another question starts from zero.
    const other = [{ term: stem('festival'), boost: 1 }];
    const alone = built.score(other);
    built.score(clauses);
    expect(built.score(other)).toEqual(alone);
    expect(built.score(clauses)).toEqual(all);
  });

  it('scores nothing for terms the index lacks', () => {
    expect(built.score([{ term: 'zzqxv', boost: 2 }])).toEqual([]);
    expect(built.score([])).toEqual([]);
  });
});
