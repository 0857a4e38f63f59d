// Holds an exclusive write lock on a SQLite file until standard input closes, as another bot
// instance or a tool in the middle of a long write would. Prints `locked` once it holds it.
import { writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

const db = new BetterSqlite3(process.argv[2] ?? '');
db.exec('BEGIN EXCLUSIVE');
db.exec(`CREATE TABLE IF NOT EXISTS held_by_another_process (x)`);
writeSync(1, 'locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.exec('ROLLBACK');
  db.close();
  process.exit(0);
});
