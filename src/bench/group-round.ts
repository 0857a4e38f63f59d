import type { Origin } from '../core/events.js';
import type { DeliveryTarget, MessageRef, Notifier } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import { collate } from '../rounds/collate.js';
import type { Core } from '../app.js';
import { createBenchCore, createPostgresBenchCore } from './bench-core.js';
import { createBenchDatabase } from './bench-database.js';
import { seededRandom, summarize, type Timing } from './stats.js';

/** What a round with many concurrent respondents costs. */
export interface GroupRoundResult {
  /** Where the rounds and answers were stored. */
  store: 'SQLite' | 'PostgreSQL';
  respondents: number;
  /** Every click of every respondent (Take part and nine answers), all respondents at once. */
  step: Timing;
  /** The same clicks by respondents one after another, nobody else busy: the service time without queueing. */
  stepAlone: Timing;
  /** Wall time for all respondents to finish. */
  answeringMs: number;
  /** Edits of the invitation's count: finishes arriving together fold into one edit. */
  invitationUpdates: number;
  /** Collating the answer sets alone (pure), median of repeated runs. */
  collateMs: number;
  /** Closing the round: claim, read the answers, collate, save the result, draw the chart, post. */
  closeMs: number;
}

const origin = (userId: string, isAdmin = false): Origin => ({ platform: 'console', workspaceId: 'bench', channelId: 'partners', userId, isAdmin });

/** The real core on a fresh SQLite file, or on a PostgreSQL database of its own when `postgresUrl` is given. */
const openCore = async (postgresUrl: string | undefined): Promise<{ core: Core; dispose(): Promise<void> }> => {
  if (postgresUrl === undefined) return createBenchCore();
  const database = await createBenchDatabase(postgresUrl);
  const bench = await createPostgresBenchCore(database.url);
  return { core: bench.core, dispose: () => bench.dispose().finally(() => database.drop()) };
};

/**
 * A round of the NIACE quick check with `respondents` people answering at the same moment, through
 * `bot.handle` on the real core (SQLite, or PostgreSQL with `postgresUrl`; chart workers): each
 * presses Take part and answers nine questions by button, all interleaved on the event loop as
 * concurrent chat traffic would be.
 */
export const benchGroupRound = async (respondents: number, postgresUrl?: string): Promise<GroupRoundResult> => {
  const bench = await openCore(postgresUrl);
  let invitationUpdates = 0;
  const notifier: Notifier = {
    deliver: async (_target: DeliveryTarget, _replies: Reply[]) => {},
    post: async (target: DeliveryTarget): Promise<MessageRef> => ({ platform: 'console', workspaceId: target.workspaceId, channelId: target.channelId ?? '', messageId: '1' }),
    update: async () => {
      invitationUpdates += 1;
    },
  };
  bench.core.notifiers.console = notifier;
  try {
    const { bot } = bench.core;
    await bot.handle({ type: 'message', origin: origin('coordinator', true), text: 'assess niace for Leeds as a group for 3 days' });
    const [round] = await bench.core.stores.rounds.listOpen('console:bench');
    if (round === undefined) throw new Error('the round did not open');
    const random = seededRandom(42);
    const samples: number[] = [];
    const click = async (who: Origin, value: string): Promise<Reply[]> => {
      const started = performance.now();
      const replies = await bot.handle({ type: 'choice', origin: who, value });
      samples.push(performance.now() - started);
      return replies;
    };
    const answer = async (index: number): Promise<void> => {
      const who = origin(`respondent-${String(index)}`);
      let replies = await click(who, `group:${round.id}:join`);
      for (let question = 0; question < 9; question++) {
        const level = Math.floor(random() * 4);
        const value = replies.flatMap((reply) => reply.choices ?? []).find((choice) => choice.value.includes(`:assess:answer:${level}:`))?.value;
        if (value === undefined) throw new Error(`respondent ${index} got no question ${question + 1}`);
        replies = await click(who, value);
      }
    };
    // Warm-up, and the service time of a click with nobody else answering.
    for (let i = 0; i < 20; i++) await answer(respondents + i);
    const stepAlone = summarize(samples.splice(0));
    const started = performance.now();
    await Promise.all(Array.from({ length: respondents }, (_, i) => answer(i)));
    const answeringMs = performance.now() - started;
    await bench.core.rounds.idle();
    const answered = await bench.core.stores.rounds.countSubmitted('console:bench', round.id);
    if (answered !== respondents + 20) throw new Error(`${answered} of ${respondents} answer sets were saved`);

    const framework = bench.core.frameworks.find((f) => f.id === round.frameworkId);
    const sets = (await bench.core.stores.rounds.listSubmitted('console:bench', round.id)).slice(0, respondents);
    const runs: number[] = [];
    for (let run = 0; run < 21; run++) {
      const at = performance.now();
      if (framework !== undefined) collate(framework, sets);
      runs.push(performance.now() - at);
    }
    // The chart workers start on the first chart; draw one first so closing is timed as in a running bot.
    await bench.core.charts.render({ title: 'warm-up', components: [{ label: 'a', percent: 50 }] });
    const closeStarted = performance.now();
    const outcome = await bench.core.rounds.closeRound(round);
    const closeMs = performance.now() - closeStarted;
    if (outcome !== 'closed') throw new Error(`the round was not closed here (${outcome})`);
    return {
      store: postgresUrl === undefined ? 'SQLite' : 'PostgreSQL', respondents, step: summarize(samples), stepAlone, answeringMs: Math.round(answeringMs), invitationUpdates,
      collateMs: Math.round(summarize(runs).medianMs * 100) / 100, closeMs: Math.round(closeMs),
    };
  } finally {
    await bench.dispose();
  }
};
