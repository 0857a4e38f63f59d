import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SLACK_BOT_SCOPES } from '../../../adapters/slack/slack-install-page.js';

const manifestSchema = z.object({
  features: z.object({ slash_commands: z.array(z.object({ command: z.string(), url: z.string() })) }),
  oauth_config: z.object({ redirect_urls: z.array(z.string()), scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
    socket_mode_enabled: z.boolean(),
  }),
});

describe('Slack app manifest', () => {
  it('asks for what the adapter uses and points every request at /slack/events', async () => {
    const text = await readFile(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8');
    const manifest = manifestSchema.parse(parse(text));
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'im:read', 'im:write', 'users:read'].sort(),
    );
    // The install page asks for exactly what the manifest declares.
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(manifest.oauth_config.redirect_urls.map((url) => new URL(url).pathname)).toEqual(['/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'app_uninstalled', 'message.im', 'tokens_revoked']);
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/learningcity']);
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
