import { ANONYMOUS_USER_ID, silentLogger } from '../core/ports.js';
import type { Logger, MessageRef } from '../core/ports.js';
import type { AnswerKey, GroupRound, RoundAnswer, RoundStore } from '../rounds/round.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';

/** A prepared statement taking any bound values. */
type Statement = ReturnType<Database['prepare']> & { run(...params: unknown[]): { changes: number }; all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
import { migrations } from './schema.js';
import { ANSWER_COLUMNS, ROUND_COLUMNS, answerValues, roundRows, roundValues } from './round-rows.js';
import type { RoundRows } from './round-rows.js';
import { sqliteColumns } from './sqlite-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** {@link RoundStore} in SQLite; closing is a conditional UPDATE, so only one caller wins it. */
export class SqliteRoundStore implements RoundStore {
  readonly #db: Database;
  readonly #rows: RoundRows;
  /** Statements prepared on first use and kept, keyed by their SQL. */
  readonly #statements = new Map<string, Statement>();

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = roundRows(sqliteColumns, logger);
    applyMigrations(db, migrations, logger);
  }

  #sql(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql) as Statement;
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async create(round: GroupRound): Promise<boolean> {
    const result = this.#sql(`INSERT OR IGNORE INTO group_rounds (${ROUND_COLUMNS}) VALUES (${ROUND_COLUMNS.split(',').map(() => '?').join(', ')})`)
      .run(...roundValues(round));
    return result.changes === 1;
  }

  async get(workspace: string, id: string): Promise<GroupRound | undefined> {
    return this.#rows.rounds(this.#sql(`SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE workspace = ? AND id = ?`).all(workspace, id))[0];
  }

  async listOpen(workspace?: string): Promise<GroupRound[]> {
    const rows =
      workspace === undefined
        ? this.#sql(`SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE status = 'open' ORDER BY deadline, id`).all()
        : this.#sql(`SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE status = 'open' AND workspace = ? ORDER BY deadline, id`).all(workspace);
    return this.#rows.rounds(rows);
  }

  async listByWorkspace(workspace: string): Promise<GroupRound[]> {
    return this.#rows.rounds(
      this.#sql(`SELECT ${ROUND_COLUMNS} FROM group_rounds WHERE workspace = ? ORDER BY created_at DESC, rowid DESC`).all(workspace),
    );
  }

  async setMessage(workspace: string, id: string, message: MessageRef): Promise<void> {
    this.#sql('UPDATE group_rounds SET message = ? WHERE workspace = ? AND id = ?').run(toJsonText(message, 'the invitation message'), workspace, id);
  }

  async claimClose(workspace: string, id: string, at: Date, resultId: string): Promise<boolean> {
    const result = this.#sql("UPDATE group_rounds SET status = 'closed', closed_at = ?, result_id = ? WHERE workspace = ? AND id = ? AND status = 'open'")
      .run(toIsoText(at, 'closedAt'), resultId, workspace, id);
    return result.changes === 1;
  }

  async getAnswer(key: AnswerKey): Promise<RoundAnswer | undefined> {
    const raw = this.#sql(`SELECT ${ANSWER_COLUMNS} FROM group_answers WHERE workspace = ? AND round_id = ? AND user_id = ?`)
      .get(key.workspace, key.roundId, key.userId);
    return raw === undefined ? undefined : this.#rows.answer(raw);
  }

  async putAnswer(key: AnswerKey, answer: RoundAnswer, expectedVersion?: number): Promise<boolean> {
    const values = answerValues(answer);
    if (expectedVersion !== undefined) {
      const result = this.#sql(
          `UPDATE group_answers SET conversation = ?, state = ?, submitted = ?, updated_at = ?, version = version + 1
           WHERE workspace = ? AND round_id = ? AND user_id = ? AND version = ?`,
        )
        .run(...values, key.workspace, key.roundId, key.userId, expectedVersion);
      return result.changes === 1;
    }
    this.#sql(
        `INSERT INTO group_answers (workspace, round_id, user_id, ${ANSWER_COLUMNS.replace(', version', '')}) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace, round_id, user_id) DO UPDATE SET conversation = excluded.conversation, state = excluded.state, submitted = excluded.submitted,
           updated_at = excluded.updated_at, version = group_answers.version + 1`,
      )
      .run(key.workspace, key.roundId, key.userId, ...values);
    return true;
  }

  async findActive(workspace: string, conversation: string, userId: string): Promise<string | undefined> {
    const row = this.#sql(
      `SELECT round_id FROM group_answers WHERE workspace = ? AND user_id = ? AND conversation = ? AND state IS NOT NULL
       ORDER BY updated_at DESC LIMIT 1`,
    ).get(workspace, userId, conversation) as { round_id: string } | undefined;
    return row?.round_id;
  }

  async listSubmitted(workspace: string, roundId: string): Promise<Array<Record<string, number | null>>> {
    return this.#rows.submitted(
      this.#sql('SELECT submitted FROM group_answers WHERE workspace = ? AND round_id = ? AND submitted IS NOT NULL').all(workspace, roundId),
    );
  }

  async countSubmitted(workspace: string, roundId: string): Promise<number> {
    const row = this.#sql('SELECT count(*) AS n FROM group_answers WHERE workspace = ? AND round_id = ? AND submitted IS NOT NULL')
      .get(workspace, roundId) as { n: number };
    return row.n;
  }

  async deleteByUser(workspace: string, userId: string): Promise<number> {
    return this.#sql('DELETE FROM group_answers WHERE workspace = ? AND user_id = ?').run(workspace, userId).changes;
  }

  async forgetCreator(workspace: string, userId: string): Promise<number> {
    return this.#sql('UPDATE group_rounds SET created_by = ? WHERE workspace = ? AND created_by = ?').run(ANONYMOUS_USER_ID, workspace, userId).changes;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    return this.#db.transaction(() => {
      this.#sql('DELETE FROM group_answers WHERE workspace = ?').run(workspace);
      return this.#sql('DELETE FROM group_rounds WHERE workspace = ?').run(workspace).changes;
    })();
  }
}
