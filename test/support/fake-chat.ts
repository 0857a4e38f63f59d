import type { Origin } from '../../src/core/events.js';
import type { ChatBot } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';

/** A chat seen from one user's side: what they say, and everything the bot sent back. */
export interface FakeChat {
  origin: Origin;
  sent: Reply[];
  /** Sends text and returns the replies to it. */
  userSays(text: string): Promise<Reply[]>;
  /** Presses the button with this label (or value) on the latest reply that has it. */
  userPresses(labelOrValue: string): Promise<Reply[]>;
  /** Sends a button value as a platform would, whether or not the button was shown. */
  userChooses(value: string): Promise<Reply[]>;
  /** Text of the latest reply. */
  last(): string;
}

export const consoleOrigin = (overrides: Partial<Origin> = {}): Origin => ({
  platform: 'console',
  workspaceId: 'local',
  channelId: 'terminal',
  userId: 'tester',
  ...overrides,
});

export const createFakeChat = (bot: ChatBot, origin: Origin = consoleOrigin()): FakeChat => {
  const sent: Reply[] = [];
  const record = (replies: Reply[]): Reply[] => {
    sent.push(...replies);
    return replies;
  };
  return {
    origin,
    sent,
    userSays: async (text) => record(await bot.handle({ type: 'message', origin, text })),
    userPresses: async (labelOrValue) => {
      const choice = [...sent]
        .reverse()
        .flatMap((reply) => reply.choices ?? [])
        .find((c) => c.label === labelOrValue || c.value === labelOrValue);
      if (!choice) throw new Error(`no button "${labelOrValue}" in the replies so far`);
      return record(await bot.handle({ type: 'choice', origin, value: choice.value }));
    },
    userChooses: async (value) => record(await bot.handle({ type: 'choice', origin, value })),
    last: () => sent.at(-1)?.text ?? '',
  };
};
