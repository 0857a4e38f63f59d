import { randomBytes } from 'node:crypto';
import type { SlackMessage } from './slack-render.js';

/** What a "Share in channel" button shares: the private reply as rendered, and who may share it. */
export interface ShareEntry {
  channelId: string;
  userId: string;
  /** The reply's messages without the share button, as they will be posted. */
  messages: readonly SlackMessage[];
  /** The private message the button is on, to show it again once shared. */
  shown?: SlackMessage;
  shared: boolean;
  createdAt: number;
}

const SHARE_VALUE = /^share:([\w-]{8,40})$/u;

/** The button value for a stored entry. */
export const shareValue = (id: string): string => `share:${id}`;

/** The entry id in a button value, if it is one. */
export const shareIdOf = (value: string | undefined): string | undefined => SHARE_VALUE.exec(value ?? '')?.[1];

/**
 * Private replies that may be shared, kept in memory for a day (Slack drops ephemeral messages from
 * view long before that) and bounded, the oldest forgotten first. The button carries only the id:
 * a reply can be far longer than a button value's 2,000 characters.
 */
export class ShareStore {
  private readonly entries = new Map<string, ShareEntry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = 1_000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  put(entry: Omit<ShareEntry, 'shared' | 'createdAt'>): string {
    const id = randomBytes(12).toString('base64url');
    this.entries.set(id, { ...entry, shared: false, createdAt: this.now() });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return id;
  }

  get(id: string): ShareEntry | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined && this.now() - entry.createdAt > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }
}
