import { join } from 'node:path';
import type { Origin } from '../../src/core/events.js';
import type { AnswerPort, AnswerSource, Clock, KnowledgeAnswer } from '../../src/core/ports.js';
import type { AssessmentResult, ResultStore, SessionKey, SessionStore, StoredSession } from '../../src/core/assessment-store.js';
import { silentLogger } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import type { ChartInput } from '../../src/assessment/chart.js';
import { AssessmentService } from '../../src/assessment/assessment-service.js';
import type { Framework } from '../../src/assessment/framework-schema.js';
import { loadFrameworks } from '../../src/assessment/framework-loader.js';

export const FRAMEWORK_DIR = join(import.meta.dirname, '../../knowledge/frameworks');

/** The shipped frameworks; throws if any fails, because every test relies on them. */
export const shippedFrameworks = (): Framework[] => {
  const { frameworks, errors } = loadFrameworks(FRAMEWORK_DIR);
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return frameworks;
};

export const frameworkById = (id: string): Framework => {
  const found = shippedFrameworks().find((framework) => framework.id === id);
  if (found === undefined) throw new Error(`no framework ${id}`);
  return found;
};

/** Session store that round-trips state through JSON, as a database would. */
export class MemorySessions implements SessionStore {
  readonly rows = new Map<string, SessionKey & { session: string; startedAt: Date; updatedAt: Date; version: number }>();
  puts = 0;

  private id(key: SessionKey): string {
    return JSON.stringify([key.workspace, key.conversation, key.userId]);
  }

  async get(key: SessionKey): Promise<StoredSession | undefined> {
    const row = this.rows.get(this.id(key));
    if (row === undefined) return undefined;
    const { frameworkId, city, state } = JSON.parse(row.session) as { frameworkId: string; city: string; state: unknown };
    return { frameworkId, city, state, startedAt: row.startedAt, updatedAt: row.updatedAt, version: row.version };
  }

  async put(key: SessionKey, session: StoredSession, expectedVersion?: number): Promise<boolean> {
    const held = this.rows.get(this.id(key));
    if (expectedVersion !== undefined && held?.version !== expectedVersion) return false;
    this.puts += 1;
    const { frameworkId, city, state } = session;
    const version = (held?.version ?? 0) + 1;
    this.rows.set(this.id(key), { ...key, session: JSON.stringify({ frameworkId, city, state }), startedAt: session.startedAt, updatedAt: session.updatedAt, version });
    return true;
  }

  async delete(key: SessionKey, expectedVersion?: number): Promise<boolean> {
    const held = this.rows.get(this.id(key));
    if (held === undefined || (expectedVersion !== undefined && held.version !== expectedVersion)) return false;
    return this.rows.delete(this.id(key));
  }

  async listByWorkspace(workspace: string): Promise<Array<SessionKey & StoredSession>> {
    const listed: Array<SessionKey & StoredSession> = [];
    for (const row of this.rows.values()) {
      if (row.workspace !== workspace) continue;
      const key = { workspace: row.workspace, conversation: row.conversation, userId: row.userId };
      const session = await this.get(key);
      if (session !== undefined) listed.push({ ...key, ...session });
    }
    return listed;
  }
}

export class MemoryResults implements ResultStore {
  readonly saved: AssessmentResult[] = [];
  failNextSave = false;

  async save(result: AssessmentResult): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('disk full');
    }
    this.saved.push(structuredClone(result));
  }

  async list(workspace: string, filter: { city?: string; frameworkId?: string; limit?: number } = {}): Promise<AssessmentResult[]> {
    return this.saved
      .filter((result) => result.workspace === workspace)
      .filter((result) => filter.city === undefined || result.city.toLowerCase() === filter.city.toLowerCase())
      .filter((result) => filter.frameworkId === undefined || result.frameworkId === filter.frameworkId)
      .sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime())
      .slice(0, filter.limit ?? Number.POSITIVE_INFINITY)
      .map((result) => structuredClone(result));
  }
}

/** Knowledge base double: queries containing a key word get a passage from that file, others get no answer. */
export const fakeAnswers = (passages: Record<string, { title: string; source: string }> = {}): AnswerPort & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    answer(question: string): KnowledgeAnswer {
      asked.push(question);
      const hit = Object.entries(passages).find(([word]) => question.toLowerCase().includes(word));
      const sources: AnswerSource[] = hit === undefined ? [] : [{ ...hit[1], passage: 'passage text', score: 3 }];
      return { question, noAnswer: hit === undefined, answer: hit === undefined ? 'no answer' : 'passage text', sources, suggestions: [] };
    },
    topics: () => [],
  };
};

export class TestClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export const origin = (userId: string, overrides: Partial<Origin> = {}): Origin => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId,
  ...overrides,
});

export const PNG = new Uint8Array([137, 80, 78, 71]);

export interface Harness {
  service: AssessmentService;
  sessions: MemorySessions;
  results: MemoryResults;
  clock: TestClock;
  answers: ReturnType<typeof fakeAnswers>;
}

/** A service over the given (or fresh) stores; pass the same stores twice to simulate a restart. */
export const harness = (stores: Partial<Pick<Harness, 'sessions' | 'results' | 'clock'>> = {}, frameworks = shippedFrameworks()): Harness => {
  const sessions = stores.sessions ?? new MemorySessions();
  const results = stores.results ?? new MemoryResults();
  const clock = stores.clock ?? new TestClock(new Date('2025-03-05T10:00:00Z'));
  const answers = fakeAnswers({
    partnership: { title: 'The Learning City - Toolkit', source: '002_f3aad13fcfad5a6b.txt' },
    festival: { title: 'How to build learning cities', source: '001_0400cab1f254837c.txt' },
  });
  let ids = 0;
  const service = new AssessmentService({
    frameworks, sessions, results, answers, clock, logger: silentLogger,
    newId: () => `r${++ids}`,
  });
  return { service, sessions, results, clock, answers };
};

/** One user's side of a chat with the service, transcript style. */
export const chat = (service: AssessmentService, who: Origin) => {
  let last: Reply[] | undefined = [];
  const lastPrompt = (): Reply | undefined => [...(last ?? [])].reverse().find((reply) => reply.choices !== undefined);
  return {
    assess: async (args = ''): Promise<Reply[]> => (last = await service.start(who, args)),
    say: async (text: string): Promise<Reply[] | undefined> => (last = await service.input(who, { text })),
    press: async (value: string): Promise<Reply[] | undefined> => (last = await service.input(who, { choice: value })),
    /** Presses the button of the latest prompt whose label starts with `label`. */
    async pressLabel(label: string): Promise<Reply[] | undefined> {
      const choice = lastPrompt()?.choices?.find((c) => c.label.startsWith(label));
      if (choice === undefined) throw new Error(`no button "${label}" in ${JSON.stringify(last)}`);
      return (last = await service.input(who, { choice: choice.value }));
    },
    get text(): string {
      return (last ?? []).map((reply) => reply.text).join('\n');
    },
    get replies(): Reply[] | undefined {
      return last;
    },
    /** What the latest summary asks the core to draw. */
    get chart(): ChartInput | undefined {
      return (last ?? []).find((reply) => reply.chart !== undefined)?.chart?.input as ChartInput | undefined;
    },
    lastPrompt,
  };
};
