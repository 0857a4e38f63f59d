/**
 * A serving process with the bot's last-resort handlers: it throws from a timer and leaves a
 * rejection unhandled, then must still answer HTTP. Prints its port on standard output.
 */
import { createServer } from 'node:http';
import { createLogger } from '../../src/logger.js';
import { keepServingOnUncaughtErrors } from '../../src/process-guard.js';

keepServingOnUncaughtErrors(createLogger({ level: 'error' }));
const server = createServer((request, response) => {
  if (request.url === '/throw') {
    setTimeout(() => {
      throw new Error('thrown from a timer');
    }, 0);
    void Promise.reject(new Error('rejected and never handled'));
  }
  response.writeHead(200).end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
