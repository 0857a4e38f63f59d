import { conversationKey, workspaceKey, type Origin } from '../core/events.js';
import { StorageUnavailableError, errorMessage } from '../core/errors.js';
import type { Clock, Logger } from '../core/ports.js';
import type { SessionKey, SessionStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import { CrossedSave, type Turn } from './crossed-save.js';
import { info } from './service-replies.js';
import { sessionStateSchema, type SessionState } from './session-state.js';

/** A stored session read back: its state, or the notice that it could not be read; undefined when there is none. */
export type Loaded = { state: SessionState; startedAt: Date; version: number | undefined } | { error: Reply } | undefined;

/** The key of `origin`'s assessment: one per user per conversation. */
export const sessionKeyOf = (origin: Origin): SessionKey => ({ workspace: workspaceKey(origin), conversation: conversationKey(origin), userId: origin.userId });

/** Assessments in progress as the service reads and writes them: validated on the way in, versioned on the way out. */
export class SessionRecords {
  constructor(
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Whether a session is stored and under way, in one read and without side effects: one that
   * cannot be read counts as running, left for `load` to report and remove. A failed lookup counts
   * as none, but an unreachable database throws: nobody can tell then whether a line answers it.
   */
  async peek(key: SessionKey): Promise<'none' | 'paused' | 'running'> {
    let stored;
    try {
      stored = await this.sessions.get(key);
    } catch (error) {
      if (error instanceof StorageUnavailableError) throw error;
      this.logger.error({ err: errorMessage(error) }, 'assessment session lookup failed');
      return 'none';
    }
    if (stored === undefined) return 'none';
    const parsed = sessionStateSchema.safeParse(stored.state);
    return parsed.success && parsed.data.phase === 'run' && parsed.data.engine.status === 'paused' ? 'paused' : 'running';
  }

  /** Reads and validates the stored session; an unreadable one is removed and reported. */
  async load(key: SessionKey): Promise<Loaded> {
    const stored = await this.sessions.get(key);
    if (stored === undefined) return undefined;
    const parsed = sessionStateSchema.safeParse(stored.state);
    if (parsed.success) return { state: parsed.data, startedAt: stored.startedAt, version: stored.version };
    this.logger.warn({ workspace: key.workspace, issues: parsed.error.issues.length }, 'unreadable assessment session removed');
    await this.sessions.delete(key);
    return { error: info('Your saved assessment here could not be read back, so it was removed. Sorry about that.') };
  }

  /** Saves the session; with a `turn`, only if nobody saved since it was read (else {@link CrossedSave}). */
  async save(key: SessionKey, state: SessionState, startedAt?: Date, turn?: Turn): Promise<void> {
    const now = this.clock.now();
    const engine = state.phase === 'run' ? state.engine : undefined;
    const saved = await this.sessions.put(key, {
      frameworkId: engine?.frameworkId ?? (state.phase === 'choose-city' ? state.frameworkId : ''),
      city: engine?.city ?? (state.phase === 'choose-framework' ? state.city ?? '' : ''),
      state,
      startedAt: startedAt ?? (await this.sessions.get(key))?.startedAt ?? now,
      updatedAt: now,
    }, turn?.version);
    if (!saved) throw new CrossedSave();
    if (turn?.version !== undefined) turn.version += 1;
  }
}
