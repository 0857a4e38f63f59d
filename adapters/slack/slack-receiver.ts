import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit, type HTTPReceiverOptions } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';

/** Where Slack posts events, commands and interactions (Bolt's default). */
export const EVENTS_PATH = '/slack/events';

type Buffered = Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0];

/** The body as Bolt would parse it; `undefined` when it is not even JSON (Bolt answers that itself). */
const parsedBody = (request: Buffered): { value: unknown } | undefined => {
  try {
    return { value: HTTPModuleFunctions.parseHTTPRequestBody(request) as unknown };
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

const answer = (response: ServerResponse, status: number): void => {
  if (!response.headersSent) response.writeHead(status);
  response.end();
};

/**
 * Identifies one signed request: a replay within the signature window has the same timestamp and
 * body (anything else breaks the signature), a genuine new request has a new timestamp.
 */
const requestKey = (request: Buffered): string => {
  const timestamp = request.headers['x-slack-request-timestamp'];
  return createHash('sha256')
    .update(`${typeof timestamp === 'string' ? timestamp : ''}:`)
    .update(request.rawBody)
    .digest('hex');
};

/** Slash commands and interactions come form-encoded; Events API requests are JSON. */
const isForm = (request: Buffered): boolean => request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true;

/**
 * Bolt's HTTPReceiver, guarded: a correctly signed body that is valid JSON but not an object
 * (`null`, a number, an array, a string) makes Bolt's own listener throw outside any handler, which
 * would end the process; such bodies get a 400 here (401 when unsigned). Each command and click also
 * carries `requestKey` into the listener context, so their replays can be recognised.
 */
export const createGuardedReceiver = (options: HTTPReceiverOptions & { signingSecret: string }, logger: Logger): HTTPReceiver => {
  const receiver = new HTTPReceiver({
    ...options,
    // Only commands and clicks (form bodies) are recognised by their key; events carry their own id.
    customPropertiesExtractor: (request) => (isForm(request) ? { requestKey: requestKey(request) } : {}),
  });
  const boltListener = receiver.requestListener;
  const guard = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let buffered: Buffered;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, defaultBodyLimit);
    } catch (error) {
      logger.warn({ component: 'slack', err: errorMessage(error) }, 'could not read a request body');
      answer(response, HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413 ? 413 : 400);
      return;
    }
    const body = parsedBody(buffered);
    if (body === undefined || isRecord(body.value)) {
      // Bolt reuses the buffered body and verifies the signature itself.
      boltListener(request, response);
      return;
    }
    try {
      await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret: options.signingSecret }, buffered);
    } catch {
      answer(response, 401);
      return;
    }
    logger.warn({ component: 'slack', type: body.value === null ? 'null' : typeof body.value }, 'signed request body is not an object; answered 400');
    answer(response, 400);
  };
  receiver.requestListener = (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // Other routes stay synchronous: Bolt's server turns what they throw into a 404.
    if (request.method !== 'POST' || pathname !== EVENTS_PATH) {
      boltListener(request, response);
      return;
    }
    guard(request, response).catch((error: unknown) => {
      logger.error({ component: 'slack', err: errorMessage(error) }, 'request failed before reaching Bolt');
      answer(response, 500);
    });
  };
  return receiver;
};
