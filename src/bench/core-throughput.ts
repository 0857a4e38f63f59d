import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BotEvent, Origin } from '../core/events.js';
import type { ChatBot } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/** One kind of event in the mix, with what it cost. */
export interface EventKindCost {
  kind: string;
  count: number;
  meanMs: number;
}

export interface ThroughputResult {
  events: number;
  /** Conversations in flight at once, each sending its next event when the previous one was answered. */
  conversations: number;
  elapsedMs: number;
  /** The whole mix, completions (summary + chart) included. */
  perSecond: number;
  /** How late the event loop ran timers during the run (perf_hooks.monitorEventLoopDelay), p99 and max. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  kinds: EventKindCost[];
}

type Kind = 'help' | 'question' | 'assess start' | 'assessment step (typed)' | 'assessment step (button)' | 'completion (summary + chart)';

const TYPED_ANSWERS = ['2', 'developing', '3', 'getting organised', 'two', 'established', '1', 'level 2', 'cycles'];

/** help, two questions, assess, nine answers, one more question. */
const EVENTS_PER_USER = 4 + TYPED_ANSWERS.length + 1;

/** The value of the first answer button on the latest prompt, if any. */
const answerChoice = (replies: readonly Reply[]): string | undefined =>
  replies.flatMap((reply) => reply.choices ?? []).find((choice) => choice.value.startsWith('assess:answer:'))?.value;

/**
 * Events per second through `bot.handle` as a chat would send them: `conversations` simulated users at
 * once, each asking for help, asking questions, then running the nine-question NIACE check to the
 * end (answering by typing and by buttons in turn), one event after another. Every event is timed, so
 * the table can say which kinds cost what, and the event loop's delay is sampled throughout: a chart
 * drawn on the main thread would show there as a stall of every conversation.
 */
export const benchCoreThroughput = async (bot: ChatBot, questions: string[], minEvents: number, conversations = 16): Promise<ThroughputResult> => {
  const costs = new Map<Kind, { count: number; ms: number }>();
  let events = 0;
  let questionIndex = 0;
  let users = 0;
  const handle = async (kind: Kind, event: BotEvent): Promise<Reply[]> => {
    // Events arrive from the network, each on its own turn of the event loop; without this, resolved
    // promises would chain the whole run into one turn and the loop's delay could not be sampled.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    const replies = await bot.handle(event);
    const ms = performance.now() - started;
    const cost = costs.get(kind) ?? { count: 0, ms: 0 };
    cost.count += 1;
    cost.ms += ms;
    costs.set(kind, cost);
    events += 1;
    return replies;
  };
  const say = (origin: Origin, text: string): BotEvent => ({ type: 'message', origin, text });
  const nextQuestion = (): string => questions[questionIndex++ % questions.length] ?? 'What is a learning city?';

  const simulateUser = async (user: number): Promise<void> => {
    const origin: Origin = { platform: 'slack', workspaceId: `T${user % 7}`, channelId: `C${user % 13}`, threadId: `1700000000.${user}`, userId: `U${user}` };
    await handle('help', say(origin, 'help'));
    await handle('question', say(origin, nextQuestion()));
    await handle('question', say(origin, nextQuestion()));
    let replies = await handle('assess start', say(origin, `assess niace-quick for City ${user}`));
    for (let step = 0; step < TYPED_ANSWERS.length; step++) {
      const last = step === TYPED_ANSWERS.length - 1;
      const choice = answerChoice(replies);
      const kind: Kind = last ? 'completion (summary + chart)' : step % 2 === 0 || choice === undefined ? 'assessment step (typed)' : 'assessment step (button)';
      replies = step % 2 === 1 && choice !== undefined
        ? await handle(kind, { type: 'choice', origin, value: choice })
        : await handle(kind, say(origin, TYPED_ANSWERS[step] ?? '2'));
    }
    // A script that went off the rails would time something else than it claims.
    if (!replies.some((reply) => reply.kind === 'summary' && reply.image !== undefined)) {
      throw new Error(`the assessment of simulated user ${user} did not end in a summary with a chart`);
    }
    await handle('question', say(origin, nextQuestion()));
  };
  const plannedUsers = Math.ceil(minEvents / EVENTS_PER_USER);
  // Each lane is one conversation slot: when its user is done, the next user takes it.
  const lane = async (): Promise<void> => {
    while (users < plannedUsers) await simulateUser(users++);
  };

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await Promise.all(Array.from({ length: conversations }, lane));
  const elapsedMs = performance.now() - started;
  delay.disable();
  return {
    events,
    conversations,
    elapsedMs: Math.round(elapsedMs),
    perSecond: Math.round((events / elapsedMs) * 1000),
    // No sample at all would mean the loop never turned: blocked for the whole run.
    loopDelayP99Ms: delay.count === 0 ? Math.round(elapsedMs) : Math.round(delay.percentile(99) / 1e4) / 100,
    loopDelayMaxMs: delay.count === 0 ? Math.round(elapsedMs) : Math.round(delay.max / 1e4) / 100,
    kinds: [...costs].map(([kind, cost]) => ({ kind, count: cost.count, meanMs: Math.round((cost.ms / cost.count) * 1000) / 1000 })),
  };
};
