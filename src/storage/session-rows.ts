import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import type { SessionKey, StoredSession } from '../core/assessment-store.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';

/** The session columns both backends write, in the order their INSERTs bind them. */
export const SESSION_COLUMNS = 'workspace, conversation, user_id, framework_id, city, state, started_at, updated_at';
/** What both backends select: the written columns and the version that guards concurrent saves. */
export const SESSION_READ_COLUMNS = `${SESSION_COLUMNS}, version`;

/** A stored session together with its key, as listed for a workspace. */
export type SessionRow = SessionKey & StoredSession & { version: number };

/** A session row as read back; `state` is any JSON, the assessment engine validates its shape. */
const sessionRowSchema = (columns: RowColumns) =>
  z.object({
    workspace: z.string(),
    conversation: z.string(),
    user_id: z.string(),
    framework_id: z.string(),
    city: z.string(),
    state: columns.json(z.unknown()),
    started_at: columns.date,
    updated_at: columns.date,
    version: z.number().int(),
  });

/** Identifies a damaged row in logs without trusting the rest of it. */
const rowKeySchema = z.object({ workspace: z.unknown(), conversation: z.unknown(), user_id: z.unknown() });

/** Reads `assessment_sessions` rows; unreadable ones are logged and skipped. */
export interface SessionRows {
  session(raw: unknown): SessionRow | undefined;
  sessions(rows: readonly unknown[]): SessionRow[];
}

/** Row readers for one backend, whose driver hands columns over as `columns` describes. */
export const sessionRows = (columns: RowColumns, logger: Logger): SessionRows => {
  const schema = sessionRowSchema(columns);
  const session = (raw: unknown): SessionRow | undefined => {
    // A damaged row must not stop the bot; the user simply starts that assessment afresh.
    const row = parseRowOrSkip(schema, raw, {
      table: 'assessment_sessions',
      what: 'assessment session',
      logger,
      key: rowKeySchema,
    });
    if (row === undefined) return undefined;
    return {
      workspace: row.workspace,
      conversation: row.conversation,
      userId: row.user_id,
      frameworkId: row.framework_id,
      city: row.city,
      state: row.state,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  };
  return { session, sessions: (rows) => rows.map(session).filter((row): row is SessionRow => row !== undefined) };
};

/** The stored session without its key, as `SessionStore.get` returns it. */
export const withoutKey = (row: SessionRow): StoredSession => {
  const { frameworkId, city, state, startedAt, updatedAt, version } = row;
  return { frameworkId, city, state, startedAt, updatedAt, version };
};
