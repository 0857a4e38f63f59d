import { describe, expect, it } from 'vitest';
import { assessChoiceValue, parseAssessChoice, type AssessChoice } from '../../src/assessment/choices.js';
import { cleanCity, parseStartArgs, resolveFramework } from '../../src/assessment/start-args.js';
import { shippedFrameworks } from './fakes.js';

describe('assessment button values', () => {
  it('round-trip and stay short', () => {
    const all: AssessChoice[] = [
      { type: 'answer', value: 2, position: 4 }, { type: 'answer', value: 0 }, { type: 'answer', value: -1, position: 1 },
      { type: 'skip', position: 9 }, { type: 'skip' }, { type: 'back', position: 2 }, { type: 'stop' }, { type: 'cancel' },
      { type: 'resume' }, { type: 'restart' }, { type: 'framework', frameworkId: 'niace-quick' },
      { type: 'begin', frameworkId: 'unesco-key-features' }, { type: 'suggested-city' },
    ];
    for (const choice of all) {
      const value = assessChoiceValue(choice);
      expect(value.length).toBeLessThan(100);
      expect(parseAssessChoice(value)).toEqual(choice);
    }
    expect(assessChoiceValue({ type: 'answer', value: 2, position: 4 })).toBe('assess:answer:2:q4');
  });

  it('reject anything malformed', () => {
    for (const bad of ['assess:answer', 'assess:answer:x', 'assess:answer:2:4', 'assess:skip:x', 'assess:stop:1', 'assess:framework:Bad_Id', 'feedback:up:1', 'assess:answer:2:q4:extra', `assess:${'x'.repeat(100)}`]) {
      expect(parseAssessChoice(bad)).toBeUndefined();
    }
  });
});

describe('assess arguments', () => {
  it('split framework and city at the first "for"', () => {
    expect(parseStartArgs('niace for Leeds')).toEqual({ frameworkQuery: 'niace', city: 'Leeds' });
    expect(parseStartArgs('  for  Stratford-upon-Avon ')).toEqual({ city: 'Stratford-upon-Avon' });
    expect(parseStartArgs('key features')).toEqual({ frameworkQuery: 'key features' });
    expect(parseStartArgs('blocks for Leeds for real')).toEqual({ frameworkQuery: 'blocks', city: 'Leeds for real' });
    expect(parseStartArgs('')).toEqual({});
    // A `for` with nothing after it names no city: "unesco for" asks for the UNESCO frameworks.
    expect(parseStartArgs('unesco for')).toEqual({ frameworkQuery: 'unesco' });
    expect(parseStartArgs('for')).toEqual({});
    expect(parseStartArgs('unesco for?')).toEqual({ frameworkQuery: 'unesco' });
    expect(parseStartArgs('unesco for ?')).toEqual({ frameworkQuery: 'unesco' });
    expect(parseStartArgs('unesco for…')).toEqual({ frameworkQuery: 'unesco' });
    // The city without the question's own punctuation; a full stop inside a name stays.
    expect(['Leeds?', 'Leeds.', 'Leeds!!', 'St. Albans', 'Washington D.C.'].map(cleanCity)).toEqual([
      { city: 'Leeds' }, { city: 'Leeds' }, { city: 'Leeds' }, { city: 'St. Albans' }, { city: 'Washington D.C.' },
    ]);
    expect(parseStartArgs('Resume')).toEqual({ keyword: 'resume' });
    expect(parseStartArgs('list')).toEqual({ keyword: 'list' });
  });

  it('find frameworks by id, name, alias, start of a name or list number, never guessing', () => {
    const frameworks = shippedFrameworks();
    const id = (query: string) => {
      const found = resolveFramework(query, frameworks);
      return 'framework' in found ? found.framework.id : 'ambiguous' in found ? `ambiguous:${found.ambiguous.length}` : 'none';
    };
    expect(id('niace-quick')).toBe('niace-quick');
    expect(id('NIACE')).toBe('niace-quick');
    expect(id('Key Features')).toBe('unesco-key-features');
    expect(id('building')).toBe('unesco-building-blocks');
    expect(id('2')).toBe('unesco-building-blocks');
    expect(id('unesco')).toBe('ambiguous:2');
    expect(id('xy')).toBe('none');
    expect(id('9')).toBe('none');
  });

  it('clean city names for display', () => {
    expect(cleanCity('  *Leeds*  ')).toEqual({ city: 'Leeds' });
    expect(cleanCity('for York')).toEqual({ city: 'York' });
    expect(cleanCity('`<@U123>`')).toEqual({ city: '@U123' });
    expect(cleanCity('1234')).toEqual({ error: expect.stringContaining('name of a city') });
    expect(cleanCity('x'.repeat(81))).toEqual({ error: expect.stringContaining('80 characters') });
  });
});
