import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandDefinitions, commandText, isDeferredCommand } from '../../../adapters/discord/commands.js';

const options = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('slash commands', () => {
  it('defines the seven commands with valid Discord names and descriptions', () => {
    const definitions = commandDefinitions();
    expect(definitions.map((d) => d.name)).toEqual(['ask', 'assess', 'results', 'export', 'close-round', 'frameworks', 'help']);
    expect(COMMAND_NAMES).toEqual(definitions.map((d) => d.name));
    for (const definition of definitions) {
      // Discord's rule for command names: lower case letters, digits, dashes and underscores.
      expect(definition.name).toMatch(/^[-_a-z0-9]{1,32}$/u);
      expect(definition.description.length).toBeLessThanOrEqual(100);
    }
    expect(definitions.find((d) => d.name === 'assess')?.options?.map((o) => [o.name, o.required ?? false])).toEqual([
      ['framework', false],
      ['city', false],
      ['group', false],
      ['until', false],
    ]);
  });

  it('maps each command onto the text the core parses', () => {
    expect(commandText('ask', options({ question: '  What is  a learning city? ' }))).toBe('ask What is a learning city?');
    expect(commandText('assess', options({ framework: 'unesco', city: 'Cork' }))).toBe('assess unesco for Cork');
    expect(commandText('assess', options({ city: 'Cork' }))).toBe('assess for Cork');
    expect(commandText('assess', options({}))).toBe('assess');
    expect(commandText('assess', options({ framework: 'niace', city: 'Leeds', group: 'yes', until: 'Friday 17:00' }))).toBe('assess niace for Leeds as a group until Friday 17:00');
    expect(commandText('assess', options({ framework: 'niace', city: 'Leeds', until: 'Friday 17:00' }))).toBe('assess niace for Leeds');
    expect(commandText('close-round', options({}))).toBe('close round');
    expect(commandText('close-round', options({ round: 'g7k2m' }))).toBe('close round g7k2m');
    expect(commandText('results', options({ city: 'Espoo' }))).toBe('results Espoo');
    expect(commandText('results', options({}))).toBe('results');
    expect(commandText('frameworks', options({}))).toBe('frameworks');
    expect(commandText('export', options({}))).toBe('export');
    expect(commandText('help', options({}))).toBe('help');
    expect(commandText('toString', options({}))).toBeUndefined();
  });

  it('defers the commands that may be slow', () => {
    expect(['ask', 'assess', 'results', 'export'].every(isDeferredCommand)).toBe(true);
    expect(isDeferredCommand('help') || isDeferredCommand('frameworks') || isDeferredCommand('nope')).toBe(false);
  });
});
