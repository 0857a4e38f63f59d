import { randomUUID } from 'node:crypto';
import { renderChartPng, type ChartInput } from '../../src/assessment/chart.js';
import { createBot } from '../../src/core/bot.js';
import type { Platform } from '../../src/core/events.js';
import { silentLogger, type ChartRenderer, type ChatBot, type DeliveryTarget, type MessageRef, type Notifier } from '../../src/core/ports.js';
import type { ResultStore } from '../../src/core/assessment-store.js';
import type { Reply } from '../../src/core/replies.js';
import type { RoundStore } from '../../src/rounds/round.js';
import { createRounds } from '../../src/rounds/rounds.js';
import type { RoundCloser } from '../../src/rounds/round-closer.js';
import type { RoundService } from '../../src/rounds/round-service.js';
import { fakeAnswers, shippedFrameworks, TestClock } from '../assessment/fakes.js';

/** Real charts, drawn on the test's thread. */
export const inlineCharts: ChartRenderer = { render: async (input) => renderChartPng(input as ChartInput) };

export interface RoundBot {
  bot: ChatBot;
  service: RoundService;
  closer: RoundCloser;
  notifiers: Partial<Record<Platform, Notifier>>;
  clock: TestClock;
}

/**
 * The bot with city-wide rounds on the given stores, a clock the test moves and timers that never
 * fire by themselves (the test calls `closer.tick()` for the deadline).
 */
export const roundBot = (
  stores: { rounds: RoundStore; results: ResultStore },
  clock: TestClock,
  options: { timeZone?: string; coordinatorIds?: string[] } = {},
): RoundBot => {
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  const rounds = createRounds({
    store: stores.rounds, results: stores.results, frameworks: shippedFrameworks(), notifiers, charts: inlineCharts, clock,
    logger: silentLogger, defaultTimeZone: options.timeZone ?? 'Europe/London', newResultId: randomUUID, setTimer: () => 0, clearTimer: () => {},
    coordinatorIds: options.coordinatorIds ?? [],
  });
  const bot = createBot({ answers: fakeAnswers(), rounds: rounds.port, charts: inlineCharts, clock, logger: silentLogger });
  return { bot, service: rounds.service, closer: rounds.closer, notifiers, clock };
};

/** A channel as the notifier sees it: posts, edits and deliveries in order. */
export const recordingChannel = () => {
  const log: Array<{ type: 'post' | 'update' | 'deliver'; replies: Reply[]; target?: DeliveryTarget }> = [];
  return {
    log,
    notifier: {
      async deliver(target: DeliveryTarget, replies: Reply[]) {
        log.push({ type: 'deliver', replies, target });
      },
      async post(target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
        log.push({ type: 'post', replies: [reply], target });
        return { platform: 'slack', workspaceId: target.workspaceId, channelId: target.channelId ?? '', messageId: `m${log.length}` };
      },
      async update(_ref: MessageRef, reply: Reply) {
        log.push({ type: 'update', replies: [reply] });
      },
    },
  };
};

