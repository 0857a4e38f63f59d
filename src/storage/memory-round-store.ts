import { ANONYMOUS_USER_ID, type MessageRef } from '../core/ports.js';
import type { AnswerKey, GroupRound, RoundAnswer, RoundStore } from '../rounds/round.js';
import { toIsoText, toJsonText } from './store-values.js';

const copy = <T>(value: T): T => structuredClone(value);
const roundId = (workspace: string, id: string): string => JSON.stringify([workspace, id]);
const answerId = (key: AnswerKey): string => JSON.stringify([key.workspace, key.roundId, key.userId]);

type HeldAnswer = AnswerKey & { conversation: string; state: string | null; submitted: string | null; updatedAt: Date; version: number };

/** {@link RoundStore} kept in memory; for tests and the console. Lost on restart. */
export class MemoryRoundStore implements RoundStore {
  readonly #rounds = new Map<string, { seq: number; round: GroupRound }>();
  readonly #answers = new Map<string, HeldAnswer>();
  #seq = 0;

  async create(round: GroupRound): Promise<boolean> {
    toIsoText(round.deadline, 'deadline');
    toIsoText(round.createdAt, 'createdAt');
    // Ids are unique across workspaces, as the databases' unique index keeps them.
    if ([...this.#rounds.values()].some((held) => held.round.id === round.id)) return false;
    this.#rounds.set(roundId(round.workspace, round.id), { seq: ++this.#seq, round: copy(round) });
    return true;
  }

  async get(workspace: string, id: string): Promise<GroupRound | undefined> {
    const held = this.#rounds.get(roundId(workspace, id));
    return held === undefined ? undefined : copy(held.round);
  }

  async listOpen(workspace?: string): Promise<GroupRound[]> {
    return [...this.#rounds.values()]
      .map((held) => held.round)
      .filter((round) => round.status === 'open' && (workspace === undefined || round.workspace === workspace))
      .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || (a.id < b.id ? -1 : 1))
      .map(copy);
  }

  async listByWorkspace(workspace: string): Promise<GroupRound[]> {
    return [...this.#rounds.values()]
      .filter((held) => held.round.workspace === workspace)
      .sort((a, b) => b.round.createdAt.getTime() - a.round.createdAt.getTime() || b.seq - a.seq)
      .map((held) => copy(held.round));
  }

  async setMessage(workspace: string, id: string, message: MessageRef): Promise<void> {
    const held = this.#rounds.get(roundId(workspace, id));
    if (held !== undefined) held.round.message = copy(message);
  }

  async claimClose(workspace: string, id: string, at: Date, resultId: string): Promise<boolean> {
    toIsoText(at, 'closedAt');
    const held = this.#rounds.get(roundId(workspace, id));
    if (held === undefined || held.round.status !== 'open') return false;
    held.round = { ...held.round, status: 'closed', closedAt: new Date(at), resultId };
    return true;
  }

  async getAnswer(key: AnswerKey): Promise<RoundAnswer | undefined> {
    const held = this.#answers.get(answerId(key));
    if (held === undefined) return undefined;
    return {
      conversation: held.conversation,
      state: held.state === null ? null : (JSON.parse(held.state) as unknown),
      submitted: held.submitted === null ? null : (JSON.parse(held.submitted) as Record<string, number | null>),
      updatedAt: new Date(held.updatedAt),
      version: held.version,
    };
  }

  async putAnswer(key: AnswerKey, answer: RoundAnswer, expectedVersion?: number): Promise<boolean> {
    const state = answer.state === null || answer.state === undefined ? null : toJsonText(answer.state, 'the answer state');
    const submitted = answer.submitted === null ? null : toJsonText(answer.submitted, 'the submitted answers');
    toIsoText(answer.updatedAt, 'updatedAt');
    const held = this.#answers.get(answerId(key));
    if (expectedVersion !== undefined && held?.version !== expectedVersion) return false;
    this.#answers.set(answerId(key), { ...key, conversation: answer.conversation, state, submitted, updatedAt: new Date(answer.updatedAt), version: (held?.version ?? 0) + 1 });
    return true;
  }

  async findActive(workspace: string, conversation: string, userId: string): Promise<string | undefined> {
    return [...this.#answers.values()]
      .filter((held) => held.workspace === workspace && held.userId === userId && held.conversation === conversation && held.state !== null)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]?.roundId;
  }

  async listSubmitted(workspace: string, id: string): Promise<Array<Record<string, number | null>>> {
    return [...this.#answers.values()]
      .filter((held) => held.workspace === workspace && held.roundId === id && held.submitted !== null)
      .map((held) => JSON.parse(held.submitted ?? '{}') as Record<string, number | null>);
  }

  async countSubmitted(workspace: string, id: string): Promise<number> {
    return (await this.listSubmitted(workspace, id)).length;
  }

  async deleteByUser(workspace: string, userId: string): Promise<number> {
    let removed = 0;
    for (const [id, held] of this.#answers) {
      if (held.workspace === workspace && held.userId === userId) removed += Number(this.#answers.delete(id));
    }
    return removed;
  }

  async forgetCreator(workspace: string, userId: string): Promise<number> {
    let changed = 0;
    for (const held of this.#rounds.values()) {
      if (held.round.workspace !== workspace || held.round.createdBy !== userId) continue;
      held.round = { ...held.round, createdBy: ANONYMOUS_USER_ID };
      changed += 1;
    }
    return changed;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    for (const [id, held] of this.#answers) if (held.workspace === workspace) this.#answers.delete(id);
    let removed = 0;
    for (const [id, held] of this.#rounds) if (held.round.workspace === workspace) removed += Number(this.#rounds.delete(id));
    return removed;
  }
}
