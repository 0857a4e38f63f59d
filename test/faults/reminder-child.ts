// A reminder scheduler in its own process, for the kill -9 test: the SQLite reminder store on the
// given file, a clock fixed at --now, and a notifier that appends every delivery to --deliveries
// (fsynced, so a kill cannot lose a line that was written). With --freeze K it stops dead at the
// K-th delivery, after writing it (--when after) or before (--when before), and says `frozen` on
// standard output, so the test can kill it there. Otherwise it sends what is due and exits.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { silentLogger, type Notifier } from '../../src/core/ports.js';
import { textReply } from '../../src/core/replies.js';
import { createReminderScheduler } from '../../src/reminders/scheduler.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    deliveries: { type: 'string' },
    now: { type: 'string' },
    freeze: { type: 'string', default: '0' },
    when: { type: 'string', default: 'after' },
  },
});
const now = new Date(values.now ?? '');
const freezeAt = Number(values.freeze);
const deliveries = values.deliveries ?? '';

/** Blocks this thread for good: the event loop never runs again, as if the machine stopped here. */
const freeze = (): never => {
  writeSync(1, 'frozen\n');
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};

const appendLine = (line: string): void => {
  const fd = openSync(deliveries, 'a');
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

let count = 0;
const notifier: Notifier = {
  deliver: async (_target, replies) => {
    count += 1;
    if (count === freezeAt && values.when === 'before') freeze();
    appendLine(replies.map((reply) => reply.text).join(' '));
    if (count === freezeAt) freeze();
  },
};

const db = openDatabase(values.db ?? '');
const scheduler = createReminderScheduler({
  store: new SqliteReminderStore(db),
  notifiers: { slack: notifier },
  clock: { now: () => now },
  // The digest names its reminder and slot, so the delivery file shows exactly what went out.
  buildDigest: async (reminder, time) => [textReply(`${reminder.id} ${time.slot.toISOString()}`)],
  logger: silentLogger,
  retry: { attempts: 1, baseDelayMs: 0 },
  // No timer: this process only sends what is due now.
  setTimer: () => undefined,
  clearTimer: () => undefined,
});
scheduler.start();
await scheduler.idle();
await scheduler.stop();
db.close();
writeSync(1, `done ${count}\n`);
