import { errorMessage } from './core/errors.js';
import type { Logger } from './core/ports.js';

/**
 * Last resort for a long-running bot: an exception or rejection that nothing caught (a bug in a
 * library callback, say) is logged and the bot keeps serving, instead of Node ending the process
 * and dropping every conversation in flight. Each request path still handles its own errors; this
 * only catches what slipped past them.
 */
export const keepServingOnUncaughtErrors = (logger: Logger, target: NodeJS.Process = process): void => {
  target.on('uncaughtException', (error, origin) => {
    logger.error({ err: errorMessage(error), stack: error instanceof Error ? error.stack : undefined, origin }, 'uncaught exception; still serving');
  });
  target.on('unhandledRejection', (reason) => {
    logger.error({ err: errorMessage(reason), stack: reason instanceof Error ? reason.stack : undefined }, 'unhandled rejection; still serving');
  });
};
