import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import { credentialsPath, readCredentials } from '@opsledger/client/credentials';

import { credentialsFile } from './credentials-file';

let dataDir: string;
let logged: string[];
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-web-')), 'data');
  logged = [];
});

const store = () => credentialsFile(dataDir, 'http://localhost:4000', (line) => logged.push(line));

describe('credentialsFile', () => {
  it('writes the first key as the default, 0600, and says where it is and how to use it', async () => {
    expect(await store().keyFor('demo')).toBeNull();
    await store().save('demo', 'olk_first');

    expect(await store().keyFor('demo')).toBe('olk_first');
    expect(await readCredentials(dataDir)).toMatchObject({
      url: 'http://localhost:4000',
      team: 'demo',
      key: 'olk_first',
    });
    expect((await stat(credentialsPath(dataDir))).mode & 0o777).toBe(0o600);
    const printed = logged.join('\n');
    expect(printed).toContain(credentialsPath(dataDir));
    expect(printed).toContain(
      'curl -H "Authorization: Bearer $OPSLEDGER_KEY" \'http://localhost:4000/api/trpc/auditLogs.list?input=',
    );
    expect(printed).not.toContain('olk_first');
  });

  it('replaces the default team key, and keeps another default when adding a team', async () => {
    await store().save('ops', 'olk_ops');
    await store().save('demo', 'olk_demo');
    expect(await readCredentials(dataDir)).toMatchObject({
      team: 'ops',
      key: 'olk_ops',
      teams: { ops: 'olk_ops', demo: 'olk_demo' },
    });

    await store().save('ops', 'olk_ops_new');
    expect(await store().keyFor('ops')).toBe('olk_ops_new');
    expect(await store().keyFor('demo')).toBe('olk_demo');
  });
});

describe('credentialsFile: the portal account', () => {
  it("keeps the default team owner's sign-in beside the keys, and says where it is", async () => {
    await store().save('demo', 'olk_first');
    expect(await store().portalAccount('demo')).toBeNull();
    await store().savePortalAccount('demo', { email: 'owner@demo.example', password: 'pw-1' });

    expect(await store().portalAccount('demo')).toEqual({
      url: 'http://localhost:4000',
      email: 'owner@demo.example',
      password: 'pw-1',
    });
    expect(logged.at(-1)).toContain(credentialsPath(dataDir));
    // A later key for the default team keeps the account.
    await store().save('demo', 'olk_second');
    expect((await readCredentials(dataDir))?.portal?.email).toBe('owner@demo.example');
  });
});
