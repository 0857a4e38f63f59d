import type { FakeResponse } from './fake-discord-http.js';

/**
 * Discord's rules for message bodies and its error answers, as documented for API v10: the fake
 * applies them to every message the bot creates or edits, so a payload Discord would refuse is
 * refused here too rather than silently recorded.
 */

export const LIMITS = {
  content: 2_000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footerText: 2_048,
  authorName: 256,
  embedTotal: 6_000,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
} as const;

/** Error bodies Discord answers with, by JSON error code. */
export const errorBody = {
  unauthorized: { message: '401: Unauthorized', code: 0 },
  unknownChannel: { message: 'Unknown Channel', code: 10003 },
  unknownMessage: { message: 'Unknown Message', code: 10008 },
  unknownUser: { message: 'Unknown User', code: 10013 },
  unknownWebhook: { message: 'Unknown Webhook', code: 10015 },
  unknownInteraction: { message: 'Unknown interaction', code: 10062 },
  emptyMessage: { message: 'Cannot send an empty message', code: 50006 },
  invalidWebhookToken: { message: 'Invalid Webhook Token', code: 50027 },
  invalidRecipients: { message: 'Invalid Recipient(s)', code: 50033 },
  alreadyAcknowledged: { message: 'Interaction has already been acknowledged.', code: 40060 },
} as const;

/** Nested `{ field: { _errors: [...] } }` object, the shape of Discord's `errors`. */
type FormErrors = { _errors?: Array<{ code: string; message: string }>; [key: string]: unknown };

const addError = (errors: FormErrors, path: Array<string | number>, code: string, message: string): void => {
  let node: FormErrors = errors;
  for (const key of path) {
    const next = (node[String(key)] ?? {}) as FormErrors;
    node[String(key)] = next;
    node = next;
  }
  (node._errors ??= []).push({ code, message });
};

const tooLong = (errors: FormErrors, path: Array<string | number>, value: unknown, max: number): number => {
  const length = typeof value === 'string' ? value.length : 0;
  if (length > max) addError(errors, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return length;
};

interface EmbedBody {
  title?: string;
  description?: string;
  fields?: Array<{ name?: string; value?: string }>;
  footer?: { text?: string };
  author?: { name?: string };
}

interface MessageBody {
  content?: string | null;
  embeds?: EmbedBody[] | null;
  components?: Array<{ components?: Array<{ custom_id?: string; label?: string }> }> | null;
  attachments?: unknown[] | null;
  sticker_ids?: unknown[];
  poll?: unknown;
}

const checkEmbeds = (errors: FormErrors, embeds: EmbedBody[]): void => {
  if (embeds.length > LIMITS.embeds) addError(errors, ['embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.embeds} or fewer in length.`);
  let total = 0;
  embeds.forEach((embed, i) => {
    total += tooLong(errors, ['embeds', i, 'title'], embed.title, LIMITS.embedTitle);
    total += tooLong(errors, ['embeds', i, 'description'], embed.description, LIMITS.embedDescription);
    total += tooLong(errors, ['embeds', i, 'footer', 'text'], embed.footer?.text, LIMITS.footerText);
    total += tooLong(errors, ['embeds', i, 'author', 'name'], embed.author?.name, LIMITS.authorName);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.fields) {
      addError(errors, ['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.fields} or fewer in length.`);
    }
    fields.forEach((field, j) => {
      total += tooLong(errors, ['embeds', i, 'fields', j, 'name'], field.name, LIMITS.fieldName);
      total += tooLong(errors, ['embeds', i, 'fields', j, 'value'], field.value, LIMITS.fieldValue);
    });
  });
  if (total > LIMITS.embedTotal) {
    addError(errors, ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
};

const checkComponents = (errors: FormErrors, rows: NonNullable<MessageBody['components']>): void => {
  if (rows.length > LIMITS.rows) addError(errors, ['components'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.rows} or fewer in length.`);
  rows.forEach((row, i) => {
    const buttons = row.components ?? [];
    if (buttons.length > LIMITS.buttonsPerRow) {
      addError(errors, ['components', i, 'components'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.buttonsPerRow} or fewer in length.`);
    }
    buttons.forEach((button, j) => {
      tooLong(errors, ['components', i, 'components', j, 'custom_id'], button.custom_id, LIMITS.customId);
      tooLong(errors, ['components', i, 'components', j, 'label'], button.label, LIMITS.label);
    });
  });
};

/**
 * Checks a message body the way Discord does. `create` adds the rule that a new message must show
 * something; `prefix` nests the errors (interaction callbacks carry the message under `data`).
 * Returns the 400 answer, or `undefined` when Discord would accept the body.
 */
export const checkMessage = (
  raw: unknown,
  options: { create: boolean; files: number; prefix?: string },
): FakeResponse | undefined => {
  const body = (raw ?? {}) as MessageBody;
  const root: FormErrors = {};
  const errors = options.prefix === undefined ? root : ((root[options.prefix] = {}) as FormErrors);
  tooLong(errors, ['content'], body.content, LIMITS.content);
  if (Array.isArray(body.embeds)) checkEmbeds(errors, body.embeds);
  if (Array.isArray(body.components)) checkComponents(errors, body.components);
  if (Object.keys(errors).length > 0) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: root } };
  const empty =
    (body.content ?? '') === '' &&
    (body.embeds ?? []).length === 0 &&
    (body.components ?? []).length === 0 &&
    (body.sticker_ids ?? []).length === 0 &&
    body.poll === undefined &&
    options.files === 0;
  if (options.create && empty) return { status: 400, body: errorBody.emptyMessage };
  return undefined;
};

/** A 429 as Discord sends it: the rate-limit headers and `{ message, retry_after, global }`. */
export const rateLimited = (options: { retryAfter: number; global: boolean; bucket: string; now: number }): FakeResponse => {
  const { retryAfter, global } = options;
  const headers: Record<string, string> = {
    'Retry-After': String(Math.ceil(retryAfter)),
    'X-RateLimit-Scope': global ? 'global' : 'user',
  };
  if (global) {
    headers['X-RateLimit-Global'] = 'true';
  } else {
    Object.assign(headers, {
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': ((options.now + retryAfter * 1000) / 1000).toFixed(3),
      'X-RateLimit-Reset-After': retryAfter.toFixed(3),
      'X-RateLimit-Bucket': options.bucket,
    });
  }
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
};
