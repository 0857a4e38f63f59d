import { describe, expect, it } from 'vitest';
import { cleanInput, parseIntent } from '../../src/core/intents.js';

describe('parseIntent', () => {
  it.each([
    ['what is a learning city?', { type: 'ask', question: 'what is a learning city?', explicit: false }],
    ['ask who runs the festival', { type: 'ask', question: 'who runs the festival', explicit: true }],
    ['help', { type: 'help' }],
    ['/help', { type: 'help' }],
    ['HELP!', { type: 'help' }],
    ['assess', { type: 'assess', args: '' }],
    ['assess niace for Leeds', { type: 'assess', args: 'niace for Leeds' }],
    ['frameworks', { type: 'frameworks' }],
    ['results', { type: 'results', city: '' }],
    ['results Bristol', { type: 'results', city: 'Bristol' }],
    ['export', { type: 'export' }],
    ['reminders', { type: 'reminders', args: '' }],
    ['remind every monday 9:00', { type: 'reminders', args: 'every monday 9:00' }],
    ['<@U123> assess', { type: 'assess', args: '' }],
    ['forget me', { type: 'forget-me' }],
    ['/Forget me.', { type: 'forget-me' }],
    ['forget about funding?', { type: 'ask', question: 'forget about funding?', explicit: false }],
    ['delete workspace data', { type: 'delete-workspace' }],
    ['Delete Workspace Data', { type: 'delete-workspace' }],
    ['delete Cork Learning City', { type: 'delete-confirm', typed: 'Cork Learning City' }],
    ['delete', { type: 'delete-confirm', typed: '' }],
    ['', { type: 'empty' }],
    ['   \u0000 ', { type: 'empty' }],
  ])('%j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('treats a command word followed by a question as a question', () => {
    expect(parseIntent('help me find funding for adult learning')).toEqual({
      type: 'ask',
      question: 'help me find funding for adult learning',
      explicit: false,
    });
    expect(parseIntent('export of learning materials')).toMatchObject({ type: 'ask' });
  });

  it('answers unknown slash commands helpfully, with the closest command', () => {
    expect(parseIntent('/asess')).toEqual({ type: 'unknown-command', command: 'asess', suggestion: 'assess' });
    expect(parseIntent('!xyzzy')).toEqual({ type: 'unknown-command', command: 'xyzzy' });
    // Punctuation alone names no command.
    expect(parseIntent('!!!')).toEqual({ type: 'ask', question: '!!!', explicit: false });
    expect(parseIntent('/...')).toEqual({ type: 'ask', question: '/...', explicit: false });
  });
});

describe('cleanInput', () => {
  it('drops control characters and leading mentions, folds whitespace and caps length', () => {
    expect(cleanInput('<@U1>  hello\u0007\n\tworld ')).toBe('hello world');
    expect(cleanInput('x'.repeat(10_000))).toHaveLength(4_000);
  });
});
