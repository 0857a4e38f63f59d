import nock from 'nock';
import { blockKitProblems } from './block-kit-limits.js';
import { TEAM, fixture } from './slack-harness.js';

/** Slack lets an app use one `response_url` five times within 30 minutes. */
export const RESPONSE_URL_LIMITS = { uses: 5, lifetimeMs: 30 * 60 * 1000 } as const;

/** A message only one user sees, as that user's Slack client would show it. */
export interface Ephemeral {
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  /** How many times a response replaced it. */
  replaced: number;
  deleted: boolean;
}

interface Issued {
  channel: string;
  user: string;
  issuedAt: number;
  uses: number;
  /** The ephemeral message the click came from, for `replace_original` / `delete_original`. */
  source?: Ephemeral;
}

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
  style?: string;
}

/** The buttons of a message, in order. */
export const buttonsIn = (blocks: ReadonlyArray<Record<string, unknown>>): Button[] =>
  blocks.filter((block) => block['type'] === 'actions').flatMap((block) => block['elements'] as Button[]);

/** The visible text of a message's blocks (sections and context lines). */
export const textOf = (blocks: ReadonlyArray<Record<string, unknown>>): string =>
  blocks
    .flatMap((block) => {
      if (block['type'] === 'section') return [String((block['text'] as { text: string }).text)];
      if (block['type'] === 'context') return (block['elements'] as Array<{ text: string }>).map((element) => element.text);
      return [];
    })
    .join('\n');

/**
 * Slack's `response_url`s: hands them out for slash commands and for clicks on ephemeral messages,
 * enforces five uses within 30 minutes and the Block Kit limits, and keeps the ephemeral messages
 * each user sees (new, replaced in place, deleted) and any `in_channel` responses.
 */
export const fakeResponseUrls = () => {
  let offsetMs = 0;
  let next = 0;
  let ts = 1_700_500_000;
  const now = (): number => Date.now() + offsetMs;
  const issued = new Map<string, Issued>();
  const ephemerals: Ephemeral[] = [];
  const inChannel: Array<{ channel: string; text: string; blocks: unknown[] }> = [];
  const refused: Array<{ path: string; reason: string }> = [];

  const mint = (kind: 'commands' | 'actions', entry: Omit<Issued, 'issuedAt' | 'uses'>): string => {
    const path = `/${kind}/${TEAM}/${++next}/s${next}ecret`;
    issued.set(path, { ...entry, issuedAt: now(), uses: 0 });
    return `https://hooks.slack.com${path}`;
  };

  nock('https://hooks.slack.com')
    .persist()
    .post(/^\/(?:commands|actions)\/\w+\/\d+\/\w+$/u)
    .reply((path, body) => {
      const entry = issued.get(path);
      const refuse = (status: number, reason: string): [number, string] => (refused.push({ path, reason }), [status, reason]);
      if (!entry) return refuse(404, 'invalid_url');
      if (now() - entry.issuedAt > RESPONSE_URL_LIMITS.lifetimeMs) return refuse(404, 'expired_url');
      if (entry.uses >= RESPONSE_URL_LIMITS.uses) return refuse(404, 'used_url');
      entry.uses += 1;
      const message = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
      const problems = blockKitProblems(message['blocks'], message['text']);
      if (problems.length > 0) return refuse(400, `invalid_blocks: ${problems.join('; ')}`);
      const text = String(message['text'] ?? '');
      const blocks = (message['blocks'] ?? []) as Array<Record<string, unknown>>;
      if (message['delete_original'] === true && entry.source) {
        entry.source.deleted = true;
        return [200, 'ok'];
      }
      if (message['response_type'] === 'in_channel') {
        inChannel.push({ channel: entry.channel, text, blocks });
      } else if (message['replace_original'] === true && entry.source) {
        Object.assign(entry.source, { text, blocks, replaced: entry.source.replaced + 1 });
      } else {
        ephemerals.push({ ts: `${++ts}.000200`, channel: entry.channel, user: entry.user, text, blocks, replaced: 0, deleted: false });
      }
      return [200, 'ok'];
    });

  return {
    ephemerals,
    inChannel,
    refused,
    /** A fresh `response_url` for a slash command typed by `user` in `channel`. */
    forCommand: (channel: string, user: string): string => mint('commands', { channel, user }),
    /** What `user` sees privately in `channel`, oldest first. */
    visible: (user: string, channel?: string): Ephemeral[] =>
      ephemerals.filter((message) => message.user === user && !message.deleted && (channel === undefined || message.channel === channel)),
    /** Moves the fake's clock on, to let `response_url`s expire. */
    advance: (ms: number): void => {
      offsetMs += ms;
    },
    /**
     * The block_actions payload Slack sends when `user` presses the button labelled `label` (or
     * starting with `label `) on an ephemeral message: no `message`, a container saying ephemeral,
     * and a new `response_url` tied to that message.
     */
    click: async (message: Ephemeral, label: string, user = message.user): Promise<Record<string, unknown>> => {
      const button = buttonsIn(message.blocks).find((b) => b.text.text === label || b.text.text.startsWith(`${label} `));
      if (!button) throw new Error(`no button ${label} in ${JSON.stringify(buttonsIn(message.blocks).map((b) => b.text.text))}`);
      const payload = await fixture('block-actions.json');
      delete payload['message'];
      const clickNumber = ++next;
      return {
        ...payload,
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
        channel: { id: message.channel, name: 'learning-city' },
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: true },
        response_url: mint('actions', { channel: message.channel, user, source: message }),
        trigger_id: `${clickNumber}.5678.click`,
        actions: [
          { action_id: button.action_id, block_id: 'b', text: { type: 'plain_text', text: button.text.text, emoji: true }, value: button.value, type: 'button', action_ts: `1700000200.${String(clickNumber).padStart(6, '0')}` },
        ],
      };
    },
  };
};
