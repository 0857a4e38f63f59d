import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import type { Origin } from '../../src/core/events.js';
import type { AnswerPort } from '../../src/core/ports.js';
import { createReminders } from '../../src/reminders/reminders.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { MemoryResultStore, MemorySessionStore } from '../../src/storage/memory-stores.js';
import { fakeNotifier } from './fixtures.js';

const answers: AnswerPort = {
  answer: (question) => ({ question, noAnswer: true, answer: 'No answer.', sources: [], suggestions: [] }),
  topics: () => [],
};
const origin: Origin = { platform: 'console', workspaceId: 'local', channelId: 'main', userId: 'me', isAdmin: true };

describe('reminders through the bot router and the console-like notifier', () => {
  it('creates a reminder with `remind …`, lists it with `reminders`, and delivers its digest when due', async () => {
    let now = new Date('2025-05-20T10:00:00Z');
    const notifier = fakeNotifier();
    const store = new MemoryReminderStore();
    const reminders = createReminders({
      store, results: new MemoryResultStore(), sessions: new MemorySessionStore(), frameworks: [], answers,
      notifiers: { console: notifier }, clock: { now: () => now }, logger: { debug() {}, info() {}, warn() {}, error() {} },
      defaultTimeZone: 'Europe/London',
    });
    const bot = createBot({ answers, reminders: reminders.port });
    const created = await bot.handle({ type: 'message', origin, text: 'remind every day at 12:00 for Leeds' });
    expect(created[0]?.text).toContain('every day at 12:00 (Europe/London), about *Leeds*, to this channel');
    const listed = await bot.handle({ type: 'message', origin, text: '/reminders' });
    expect(listed[0]?.text).toContain('next Tue 20 May 2025, 12:00 BST');

    now = new Date('2025-05-20T11:00:00Z');
    expect(await reminders.scheduler.tick()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(notifier.sent[0]?.target).toEqual({ platform: 'console', workspaceId: 'local', channelId: 'main' });
    expect(notifier.sent[0]?.replies[0]?.text).toContain('*Leeds* has no completed assessment in this workspace yet.');
    await reminders.scheduler.stop();
  });
});
