import { createBot } from '../core/bot.js';
import type { Origin } from '../core/events.js';
import type { AnswerPort } from '../core/ports.js';
import { summarize, type Timing } from './stats.js';

/** Inputs that cost much per character in naive text handling: long words, runs, emoji, markup. */
export const adversarialInputs = (): Array<{ name: string; text: string }> => {
  const longWords = Array.from({ length: 40 }, (_, i) => `${'partnership'.repeat(9)}${String.fromCharCode(97 + (i % 26))}`).join(' ');
  let nested = 'learning city';
  for (let i = 0; i < 200; i++) nested = `<@U${i}|${nested}>`;
  return [
    { name: '4,000 letters, one word', text: 'a'.repeat(4_000) },
    { name: '4,000-letter mixed word', text: Array.from({ length: 4_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26]).join('') },
    { name: '40 long unknown words', text: longWords },
    { name: '600 distinct 6-letter words', text: Array.from({ length: 600 }, (_, i) => `w${(i * 7919).toString(36).padStart(5, 'q')}`).join(' ') },
    { name: '4,000 emoji', text: '🎓'.repeat(4_000) },
    { name: 'repeated punctuation', text: '?!.,;:'.repeat(700) },
    { name: 'nested mention markup', text: nested },
    { name: 'Lunr syntax', text: 'learning^10 city~2 +council -region:* '.repeat(100) },
  ];
};

export interface AdversarialResult {
  /** Slowest input's median over the repetitions. */
  slowest: { name: string; medianMs: number };
  perInput: Array<{ name: string; timing: Timing }>;
}

/** Times each adversarial input as a message event through the core, `repeat` times each. */
export const benchAdversarial = async (answers: AnswerPort, repeat = 20): Promise<AdversarialResult> => {
  const bot = createBot({ answers });
  const origin: Origin = { platform: 'console', workspaceId: 'bench', channelId: 'adversarial', userId: 'bench' };
  const perInput: AdversarialResult['perInput'] = [];
  await bot.handle({ type: 'message', origin, text: 'what is a learning city?' });
  const letters = (i: number): string => `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}`;
  for (const { name, text } of adversarialInputs()) {
    // Each round changes the first word, so no cache hides the first-time cost.
    const samples: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const varied = `${letters(i)}${text}`;
      const started = performance.now();
      await bot.handle({ type: 'message', origin, text: varied });
      samples.push(performance.now() - started);
    }
    perInput.push({ name, timing: summarize(samples) });
  }
  const worst = perInput.reduce((a, b) => (b.timing.medianMs > a.timing.medianMs ? b : a));
  return { slowest: { name: worst.name, medianMs: worst.timing.medianMs }, perInput };
};
