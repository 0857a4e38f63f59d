import { describe, expect, it } from 'vitest';
import { threePageReport } from '../support/document-files.js';

// Taken before pdf.js is loaded: core-js also makes its replacements print as native code.
const engine = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };

describe('pdf.js loading', () => {
  it('leaves the engine’s JSON and Array.prototype.push in place after reading a PDF', async () => {
    const { readPdf } = await import('../../src/knowledge/pdf-text.js');
    const report = await readPdf(await threePageReport());
    expect(report.pages).toBe(3);
    expect({ stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push }).toStrictEqual(engine);
  });
});
