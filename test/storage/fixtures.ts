import type { AssessmentResult, SessionKey, StoredSession } from '../../src/core/assessment-store.js';

export const sessionKey = (overrides: Partial<SessionKey> = {}): SessionKey => ({
  workspace: 'slack:T1',
  conversation: 'slack:T1:C1:1700000000.0001',
  userId: 'U1',
  ...overrides,
});

export const storedSession = (overrides: Partial<StoredSession> = {}): StoredSession => ({
  frameworkId: 'unesco-key-features',
  city: 'Cork',
  state: { step: 3, answers: { q1: 2, q2: null }, history: ['q1', 'q2'], note: 'Café "naïve" ✓' },
  startedAt: new Date('2025-03-03T09:00:00.000Z'),
  updatedAt: new Date('2025-03-03T09:05:00.000Z'),
  // As read back after the first put; a put ignores it.
  version: 1,
  ...overrides,
});

export const assessmentResult = (overrides: Partial<AssessmentResult> = {}): AssessmentResult => ({
  id: 'r1',
  workspace: 'slack:T1',
  platform: 'slack',
  channelId: 'C1',
  userId: 'U1',
  city: 'Cork',
  frameworkId: 'unesco-key-features',
  completedAt: new Date('2025-03-03T10:00:00.000Z'),
  overallPercent: 62.5,
  components: [
    { id: 'inclusive', label: 'Inclusive learning', percent: 75, answered: 4, total: 4 },
    { id: 'family', label: 'Learning in families', percent: null, answered: 0, total: 3 },
  ],
  answers: { q1: 3, q2: 2, q3: null },
  ...overrides,
});
