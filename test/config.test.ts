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
