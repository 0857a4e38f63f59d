import { csvField, exportFilename } from '../assessment/export.js';
import type { SessionKey, StoredSession } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import type { Reminder } from '../reminders/reminder.js';
import type { FeedbackEntry } from '../storage/feedback-entry.js';

/** What is stored about a workspace besides its results, as read for an export. */
export interface WorkspaceRecords {
  sessions: Array<SessionKey & StoredSession>;
  reminders: Reminder[];
  feedback: FeedbackEntry[];
}

type Cell = string | number | null;

const csv = (header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string =>
  [header.join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\n');

const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;

const fileReply = (what: string, count: number, workspaceId: string, now: Date, name: string, content: string): Reply => ({
  kind: 'info',
  text: `${what} in this workspace: ${count}.`,
  file: { filename: exportFilename(workspaceId, now).replace(/\.csv$/u, `-${name}.csv`), mimeType: 'text/csv', content },
});

/**
 * Everything else the bot stores about the workspace, one CSV file per table (results have their
 * own file). Only what people and the bot wrote: no tokens or secrets are stored with these rows.
 */
export const workspaceRecordFiles = (records: WorkspaceRecords, workspaceId: string, now: Date): Reply[] => {
  const tables: Array<{ what: string; count: number; reply: () => Reply }> = [
    { what: 'assessments in progress', count: records.sessions.length, reply: () => fileReply('Assessments in progress', records.sessions.length, workspaceId, now, 'sessions', csv(
    ['conversation', 'user_id', 'framework_id', 'city', 'started_at', 'updated_at', 'state_json'],
    records.sessions.map((s) => [s.conversation, s.userId, s.frameworkId, s.city, iso(s.startedAt), iso(s.updatedAt), JSON.stringify(s.state)]),
  )) },
    { what: 'reminders', count: records.reminders.length, reply: () => fileReply('Reminders', records.reminders.length, workspaceId, now, 'reminders', csv(
    ['reminder_id', 'channel_id', 'direct_to_user_id', 'city', 'schedule_json', 'time_zone', 'created_by', 'created_at', 'active_since', 'paused', 'last_slot'],
    records.reminders.map((r) => [
      r.id, r.target.kind === 'channel' ? r.target.channelId : null, r.target.kind === 'direct' ? r.target.userId : null,
      r.city ?? null, JSON.stringify(r.schedule), r.timeZone, r.createdBy, iso(r.createdAt), iso(r.activeSince),
      r.paused ? 'yes' : 'no', iso(r.lastSlot),
    ]),
  )) },
    { what: 'feedback votes', count: records.feedback.length, reply: () => fileReply('Feedback votes', records.feedback.length, workspaceId, now, 'feedback', csv(
    ['user_id', 'answer_key', 'helpful', 'at'],
    records.feedback.map((f) => [f.userId, f.key, f.helpful ? 'yes' : 'no', iso(f.at)]),
  )) },
  ];
  // An empty table gets a line, not an empty file.
  const empty = tables.filter((table) => table.count === 0).map((table) => table.what);
  const files = tables.filter((table) => table.count > 0).map((table) => table.reply());
  if (empty.length === 0) return files;
  const list = empty.length === 1 ? empty[0] : `${empty.slice(0, -1).join(', ')} or ${empty.at(-1)}`;
  return [...files, { kind: 'info', text: `No ${list} are stored for this workspace.` }];
};
