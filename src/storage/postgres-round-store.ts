import { ANONYMOUS_USER_ID, silentLogger } from '../core/ports.js';
import type { Logger, MessageRef } from '../core/ports.js';
import type { AnswerKey, GroupRound, RoundAnswer, RoundStore } from '../rounds/round.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { ANSWER_COLUMNS, ROUND_COLUMNS, answerValues, roundRows, roundValues } from './round-rows.js';
import type { RoundRows } from './round-rows.js';
import { toIsoText, toJsonText } from './store-values.js';

const placeholders = (count: number, from = 1): string => Array.from({ length: count }, (_, i) => `$${i + from}`).join(', ');

/**
 * {@link RoundStore} in PostgreSQL. Closing is a conditional UPDATE: the row lock makes a second
 * closer wait and then find the round closed, so only one instance collates it.
 */
export class PostgresRoundStore implements RoundStore {
  readonly #db: PostgresDatabase;
  readonly #rows: RoundRows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = roundRows(pgColumns, logger);
  }

  async create(round: GroupRound): Promise<boolean> {
    const values = roundValues(round);
    const { changed } = await this.#db.run(
      'saving a round',
      `INSERT INTO group_rounds (${ROUND_COLUMNS}) VALUES (${placeholders(values.length)}) ON CONFLICT DO NOTHING`,
      values,
    );
    return changed === 1;
  }

  async get(workspace: string, id: string): Promise<GroupRound | undefined> {
    const { rows } = await this.#db.run('reading a round', `SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE workspace = $1 AND id = $2`, [workspace, id]);
    return this.#rows.rounds(rows)[0];
  }

  async listOpen(workspace?: string): Promise<GroupRound[]> {
    const { rows } = await this.#db.run(
      'listing open rounds',
      `SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE status = 'open' AND ($1::text IS NULL OR workspace = $1)
       ORDER BY deadline, id COLLATE "C"`,
      [workspace ?? null],
    );
    return this.#rows.rounds(rows);
  }

  async listByWorkspace(workspace: string): Promise<GroupRound[]> {
    const { rows } = await this.#db.run(
      'listing rounds',
      `SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE workspace = $1 ORDER BY created_at DESC, id COLLATE "C" DESC`,
      [workspace],
    );
    return this.#rows.rounds(rows);
  }

  async setMessage(workspace: string, id: string, message: MessageRef): Promise<void> {
    await this.#db.run('saving a round’s message', 'UPDATE group_rounds SET message = $1 WHERE workspace = $2 AND id = $3', [
      toJsonText(message, 'the invitation message'), workspace, id,
    ]);
  }

  async claimClose(workspace: string, id: string, at: Date, resultId: string): Promise<boolean> {
    const { changed } = await this.#db.run(
      'closing a round',
      `UPDATE group_rounds SET status = 'closed', closed_at = $1, result_id = $2 WHERE workspace = $3 AND id = $4 AND status = 'open'`,
      [toIsoText(at, 'closedAt'), resultId, workspace, id],
    );
    return changed === 1;
  }

  async getAnswer(key: AnswerKey): Promise<RoundAnswer | undefined> {
    const { rows } = await this.#db.run(
      'reading a round answer',
      `SELECT ${ANSWER_COLUMNS} FROM group_answers WHERE workspace = $1 AND round_id = $2 AND user_id = $3`,
      [key.workspace, key.roundId, key.userId],
    );
    return rows[0] === undefined ? undefined : this.#rows.answer(rows[0]);
  }

  async putAnswer(key: AnswerKey, answer: RoundAnswer, expectedVersion?: number): Promise<boolean> {
    const values = [key.workspace, key.roundId, key.userId, ...answerValues(answer)];
    if (expectedVersion !== undefined) {
      const { changed } = await this.#db.run(
        'saving a round answer',
        `UPDATE group_answers SET conversation = $4, state = $5, submitted = $6, updated_at = $7, version = version + 1
         WHERE workspace = $1 AND round_id = $2 AND user_id = $3 AND version = $8`,
        [...values, expectedVersion],
      );
      return changed === 1;
    }
    await this.#db.run(
      'saving a round answer',
      `INSERT INTO group_answers (workspace, round_id, user_id, conversation, state, submitted, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace, round_id, user_id) DO UPDATE SET conversation = excluded.conversation, state = excluded.state, submitted = excluded.submitted,
         updated_at = excluded.updated_at, version = group_answers.version + 1`,
      values,
    );
    return true;
  }

  async findActive(workspace: string, conversation: string, userId: string): Promise<string | undefined> {
    const { rows } = await this.#db.run(
      'finding a round answer in progress',
      `SELECT round_id FROM group_answers WHERE workspace = $1 AND user_id = $2 AND conversation = $3 AND state IS NOT NULL
       ORDER BY updated_at DESC LIMIT 1`,
      [workspace, userId, conversation],
    );
    return (rows[0] as { round_id: string } | undefined)?.round_id;
  }

  async listSubmitted(workspace: string, roundId: string): Promise<Array<Record<string, number | null>>> {
    const { rows } = await this.#db.run(
      'reading a round’s answers',
      'SELECT submitted FROM group_answers WHERE workspace = $1 AND round_id = $2 AND submitted IS NOT NULL',
      [workspace, roundId],
    );
    return this.#rows.submitted(rows);
  }

  async countSubmitted(workspace: string, roundId: string): Promise<number> {
    const { rows } = await this.#db.run(
      'counting a round’s respondents',
      'SELECT count(*)::integer AS n FROM group_answers WHERE workspace = $1 AND round_id = $2 AND submitted IS NOT NULL',
      [workspace, roundId],
    );
    return (rows[0] as { n: number } | undefined)?.n ?? 0;
  }

  async deleteByUser(workspace: string, userId: string): Promise<number> {
    const { changed } = await this.#db.run('removing a person’s round answers', 'DELETE FROM group_answers WHERE workspace = $1 AND user_id = $2', [workspace, userId]);
    return changed;
  }

  async forgetCreator(workspace: string, userId: string): Promise<number> {
    const { changed } = await this.#db.run(
      'removing a person’s id from the rounds they opened',
      'UPDATE group_rounds SET created_by = $1 WHERE workspace = $2 AND created_by = $3',
      [ANONYMOUS_USER_ID, workspace, userId],
    );
    return changed;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    // One statement, so answers and rounds go together or not at all.
    const { rows } = await this.#db.run(
      'removing a workspace’s rounds',
      `WITH answers AS (DELETE FROM group_answers WHERE workspace = $1), rounds AS (DELETE FROM group_rounds WHERE workspace = $1 RETURNING id)
       SELECT count(*)::integer AS n FROM rounds`,
      [workspace],
    );
    return (rows[0] as { n: number } | undefined)?.n ?? 0;
  }
}
