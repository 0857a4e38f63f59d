import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFrameworkError, loadFrameworks, parseFrameworkText } from '../../src/assessment/framework-loader.js';
import { frameworkSchema } from '../../src/assessment/framework-schema.js';
import { FRAMEWORK_DIR, shippedFrameworks } from './fakes.js';

const niaceText = readFileSync(join(FRAMEWORK_DIR, 'niace-quick.yaml'), 'utf8');
const dirs: string[] = [];
const tempDir = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'frameworks-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('shipped frameworks', () => {
  it('all three load and validate', () => {
    const { frameworks, errors } = loadFrameworks(FRAMEWORK_DIR);
    expect(errors).toEqual([]);
    expect(frameworks.map((f) => f.id).sort()).toEqual(['niace-quick', 'unesco-building-blocks', 'unesco-key-features']);
    for (const framework of frameworks) {
      expect(frameworkSchema.safeParse(framework).success).toBe(true);
      for (const component of framework.components) {
        const advice = framework.advice[component.id] ?? [];
        expect(advice.length).toBeGreaterThanOrEqual(1);
        expect(advice.every((step) => step.quote.length > 10 && framework.documents[step.source] !== undefined)).toBe(true);
      }
    }
  });

  it('every scale starts with "Not yet", and every question describes every level in its own words', () => {
    for (const framework of shippedFrameworks()) {
      expect(framework.scale.levels[0]).toMatchObject({ value: 0, label: 'Not yet' });
      const seen = new Map<string, string>();
      for (const question of framework.components.flatMap((c) => c.questions)) {
        expect(question.levels.map((l) => l.value), question.id).toEqual(framework.scale.levels.map((l) => l.value));
        for (const level of question.levels) {
          // A description used by two questions would be one written for neither.
          expect(seen.get(level.description), `${question.id} repeats a description`).toBeUndefined();
          seen.set(level.description, question.id);
        }
      }
    }
  });

  it('NIACE quick check: three strands, nine questions, the toolkit’s three levels, seed 002', () => {
    const niace = shippedFrameworks().find((f) => f.id === 'niace-quick');
    expect(niace?.components.map((c) => c.label)).toEqual(['Partnership', 'Participation', 'Performance']);
    expect(niace?.components.flatMap((c) => c.questions)).toHaveLength(9);
    expect(niace?.scale.levels.map((l) => [l.value, l.label])).toEqual([
      [0, 'Not yet'], [1, 'Getting organised'], [2, 'Towards a shared understanding'], [3, 'Cycles of learning'],
    ]);
    expect(niace?.source.seed).toBe('002_f3aad13fcfad5a6b.txt');
  });

  it('UNESCO Key Features: twelve areas in three tiers of 3, 6 and 3, with 2-3 questions each', () => {
    const kf = shippedFrameworks().find((f) => f.id === 'unesco-key-features');
    expect(kf?.components).toHaveLength(12);
    const tiers = new Map<string, number>();
    for (const c of kf?.components ?? []) tiers.set(c.group ?? '', (tiers.get(c.group ?? '') ?? 0) + 1);
    expect([...tiers]).toEqual([['Wider benefits', 3], ['Major building blocks', 6], ['Fundamental conditions', 3]]);
    expect(kf?.components.every((c) => c.questions.length >= 2 && c.questions.length <= 3)).toBe(true);
    expect(kf?.source).toMatchObject({ publisher: 'UNESCO', year: 2013 });
  });

  it('UNESCO building blocks: the eight blocks of seed 001', () => {
    const bb = shippedFrameworks().find((f) => f.id === 'unesco-building-blocks');
    expect(bb?.components.map((c) => c.label)).toEqual([
      'Political will and commitment', 'Partnership and networking', 'Assessment of learning needs',
      'Increasing learning opportunities', 'All stakeholders as learning organisations',
      'Promoting wealth creation and employability', 'Involving higher education institutions', 'Celebrating and rewarding learning',
    ]);
    expect(bb?.source.seed).toBe('001_0400cab1f254837c.txt');
  });
});

describe('framework loader errors', () => {
  it('names the bad file and the path of the problem, and still loads the others', () => {
    const missingText = niaceText.replace('id: niace-quick', 'id: broken').replace(/- id: partnership-strategy\n\s+text: >-\n.*\n.*\n/, '- id: partnership-strategy\n');
    const dir = tempDir({
      'a-good.yaml': niaceText.replace('id: niace-quick', 'id: my-own'),
      'b-missing-text.yaml': missingText,
      'c-syntax.yaml': 'id: x\nname: [unclosed\n',
      'd-not-yaml.txt': 'ignored: true',
      'e-duplicate.yml': niaceText.replace('id: niace-quick', 'id: my-own'),
    });
    const { frameworks, errors } = loadFrameworks(dir);
    expect(frameworks.map((f) => f.id)).toEqual(['my-own']);
    expect(errors.map(formatFrameworkError)).toEqual([
      `${join(dir, 'b-missing-text.yaml')}: components.0.questions.1.text: Invalid input: expected string, received undefined`,
      expect.stringMatching(/c-syntax\.yaml: YAML syntax: .* at line 3, column 1$/),
      `${join(dir, 'e-duplicate.yml')}: id: id "my-own" is already used by a-good.yaml`,
    ]);
  });

  it('reports cross-field problems with their paths', () => {
    const text = niaceText
      .replace('    - value: 3\n      label: Cycles of learning', '    - value: 2\n      label: Cycles of learning')
      .replace('- id: partnership-review', '- id: partnership-body')
      .replace('  performance:\n    - text: >-', '  perfromance:\n    - text: >-')
      .replace('      label: Not yet', '      label: Nothing')
      .replace('          - value: 2\n            description: The joint strategy', '          - value: 9\n            description: The joint strategy')
      .replace('    - source: 002_f3aad13fcfad5a6b.txt\n      quote: it provides', '    - source: 009_missing.txt\n      quote: it provides');
    const result = parseFrameworkText(text, 'typo.yaml');
    const paths = (result.errors ?? []).map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('scale.levels.3.value: level values must be unique and ascending');
    expect(paths).toContain('components.0.questions.2.id: duplicate question id "partnership-body"');
    expect(paths).toContain('advice.performance: every component needs 1-2 next steps');
    expect(paths).toContain('advice.perfromance: "perfromance" is not a component id');
    expect(paths).toContain('scale.levels.0.label: the lowest level must be "Not yet", which counts 0%');
    expect(paths).toContain('advice.partnership.1.source: "009_missing.txt" is not listed under documents');
    expect(result.errors?.every((e) => e.file === 'typo.yaml')).toBe(true);
  });

  it('rejects a level word shared by two levels, and ids that would make long button values', () => {
    const clash = parseFrameworkText(niaceText.replace('aliases: [shared understanding,', 'aliases: [early days,'), 'clash.yaml');
    expect(clash.errors?.[0]?.message).toContain('"early days" names two levels');
    const longId = parseFrameworkText(niaceText.replace('id: niace-quick', `id: ${'x'.repeat(41)}`), 'long.yaml');
    expect(longId.errors?.[0]).toMatchObject({ path: 'id', message: expect.stringContaining('1-40 characters') });
  });

  it('reports a missing directory instead of throwing', () => {
    const { frameworks, errors } = loadFrameworks(join(tmpdir(), 'no-such-frameworks-dir'));
    expect(frameworks).toEqual([]);
    expect(errors[0]?.message).toContain('cannot read directory');
  });
});
