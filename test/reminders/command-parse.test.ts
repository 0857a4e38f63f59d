import { describe, expect, it } from 'vitest';
import { parseReminderCommand } from '../../src/reminders/command-parse.js';

describe('parseReminderCommand', () => {
  it.each([
    ['', { type: 'list' }],
    ['list', { type: 'list' }],
    ['help', { type: 'help' }],
    ['pause r7k2m', { type: 'pause', id: 'r7k2m' }],
    ['stop `R7K2M`', { type: 'pause', id: 'r7k2m' }],
    ['resume r7k2m', { type: 'resume', id: 'r7k2m' }],
    ['remove #r7k2m', { type: 'delete', id: 'r7k2m' }],
    ['delete', { type: 'missing-id', action: 'delete' }],
  ])('%j', (args, command) => {
    expect(parseReminderCommand(args)).toEqual(command);
  });

  it('splits a new reminder into schedule, zone, city and target', () => {
    expect(parseReminderCommand('monthly on the 1st at 10:00 Europe/London for Leeds to #C0123ABCDE')).toEqual({
      type: 'create', phrase: 'monthly on the 1st at 10:00', timeZone: 'Europe/London', city: 'Leeds',
      target: { kind: 'channel', channelId: 'C0123ABCDE' },
    });
    expect(parseReminderCommand('every monday 9:00 in asia/seoul for Newcastle upon Tyne')).toEqual({
      type: 'create', phrase: 'every monday 9:00', timeZone: 'Asia/Seoul', city: 'Newcastle upon Tyne', target: { kind: 'here' },
    });
    expect(parseReminderCommand('me every day')).toEqual({ type: 'create', phrase: 'every day', target: { kind: 'me' } });
    expect(parseReminderCommand('every day for Cork to me')).toMatchObject({ city: 'Cork', target: { kind: 'me' } });
    expect(parseReminderCommand('every day for Cork by dm')).toMatchObject({ city: 'Cork', target: { kind: 'me' } });
    expect(parseReminderCommand('every day to <#1234567890123456789>')).toMatchObject({ target: { kind: 'channel', channelId: '1234567890123456789' } });
    expect(parseReminderCommand('every day to #general')).toMatchObject({ target: { kind: 'channel-name', name: 'general' } });
  });

  it('keeps a quoted cron expression whole, slashes included', () => {
    expect(parseReminderCommand('cron "*/2 9 * * 1" for Leeds')).toEqual({
      type: 'create', phrase: 'cron "*/2 9 * * 1"', city: 'Leeds', target: { kind: 'here' },
    });
    expect(parseReminderCommand('cron 0 9 * * 1 UTC')).toMatchObject({ phrase: 'cron 0 9 * * 1', timeZone: 'UTC' });
  });

  it('reports an unknown zone or two zones', () => {
    expect(parseReminderCommand('every day Europe/Atlantis')).toMatchObject({ type: 'error', message: expect.stringContaining('Europe/Atlantis') });
    expect(parseReminderCommand('every day UTC Europe/London')).toMatchObject({ type: 'error', message: expect.stringContaining('one time zone') });
  });
});
