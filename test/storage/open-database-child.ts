// Run in a child process (as an unprivileged user when the tests run as root) to see what
// openDatabase reports for a path this process may not write. Prints one JSON line.
import { openDatabase } from '../../src/storage/sqlite-database.js';

const path = process.argv[2] ?? '';
try {
  openDatabase(path, { busyTimeoutMs: 50 }).close();
  process.stdout.write(`${JSON.stringify({ opened: true })}\n`);
} catch (error) {
  const { name, message, code } = error as { name: string; message: string; code?: string };
  process.stdout.write(`${JSON.stringify({ opened: false, name, code, message })}\n`);
}
