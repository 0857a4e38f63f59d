import { describe, expect, it } from 'vitest';
import type { Origin } from '../../src/core/events.js';
import { createPrivacyService, FORGET_CONFIRM_MS } from '../../src/privacy/privacy-service.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { MemoryFeedbackStore, MemoryResultStore, MemorySessionStore } from '../../src/storage/memory-stores.js';
import { silentLogger } from '../../src/core/ports.js';

const origin = (userId: string, extra: Partial<Origin> = {}): Origin => ({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId, ...extra });

const setup = () => {
  const at = { now: new Date('2026-03-05T10:00:00.000Z') };
  const feedback = new MemoryFeedbackStore();
  const sessions = new MemorySessionStore();
  const privacy = createPrivacyService({
    erasable: [sessions, new MemoryResultStore(), feedback, new MemoryReminderStore()],
    records: async () => ({ sessions: [], reminders: [], feedback: [] }),
    clock: { now: () => at.now },
    logger: silentLogger,
    coordinatorIds: ['slack:T1:UCOORD'],
  });
  return { at, feedback, privacy };
};

const confirmValue = (replies: ReturnType<ReturnType<typeof setup>['privacy']['forgetMe']>): string =>
  replies[0]?.choices?.find((choice) => choice.label === 'Confirm')?.value ?? '';

describe('privacy service', () => {
  it('lets only the asker confirm forget me, within 15 minutes, and leaves other buttons to the rest of the bot', async () => {
    const { at, feedback, privacy } = setup();
    await feedback.recordFeedback({ workspace: 'slack:T1', userId: 'U1', key: 'k', helpful: true, at: at.now });
    const value = confirmValue(privacy.forgetMe(origin('U1')));
    expect(value.length).toBeLessThanOrEqual(100);
    expect((await privacy.choose(origin('U2'), value))?.[0]?.text).toContain('Only the person who typed `forget me` can confirm it.');
    expect(await feedback.listByWorkspace('slack:T1')).toHaveLength(1);
    at.now = new Date(at.now.getTime() + FORGET_CONFIRM_MS + 1);
    expect((await privacy.choose(origin('U1'), value))?.[0]?.text).toContain('expired');
    expect(await feedback.listByWorkspace('slack:T1')).toHaveLength(1);
    expect((await privacy.choose(origin('U1'), confirmValue(privacy.forgetMe(origin('U1')))))?.[0]?.text).toMatch(/^Done: deleted 1 feedback vote\./u);
    expect(await feedback.listByWorkspace('slack:T1')).toEqual([]);
    expect((await privacy.choose(origin('U1'), confirmValue(privacy.forgetMe(origin('U1')))))?.[0]?.text).toBe(
      'The bot keeps nothing about you here, so there was nothing to delete.',
    );
    expect(await privacy.choose(origin('U1'), 'privacy:forget:not-a-time')).toEqual([expect.objectContaining({ kind: 'error' })]);
    expect(await privacy.choose(origin('U1'), 'assess:answer:2')).toBeUndefined();
  });

  it('lets a listed coordinator delete the workspace as an admin would, and takes the key or id as the typed name', async () => {
    const { at, feedback, privacy } = setup();
    await feedback.recordFeedback({ workspace: 'slack:T1', userId: 'U1', key: 'k', helpful: true, at: at.now });
    expect((await privacy.confirmDeleteWorkspace(origin('U1'), 'T1'))[0]?.text).toContain('Only a workspace admin');
    expect(privacy.deleteWorkspace(origin('UCOORD'))[0]?.text).toContain('To go ahead, type `delete T1`.');
    expect((await privacy.confirmDeleteWorkspace(origin('UCOORD'), '"slack:t1"'))[0]?.text).toBe('Done: deleted 1 feedback vote from this workspace.');
    expect((await privacy.confirmDeleteWorkspace(origin('UCOORD'), 'T1'))[0]?.text).toBe('Nothing was stored for this workspace, so there was nothing to delete.');
  });
});
