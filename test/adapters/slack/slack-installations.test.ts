import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackInstallations } from '../../../adapters/slack/slack-installations.js';
import { boltLogger } from '../../../adapters/slack/slack-logger.js';
import { systemClock } from '../../../src/core/ports.js';
import { MemoryInstallationStore } from '../../../src/storage/memory-installation-store.js';
import { createTokenCipher } from '../../../src/storage/token-cipher.js';
import { captureLogger } from './slack-harness.js';

/** Bolt's InstallationStore contract, as its MemoryInstallationStore and FileInstallationStore keep it. */

const workspaceInstall = (userId: string, userToken?: string): Installation<'v2', false> => ({
  team: { id: 'T0LEEDS', name: 'Leeds' },
  enterprise: { id: 'E0GRID', name: 'Northern Councils' },
  user: { id: userId, token: userToken, scopes: userToken ? ['search:read'] : undefined },
  bot: { id: 'B0LEEDS', userId: 'U0BOTLEEDS', token: 'xoxb-1-2-leeds', scopes: ['chat:write'] },
  tokenType: 'bot',
  isEnterpriseInstall: false,
  appId: 'A0APP',
  authVersion: 'v2',
});

const orgInstall: Installation<'v2', true> = {
  team: undefined,
  enterprise: { id: 'E0GRID', name: 'Northern Councils' },
  user: { id: 'U0CARA', token: undefined, scopes: undefined },
  bot: { id: 'B0GRID', userId: 'U0BOTGRID', token: 'xoxb-5-6-grid', scopes: ['chat:write'] },
  isEnterpriseInstall: true,
  enterpriseUrl: 'https://northern.enterprise.slack.com/',
  appId: 'A0APP',
  authVersion: 'v2',
};

const setUp = () => {
  const secrets = new Set<string>();
  const installations = new SlackInstallations({
    store: new MemoryInstallationStore(createTokenCipher({ current: randomBytes(32) })),
    logger: captureLogger(),
    clock: systemClock,
    secrets,
  });
  return { bolt: installations.bolt, installations, secrets };
};

describe('the installation store Bolt uses', () => {
  it('keys a workspace install by team id even inside an org, and gives back what was stored', async () => {
    const { bolt } = setUp();
    await bolt.storeInstallation(workspaceInstall('U0ANNA', 'xoxp-1-2-anna'));
    const fetched = await bolt.fetchInstallation({ teamId: 'T0LEEDS', enterpriseId: 'E0GRID', isEnterpriseInstall: false });
    expect(fetched).toEqual(workspaceInstall('U0ANNA', 'xoxp-1-2-anna'));
    await expect(bolt.fetchInstallation({ teamId: 'T0YORK', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toMatchObject({ code: 'not_installed' });
  });

  it('keys an org-wide install by enterprise id, whichever workspace of the org asks', async () => {
    const { bolt, installations } = setUp();
    await bolt.storeInstallation(orgInstall);
    expect(await bolt.fetchInstallation({ teamId: 'T0GRIDA', enterpriseId: 'E0GRID', isEnterpriseInstall: true })).toEqual(orgInstall);
    // The workspace the event came from now finds the org's token for reminders.
    expect(await installations.botTokenFor('T0GRIDA')).toBe('xoxb-5-6-grid');
    expect(await installations.botTokenFor('T0ELSEWHERE')).toBeUndefined();
  });

  it("gives a query naming another user that user's own token, or none, never the installer's", async () => {
    const { bolt } = setUp();
    await bolt.storeInstallation(workspaceInstall('U0ANNA', 'xoxp-1-2-anna'));
    await bolt.storeInstallation(workspaceInstall('U0BEN', 'xoxp-1-2-ben'));
    const query = { teamId: 'T0LEEDS', enterpriseId: 'E0GRID', isEnterpriseInstall: false } as const;
    expect((await bolt.fetchInstallation({ ...query, userId: 'U0ANNA' })).user).toMatchObject({ id: 'U0ANNA', token: 'xoxp-1-2-anna' });
    expect((await bolt.fetchInstallation({ ...query, userId: 'U0BEN' })).user).toMatchObject({ id: 'U0BEN', token: 'xoxp-1-2-ben' });
    const stranger = await bolt.fetchInstallation({ ...query, userId: 'U0CARL' });
    expect(stranger.user.token).toBeUndefined();
    expect(stranger.bot?.token).toBe('xoxb-1-2-leeds');
  });

  it("deletes one user's record and token, or the whole installation", async () => {
    const { bolt } = setUp();
    await bolt.storeInstallation(workspaceInstall('U0ANNA', 'xoxp-1-2-anna'));
    const query = { teamId: 'T0LEEDS', enterpriseId: 'E0GRID', isEnterpriseInstall: false } as const;
    await bolt.deleteInstallation?.({ ...query, userId: 'U0ANNA' });
    const left = await bolt.fetchInstallation(query);
    expect(left.user.token).toBeUndefined();
    expect(left.bot?.token).toBe('xoxb-1-2-leeds');
    await bolt.deleteInstallation?.(query);
    await expect(bolt.fetchInstallation(query)).rejects.toMatchObject({ code: 'not_installed' });
  });

  it('hands every token it stores or reads to the Slack logger, which scrubs them by value', async () => {
    const { bolt, secrets } = setUp();
    const logger = captureLogger();
    const log = boltLogger(logger, secrets);
    const installation = workspaceInstall('U0ANNA');
    if (installation.bot) installation.bot.token = 'custom-shape-token-value';
    await bolt.storeInstallation(installation);
    log.error('request failed with token custom-shape-token-value');
    expect(logger.lines.join('\n')).not.toContain('custom-shape-token-value');
    expect(logger.lines.join('\n')).toContain('[redacted]');
  });
});
