import { Client, Events, GatewayIntentBits, type Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, PRIVILEGED_INTENTS } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, buttonClick, messageObject, slashCommand, userMessage } from './fake-discord-payloads.js';
import { ALICE, GUILD_A } from './test-harness.js';

/**
 * The fake must refuse what Discord refuses, or the bot's tests prove nothing: these calls are
 * made by hand, as every client would make them, and checked against Discord's documented answers.
 */
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A]);
});
afterAll(async () => {
  await fake.close();
});

const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> => {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${fake.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
};

let ids = 0;
const command = (token: string): string => {
  ids += 1;
  const id = String(874000000000000000n + BigInt(ids));
  fake.interact(slashCommand({ id, token, user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'x' } }));
  return id;
};
const post = (path: string, body: unknown) => call('POST', path, body);
const channelPost = (body: unknown) => post(`/channels/${GUILD_A.channelId}/messages`, body);

describe('interaction responses on the fake Discord', () => {
  it('accepts one callback within three seconds and refuses a second one with 40060', async () => {
    const id = command('tok-once');
    expect((await post(`/interactions/${id}/tok-once/callback`, { type: 4, data: { content: 'hi' } })).status).toBe(204);
    const again = await post(`/interactions/${id}/tok-once/callback`, { type: 4, data: { content: 'hi again' } });
    expect(again).toMatchObject({ status: 400, json: { code: 40060, message: 'Interaction has already been acknowledged.' } });
  });

  it('refuses a callback later than three seconds after the dispatch with 404 and 10062', async () => {
    const id = command('tok-late');
    fake.advanceTime(3_001);
    const late = await post(`/interactions/${id}/tok-late/callback`, { type: 5 });
    expect(late).toMatchObject({ status: 404, json: { code: 10062, message: 'Unknown interaction' } });
    // Nothing was acknowledged, so there is no webhook to follow up on either.
    expect((await post(`/webhooks/${APPLICATION_ID}/tok-late`, { content: 'x' })).json).toMatchObject({ code: 10015 });
  });

  it('fills the deferred message with the first follow-up, keeping its visibility; later follow-ups are new messages', async () => {
    const id = command('tok-defer');
    expect((await post(`/interactions/${id}/tok-defer/callback`, { type: 5 })).status).toBe(204);
    const placeholder = fake.originalOf('tok-defer');
    expect(placeholder?.flags).toBe(128); // LOADING: "thinking…"

    const first = await post(`/webhooks/${APPLICATION_ID}/tok-defer`, { content: 'first', flags: 64 });
    expect(first.json).toMatchObject({ id: placeholder?.id, content: 'first', flags: 0 });
    expect(fake.originalOf('tok-defer')).toMatchObject({ content: 'first', flags: 0, deleted: false });

    const second = await post(`/webhooks/${APPLICATION_ID}/tok-defer`, { content: 'second', flags: 64 });
    expect(second.json['id']).not.toBe(placeholder?.id);
    expect(second.json).toMatchObject({ content: 'second', flags: 64 });
  });

  it('keeps an ephemeral deferral ephemeral when the follow-up asks for a public message', async () => {
    const id = command('tok-private');
    await post(`/interactions/${id}/tok-private/callback`, { type: 5, data: { flags: 64 } });
    const first = await post(`/webhooks/${APPLICATION_ID}/tok-private`, { content: 'only you' });
    expect(first.json).toMatchObject({ id: fake.originalOf('tok-private')?.id, flags: 64 });
  });

  it('updates the clicked message for a component interaction (type 7)', async () => {
    ids += 1;
    const id = String(874000000000000000n + BigInt(ids));
    const shown = messageObject({ id: '854000000000000001', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: 'question' });
    fake.interact(buttonClick({ id, token: 'tok-click', user: ALICE, guild: GUILD_A, customId: 'x', message: shown }));
    expect((await post(`/interactions/${id}/tok-click/callback`, { type: 7, data: { content: 'next question' } })).status).toBe(204);
    expect(fake.messages.get('854000000000000001')?.content).toBe('next question');
  });
});

describe('message limits on the fake Discord', () => {
  const errorsOf = async (body: unknown): Promise<unknown> => {
    const answer = await channelPost(body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    return answer.json['errors'];
  };

  it('accepts content of 2,000 characters and refuses 2,001', async () => {
    expect((await channelPost({ content: 'x'.repeat(2_000) })).status).toBe(200);
    expect(await errorsOf({ content: 'x'.repeat(2_001) })).toEqual({
      content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
    });
  });

  it('refuses each embed field over its limit, naming where', async () => {
    const errors = (await errorsOf({
      embeds: [
        {
          title: 't'.repeat(257),
          description: 'd'.repeat(4_097),
          footer: { text: 'f'.repeat(2_049) },
          author: { name: 'a'.repeat(257) },
          fields: [{ name: 'n'.repeat(257), value: 'v'.repeat(1_025) }],
        },
      ],
    })) as { embeds: Record<string, Record<string, unknown>> };
    const embed = errors.embeds['0'] ?? {};
    expect(Object.keys(embed).sort()).toEqual(['author', 'description', 'fields', 'footer', 'title']);
    expect(embed['fields']).toMatchObject({ 0: { name: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] }, value: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
    expect(embed['footer']).toMatchObject({ text: { _errors: [{ message: 'Must be 2048 or fewer in length.' }] } });
  });

  it('refuses more than 25 fields, more than 10 embeds and more than 6,000 characters in all', async () => {
    const field = { name: 'n', value: 'v' };
    expect(await errorsOf({ embeds: [{ fields: Array.from({ length: 26 }, () => field) }] })).toMatchObject({ embeds: { 0: { fields: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    expect(await errorsOf({ embeds: Array.from({ length: 11 }, () => ({ description: 'x' })) })).toMatchObject({ embeds: { _errors: [{ message: 'Must be 10 or fewer in length.' }] } });
    expect(await errorsOf({ embeds: [{ description: 'x'.repeat(4_000) }, { description: 'y'.repeat(2_001) }] })).toMatchObject({
      embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] },
    });
    expect((await channelPost({ embeds: [{ description: 'x'.repeat(4_000) }, { description: 'y'.repeat(2_000) }] })).status).toBe(200);
  });

  it('checks interaction callbacks under `data`, and refuses an empty message with 50006', async () => {
    const id = command('tok-long');
    const long = await post(`/interactions/${id}/tok-long/callback`, { type: 4, data: { content: 'x'.repeat(2_001) } });
    expect(long).toMatchObject({ status: 400, json: { code: 50035, errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect(await channelPost({ content: '' })).toMatchObject({ status: 400, json: { code: 50006 } });
  });
});

describe('rate limits, echoes and intents on the fake Discord', () => {
  it('answers an injected 429 with Discord’s rate-limit headers and body', async () => {
    fake.failNext('POST', /\/messages$/u, 429, 1, { retryAfter: 1.5 });
    const limited = await channelPost({ content: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: false });
    for (const header of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-RateLimit-Reset-After', 'X-RateLimit-Bucket', 'Retry-After']) {
      expect(limited.headers.get(header), header).not.toBeNull();
    }
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(limited.headers.get('X-RateLimit-Reset-After')).toBe('1.500');
    expect(limited.headers.get('Retry-After')).toBe('2');
    expect(Number(limited.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000);

    fake.failNext('POST', /\/messages$/u, 429, 1, { retryAfter: 0.2, global: true });
    const global = await channelPost({ content: 'x' });
    expect(global.json).toMatchObject({ global: true });
    expect(global.headers.get('X-RateLimit-Global')).toBe('true');
  });

  it('closes the gateway with 4014 when IDENTIFY asks for a privileged intent the app was not granted', async () => {
    const withContent = (): Client =>
      new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: fake.apiUrl } });
    const refused = withContent();
    try {
      await expect(refused.login(fake.token)).rejects.toThrow(/disallowed intents/iu);
    } finally {
      await refused.destroy();
    }

    const granted = await FakeDiscord.start([GUILD_A], 'granted-token', { grantedIntents: PRIVILEGED_INTENTS.MessageContent });
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: granted.apiUrl } });
    try {
      const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
      await client.login('granted-token');
      await ready;
      expect(client.user?.id).toBe(BOT_USER.id);
    } finally {
      await client.destroy();
      await granted.close();
    }
  });

  it('echoes the client’s own messages over the gateway and withholds others’ text without Message Content', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: fake.apiUrl } });
    const seen: Message[] = [];
    client.on(Events.MessageCreate, (message) => seen.push(message));
    try {
      const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
      await client.login(fake.token);
      await ready;
      const channel = await client.channels.fetch(GUILD_A.channelId);
      if (!channel?.isSendable()) throw new Error('channel not sendable');
      const echoed = new Promise<Message>((resolve) => client.on(Events.MessageCreate, (m) => m.author.id === BOT_USER.id && resolve(m)));
      const sent = await channel.send('hello from the bot');
      expect((await echoed).id).toBe(sent.id);

      const other = new Promise<Message>((resolve) => client.on(Events.MessageCreate, (m) => m.author.id === ALICE.id && resolve(m)));
      fake.dispatch('MESSAGE_CREATE', userMessage({ id: fake.nextId(), user: ALICE, guild: GUILD_A, content: 'not for the bot' }));
      expect((await other).content).toBe('');
    } finally {
      await client.destroy();
    }
  });

  it('recommends the shards it was given, and closes with 4010 an IDENTIFY naming a shard that cannot exist', async () => {
    const sharded = await FakeDiscord.start([GUILD_A], 'shard-token', { shards: 3 });
    try {
      const gateway = await fetch(`${sharded.apiUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot shard-token' } });
      expect(await gateway.json()).toMatchObject({ shards: 3 });
      const socket = new WebSocket(`ws://127.0.0.1:${sharded.port}`);
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      socket.on('message', (raw) => {
        if ((JSON.parse(String(raw)) as { op: number }).op === 10) {
          socket.send(JSON.stringify({ op: 2, d: { token: 'shard-token', intents: 1, properties: {}, shard: [3, 3] } }));
        }
      });
      expect(await closed).toBe(4010);
    } finally {
      await sharded.close();
    }
  });
});
