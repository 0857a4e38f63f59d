import type { DeliveryTarget, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import type { Reminder } from '../../src/reminders/reminder.js';

export const reminder = (overrides: Partial<Reminder> = {}): Reminder => ({
  id: 'r1',
  workspace: 'console:local',
  platform: 'console',
  workspaceId: 'local',
  target: { kind: 'channel', channelId: 'general' },
  city: 'Leeds',
  schedule: { kind: 'cron', expr: '0 9 * * *' },
  timeZone: 'Europe/London',
  createdBy: 'U1',
  createdAt: new Date('2025-03-01T12:00:00.000Z'),
  activeSince: new Date('2025-03-01T12:00:00.000Z'),
  paused: false,
  ...overrides,
});

/** A console-like notifier that records what it was asked to send; `failures` makes the next calls throw. */
export const fakeNotifier = (): Notifier & { sent: Array<{ target: DeliveryTarget; replies: Reply[] }>; failures: number } => {
  const notifier = {
    sent: [] as Array<{ target: DeliveryTarget; replies: Reply[] }>,
    failures: 0,
    async deliver(target: DeliveryTarget, replies: Reply[]): Promise<void> {
      if (notifier.failures > 0) {
        notifier.failures -= 1;
        throw new Error('channel_not_found');
      }
      notifier.sent.push({ target, replies });
    },
  };
  return notifier;
};
