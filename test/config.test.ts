import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/core/errors.js';

const root = '/srv/bot';

describe('loadConfig', () => {
  it('runs the console with defaults when no platform is configured', () => {
    const config = loadConfig({}, root);
    expect(config).toMatchObject({
      console: true,
      logLevel: 'info',
      databasePath: '/srv/bot/data/learning-city.db',
      knowledgeDir: '/srv/bot/knowledge',
      watchKnowledge: true,
      defaultTimeZone: 'Europe/London',
      coordinatorIds: [],
      coordinatorRoles: [],
    });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it('keeps removed workspaces’ data 30 days and untouched sessions 180 days unless told otherwise, and refuses nonsense', () => {
    expect(loadConfig({}, root)).toMatchObject({ retentionDaysAfterRemoval: 30, retentionDaysInProgress: 180 });
    expect(loadConfig({ RETENTION_DAYS_AFTER_REMOVAL: '7', RETENTION_DAYS_IN_PROGRESS: ' ' }, root)).toMatchObject({
      retentionDaysAfterRemoval: 7,
      retentionDaysInProgress: 180,
    });
    expect(() => loadConfig({ RETENTION_DAYS_AFTER_REMOVAL: '0', RETENTION_DAYS_IN_PROGRESS: 'a month' }, root)).toThrow(
      /RETENTION_DAYS_AFTER_REMOVAL must be at least 1 \(day\)[\s\S]*RETENTION_DAYS_IN_PROGRESS must be a number of days/u,
    );
  });

  it('treats blank values as unset and reads comma-separated lists', () => {
    const config = loadConfig({ LOG_LEVEL: ' ', SLACK_BOT_TOKEN: '', COORDINATOR_IDS: 'slack:T1:U1, ,discord:1:2 ' }, root);
    expect(config.logLevel).toBe('info');
    expect(config.console).toBe(true);
    expect(config.coordinatorIds).toEqual(['slack:T1:U1', 'discord:1:2']);
  });

  it('watches the knowledge folder unless told not to, and names a wrong setting', () => {
    expect(loadConfig({ KNOWLEDGE_WATCH: ' OFF ' }, root).watchKnowledge).toBe(false);
    expect(loadConfig({ KNOWLEDGE_WATCH: 'on' }, root).watchKnowledge).toBe(true);
    expect(loadConfig({ KNOWLEDGE_WATCH: 'Poll' }, root).watchKnowledge).toBe('poll');
    expect(() => loadConfig({ KNOWLEDGE_WATCH: 'sometimes' }, root)).toThrow(/KNOWLEDGE_WATCH must be 'on', 'poll' or 'off'/);
  });

  it('serves Slack instead of the console when Slack is configured, unless the console is asked for', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };
    expect(loadConfig(slack, root)).toMatchObject({ console: false, slack: { mode: 'http', port: 3000 } });
    expect(loadConfig({ ...slack, CONSOLE: 'on' }, root).console).toBe(true);
  });

  it('lists every problem at once and never echoes a secret', () => {
    let error: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base', SLACK_BOT_TOKEN: 'secret-but-wrong', DISCORD_TOKEN: 'abc' }, root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['LOG_LEVEL', 'DEFAULT_TIMEZONE', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_APPLICATION_ID']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('secret-but-wrong');
  });

  describe('Slack OAuth and token encryption keys', () => {
    const oauth = {
      SLACK_CLIENT_ID: '1234567890.9876543210',
      SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_STATE_SECRET: 'state-secret-of-at-least-thirty-two-chars',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123',
    };
    const key = Buffer.alloc(32, 7).toString('base64');
    const oldKey = Buffer.alloc(32, 9).toString('base64');

    it('reads the keys, the previous one for tokens stored before a rotation', () => {
      const config = loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: key, TOKEN_ENCRYPTION_KEY_PREVIOUS: oldKey }, root);
      expect(config.slack?.oauth?.clientId).toBe('1234567890.9876543210');
      expect(config.tokenKeys?.current).toEqual(Buffer.alloc(32, 7));
      expect(config.tokenKeys?.previous).toEqual(Buffer.alloc(32, 9));
    });

    it('refuses to start OAuth without a key, with one clear message', () => {
      expect(() => loadConfig(oauth, root)).toThrow(
        'The configuration has 1 problem(s):\n- TOKEN_ENCRYPTION_KEY is required with SLACK_CLIENT_ID: installation tokens are stored encrypted with it (32 random bytes in base64, e.g. `openssl rand -base64 32`)',
      );
    });

    it('refuses a short or malformed key and never echoes it', () => {
      const short = Buffer.alloc(16, 1).toString('base64');
      let error: unknown;
      try {
        loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: short, TOKEN_ENCRYPTION_KEY_PREVIOUS: 'not base64 at all!' }, root);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('TOKEN_ENCRYPTION_KEY must be 32 random bytes in base64 (44 characters)');
      expect(message).toContain('TOKEN_ENCRYPTION_KEY_PREVIOUS must be 32 random bytes in base64');
      expect(message).not.toContain(short);
      expect(message).not.toContain('not base64 at all!');
    });

    it('refuses a previous key without a current one', () => {
      expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY_PREVIOUS: oldKey }, root)).toThrow(/set the new key as TOKEN_ENCRYPTION_KEY too/u);
    });

    it('leaves single-token mode as it was: no client id, no key needed', () => {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123' }, root);
      expect(config.slack).toEqual({ mode: 'http', botToken: 'xoxb-1-2-abc', signingSecret: '0123456789abcdef0123', port: 3000 });
      expect(config.tokenKeys).toBeUndefined();
    });
  });

  it('reads HEALTH_PORT, off when unset, and names a bad one', () => {
    expect(loadConfig({}, root).healthPort).toBeUndefined();
    expect(loadConfig({ HEALTH_PORT: '8081' }, root).healthPort).toBe(8081);
    expect(() => loadConfig({ HEALTH_PORT: 'eighty' }, root)).toThrow('HEALTH_PORT must be a number');
    expect(() => loadConfig({ HEALTH_PORT: '70000' }, root)).toThrow('HEALTH_PORT must be between 0 and 65535');
  });

  it('uses PostgreSQL only when DATABASE_URL is set, and refuses another scheme without echoing it', () => {
    expect(loadConfig({}, root).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: ' ' }, root).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgresql://bot@db:5432/lc' }, root).databaseUrl).toBe('postgresql://bot@db:5432/lc');
    const attempt = () => loadConfig({ DATABASE_URL: 'sqlite://bot:hunter2@/tmp/x.db' }, root);
    expect(attempt).toThrow('DATABASE_URL must be a PostgreSQL URL');
    expect(attempt).not.toThrow(/hunter2/);
  });

  describe('DISCORD_SHARDS', () => {
    const discord = { DISCORD_TOKEN: 't.o.k', DISCORD_APPLICATION_ID: '123456789012345678' };
    const postgres = { DATABASE_URL: 'postgres://bot@127.0.0.1:5432/learning' };

    it('is off unless set, and reads auto or a number of shards', () => {
      expect(loadConfig(discord, root).discord?.DISCORD_SHARDS).toBeUndefined();
      expect(loadConfig({ ...discord, ...postgres, DISCORD_SHARDS: ' Auto ' }, root).discord?.DISCORD_SHARDS).toBe('auto');
      expect(loadConfig({ ...discord, ...postgres, DISCORD_SHARDS: '4' }, root).discord?.DISCORD_SHARDS).toBe(4);
      for (const bad of ['0', '-1', 'two', '1.5']) {
        expect(() => loadConfig({ ...discord, ...postgres, DISCORD_SHARDS: bad }, root)).toThrow("DISCORD_SHARDS must be 'auto' or a number of shards (1 or more)");
      }
    });

    it('needs PostgreSQL for more than one shard process, and says so; one shard may keep SQLite', () => {
      for (const shards of ['2', 'auto']) {
        expect(() => loadConfig({ ...discord, DISCORD_SHARDS: shards }, root)).toThrow(
          `DISCORD_SHARDS=${shards} runs one process per shard, and they must share one database: set DATABASE_URL`,
        );
      }
      expect(loadConfig({ ...discord, DISCORD_SHARDS: '1' }, root).databaseUrl).toBeUndefined();
    });

    it('refuses Slack or the console in the shard processes, listing both', () => {
      const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };
      let message = '';
      try {
        loadConfig({ ...discord, ...postgres, ...slack, CONSOLE: 'on', DISCORD_SHARDS: '2' }, root);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('DISCORD_SHARDS runs Discord-only shard processes: run Slack in an instance of its own');
      expect(message).toContain('CONSOLE=on cannot be combined with DISCORD_SHARDS');
    });

    it('knows the shard of a process the ShardingManager spawned, and only then', () => {
      const child = { ...discord, ...postgres, DISCORD_SHARDS: '2', SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' };
      expect(loadConfig(child, root).discordShard).toEqual({ id: 1, count: 2 });
      expect(loadConfig({ ...discord, ...postgres, DISCORD_SHARDS: '2' }, root).discordShard).toBeUndefined();
      expect(loadConfig({ ...child, SHARDS: '2' }, root).discordShard).toBeUndefined();
    });
  });
});
