import { SocketModeReceiver, type App, type ReceiverEvent, type SocketModeReceiverOptions } from '@slack/bolt';
import { StorageUnavailableError, errorMessage } from '../../src/core/errors.js';

type AckBody = Parameters<ReceiverEvent['ack']>[0];

const isEventsApi = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'event_callback';

/**
 * Bolt acknowledges an Events API envelope before any listener runs, which in Socket Mode cannot be
 * taken back. Here the acknowledgement waits until the listeners have returned (they only take the
 * delivery, one shared-dedupe round trip, and leave the answering to tracked work), like
 * `processBeforeResponse` in HTTP mode. When the database cannot be reached, the envelope is not
 * acknowledged at all, so Slack redelivers it (with `retry_attempt`) on one of the app's connections.
 */
const acknowledgedAfterListeners =
  (app: App) =>
  async (event: ReceiverEvent): Promise<void> => {
    if (!isEventsApi(event.body)) {
      await app.processEvent(event);
      return;
    }
    let ack: { body: AckBody } | undefined;
    await app.processEvent({
      ...event,
      ack: async (body?: AckBody) => {
        ack ??= { body };
      },
    });
    if (ack !== undefined) await event.ack(ack.body);
  };

/** Bolt's SocketModeReceiver, leaving an event it could not take unacknowledged for Slack to redeliver. */
export const createSocketReceiver = (options: SocketModeReceiverOptions): SocketModeReceiver => {
  const receiver = new SocketModeReceiver({
    ...options,
    processEventErrorHandler: async ({ error, logger, event }) => {
      if (error instanceof StorageUnavailableError) {
        logger.warn(`database unreachable; Slack will redeliver the envelope (retry ${String(event.retryNum ?? 0)})`);
        return false;
      }
      logger.error(`An unhandled error occurred while Bolt processed an event: ${errorMessage(error)}`);
      // Bolt's own rule: without a valid installation a redelivery cannot succeed either.
      return error.name === 'AuthorizationError' || (error as { code?: unknown }).code === 'slack_bolt_authorization_error';
    },
  });
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App): void => {
    // The receiver only ever calls `processEvent` on the app it is given.
    init(Object.assign(Object.create(app) as App, { processEvent: acknowledgedAfterListeners(app) }));
  };
  return receiver;
};
