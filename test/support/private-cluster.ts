import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

/*
 * A PostgreSQL cluster of one test's own, made with Debian's cluster tools (postgresql-common), so a
 * test can restart a real server with `pg_ctlcluster … restart` without touching the server that
 * every other test file of the run uses at the same moment.
 */

const CLUSTER_TOOL = '/usr/bin/pg_createcluster';

/** The installed PostgreSQL major version (the newest under /etc/postgresql), if any. */
const installedVersion = (): string | undefined =>
  existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').filter((name) => /^\d+$/u.test(name)).sort((a, b) => Number(b) - Number(a))[0] : undefined;

/**
 * Why private clusters cannot be made on this machine, or `undefined` when they can: the cluster
 * tools must be installed and the tests must run as root (they start servers as `postgres`).
 */
export const privateClusterUnavailable = (): string | undefined => {
  if (!existsSync(CLUSTER_TOOL) || installedVersion() === undefined) return 'PostgreSQL cluster tools (pg_createcluster) are not installed';
  if (process.getuid?.() !== 0) return 'making a PostgreSQL cluster needs root';
  return undefined;
};


const run = (command: string, args: string[]): string => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

export interface PrivateCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  url: string;
  /**
   * `pg_ctlcluster <version> <name> restart`: a fast shutdown that ends every connection, then a
   * start. Asynchronous, so the test goes on sending while the server is down.
   */
  restart(): Promise<void>;
  /** Stops the server and deletes the cluster with its data. */
  drop(): void;
}

/** Creates and starts a throw-away cluster on a free port of 127.0.0.1. */
export const createPrivateCluster = async (): Promise<PrivateCluster> => {
  const version = installedVersion();
  if (version === undefined) throw new Error('PostgreSQL is not installed');
  const name = `lcb_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  run('pg_createcluster', [version, name, '-p', String(port), '--', '--auth=trust']);
  const control = (action: string): void => {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, action]);
  };
  try {
    control('start');
  } catch (error) {
    run('pg_dropcluster', ['--stop', version, name]);
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'restart'], { timeout: 60_000 });
    },
    drop: () => {
      run('pg_dropcluster', ['--stop', version, name]);
    },
  };
};
