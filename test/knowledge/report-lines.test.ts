import { describe, expect, it } from 'vitest';
import { knowledgePaths } from '../../src/knowledge/default-paths.js';
import { loadOrBuildKnowledge } from '../../src/knowledge/knowledge-base.js';
import { formatBuildReport } from '../../src/knowledge/report-lines.js';
import { encryptedPdf, folderWith, scannedPdf, styledDocx, threePageReport } from '../support/document-files.js';

describe('the build report (knowledge:build and the console)', () => {
  it('lists each file with its pages, passages and time, then each file skipped with its reason', async () => {
    const dir = folderWith({
      'guidelines.pdf': await threePageReport(),
      'handbook.docx': await styledDocx(),
      'locked.pdf': encryptedPdf(),
      'scanned.pdf': await scannedPdf(),
    });
    const built = await loadOrBuildKnowledge(knowledgePaths(dir));
    const lines = formatBuildReport(built.report, built.built);
    expect(lines[0]).toBe('  documents: 2');
    expect(lines[1]).toMatch(/^ {4}guidelines\.pdf: UNESCO Guidelines for Building Learning Cities \(report, 3 pages, 3 passages, \d+ ms\)$/u);
    expect(lines[2]).toMatch(/^ {4}handbook\.docx: Swansea Learning Partnership Handbook \(report, 3 passages, \d+ ms\)$/u);
    expect(lines.slice(3)).toEqual([
      '  passages:  6',
      expect.stringMatching(/^ {2}time: {6}\d+ ms$/u),
      '  skipped:   2 file(s)',
      '    locked.pdf: password-protected: it cannot be read without its password',
      '    scanned.pdf: no text layer: needs OCR (a scanned PDF has pictures of pages, not text)',
    ]);

    // Read back from the stored index: the same files and reasons, without build times.
    const loaded = await loadOrBuildKnowledge(knowledgePaths(dir));
    const again = formatBuildReport(loaded.report, loaded.built, 1);
    expect(again.slice(0, 3)).toEqual([
      '  documents: 2',
      '    guidelines.pdf: UNESCO Guidelines for Building Learning Cities (report, 3 pages, 3 passages)',
      '    … and 1 more (npm run knowledge:build lists them all)',
    ]);
    expect(again).toContain('    scanned.pdf: no text layer: needs OCR (a scanned PDF has pictures of pages, not text)');
  });
});
