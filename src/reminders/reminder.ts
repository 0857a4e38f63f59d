import { z } from 'zod';
import type { Platform } from '../core/events.js';

/** A 5-field cron expression; checked with croner when parsed, re-checked when read back. */
export const cronScheduleSchema = z.object({ kind: z.literal('cron'), expr: z.string().min(9).max(120) });

/**
 * Every `days` days from `anchor`, a wall-clock date and time (`2025-03-03T09:00`) in the
 * reminder's time zone. Used where cron cannot count (every 90 days, every other Monday).
 */
export const intervalScheduleSchema = z.object({
  kind: z.literal('interval'),
  days: z.number().int().min(2).max(366),
  anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:MM'),
});

/** A normalised schedule, as stored. */
export const scheduleSchema = z.discriminatedUnion('kind', [cronScheduleSchema, intervalScheduleSchema]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** Where the digest goes: a channel of the workspace, or a direct message to one user. */
export type ReminderTarget = { kind: 'channel'; channelId: string } | { kind: 'direct'; userId: string };

/** One scheduled progress reminder. Always read and changed within its `workspace`. */
export interface Reminder {
  /** Short, typeable and unique across workspaces, e.g. `r7k2m`. */
  id: string;
  /** `workspaceKey(origin)`, e.g. `slack:T1`. */
  workspace: string;
  platform: Platform;
  workspaceId: string;
  target: ReminderTarget;
  /** City or team the digest is about; absent means the one assessed most recently, looked up when sending. */
  city?: string;
  schedule: Schedule;
  /** IANA zone the schedule is read in, e.g. `Europe/London`. */
  timeZone: string;
  createdBy: string;
  createdAt: Date;
  /**
   * Slots at or before this instant are never sent: the creation time, moved on at each resume so
   * a reminder paused for weeks does not fire a catch-up the moment it is resumed.
   */
  activeSince: Date;
  paused: boolean;
  /** The scheduled time of the last slot claimed for sending (not when it was sent). */
  lastSlot?: Date;
}

/** What became of one claimed slot. `claimed` alone means the process stopped before sending. */
export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

export interface DeliveryRecord {
  reminderId: string;
  workspace: string;
  slot: Date;
  status: DeliveryStatus;
  attempts: number;
  error?: string;
  updatedAt: Date;
}

/**
 * Storage of reminders and their delivery log. Every user-facing method names the workspace, so an
 * id from another workspace is simply not found. `claimSlot` is the only guard against sending a
 * slot twice and must be atomic (one process or several sharing the database).
 */
export interface ReminderStore {
  /** Adds a new reminder; returns false (and changes nothing) when the id is taken. */
  create(reminder: Reminder): Promise<boolean>;
  get(workspace: string, id: string): Promise<Reminder | undefined>;
  /** Oldest first. */
  listByWorkspace(workspace: string): Promise<Reminder[]>;
  /** Reminders that are not paused, in every workspace; for the scheduler. */
  listActive(): Promise<Reminder[]>;
  /** Pauses or resumes; resuming moves `activeSince` to `at`. False when not found in the workspace. */
  setPaused(workspace: string, id: string, paused: boolean, at: Date): Promise<boolean>;
  /** Removes the reminder and its delivery log. False when not found in the workspace. */
  delete(workspace: string, id: string): Promise<boolean>;
  /**
   * Compare-and-set: records `slot` as the reminder's last slot only if the reminder exists, is not
   * paused and has no later-or-equal slot recorded, and logs the slot as `claimed`. True when this
   * caller won the slot and may send it.
   */
  claimSlot(reminder: Pick<Reminder, 'id' | 'workspace'>, slot: Date, at: Date): Promise<boolean>;
  /** Updates the delivery log row of a claimed slot. */
  recordDelivery(record: DeliveryRecord): Promise<void>;
  /** Newest slot first. */
  listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]>;
}
