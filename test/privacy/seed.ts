import type { Platform } from '../../src/core/events.js';
import type { Stores } from '../../src/storage/stores.js';
import { assessmentResult, sessionKey, storedSession } from '../storage/fixtures.js';
import { reminder } from '../reminders/fixtures.js';

/** Where seeded rows go: a workspace of a platform, one channel, and its people. */
export interface SeedPlace {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/**
 * One of every kind of row a user leaves in a workspace: an assessment in progress, a completed
 * result, a 👍 vote, a reminder they set up (with a delivery record) and a reminder sent to them
 * directly by someone else. Ids are prefixed with `tag` so several seeds can share a database.
 */
export const seedUser = async (stores: Stores, place: SeedPlace, userId: string, tag: string, at: Date): Promise<void> => {
  const workspace = `${place.platform}:${place.workspaceId}`;
  // A thread of its own: the seeded state is no real engine state, so no test conversation may resume it.
  const conversation = `${workspace}:${place.channelId}:seeded-thread`;
  await stores.sessions.put(sessionKey({ workspace, conversation, userId }), storedSession({ startedAt: at, updatedAt: at }));
  await stores.results.save(
    assessmentResult({ id: `${tag}-result`, workspace, platform: place.platform, channelId: place.channelId, userId, completedAt: at }),
  );
  await stores.feedback.recordFeedback({ workspace, userId, key: `${tag}-answer`, helpful: true, at });
  const common = { workspace, platform: place.platform, workspaceId: place.workspaceId, createdAt: at, activeSince: at };
  await stores.reminders.create(reminder({ ...common, id: `${tag}-own`, createdBy: userId, target: { kind: 'channel', channelId: place.channelId } }));
  await stores.reminders.claimSlot({ id: `${tag}-own`, workspace }, new Date(at.getTime() + 60_000), at);
  await stores.reminders.create(reminder({ ...common, id: `${tag}-dm`, createdBy: `${tag}-colleague`, target: { kind: 'direct', userId } }));
  await stores.documents.add(
    {
      id: `${tag}-doc`, workspace, name: `${tag}-strategy.md`, title: 'Strategy', pages: null, passageCount: 1,
      addedBy: `${workspace}:${userId}`, addedAt: at,
      passages: [{ id: `${tag}-doc#0`, source: `${tag}-strategy.md`, title: 'Strategy', heading: 'Strategy', text: 'Our learning strategy.' }],
    },
    200,
  );
  // A city-wide round the user opened, and their answers to it.
  await stores.rounds.create({
    id: `${tag}-round`, workspace, platform: place.platform, workspaceId: place.workspaceId, channelId: place.channelId,
    frameworkId: 'niace-quick', city: 'Leeds', createdBy: userId, createdAt: at, deadline: new Date(at.getTime() + 7 * 86_400_000),
    timeZone: 'UTC', status: 'open',
  });
  await stores.rounds.putAnswer(
    { workspace, roundId: `${tag}-round`, userId },
    { state: null, conversation: `${workspace}:${place.channelId}:seeded-round`, submitted: { q1: 2 }, updatedAt: at },
  );
};
