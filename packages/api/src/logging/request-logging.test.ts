import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashApiKeySecret } from '../auth/api-key-secret';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import {
  captureLogs,
  createTestApi,
  serveApi,
  type ServedApi,
  type TestTeamWithApp,
} from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeamWithApp;
let logs: ReturnType<typeof captureLogs>;
/** Per run: the database may be shared with other test files. */
const trigger = `fail_backups_${randomUUID().replaceAll('-', '')}`;

beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  team = await api.newTeamWithApp({ name: 'Logged app' });
  // A statement that fails in a way no judgement knows, for this team's rows only.
  await api.database.query(
    `create function ${trigger}() returns trigger language plpgsql as
       $$ begin raise exception 'backups are broken for this test'; end $$`,
  );
  await api.database.query(
    `create trigger ${trigger} before insert on backups for each row
       when (new.team_id = '${team.id}') execute function ${trigger}()`,
  );
  logs = captureLogs();
});
afterAll(async () => {
  logs.restore();
  await api.database.query(`drop trigger if exists ${trigger} on backups`);
  await api.database.query(`drop function if exists ${trigger}()`);
  await served.close();
  await api.close();
});

describe('logs of a request', () => {
  it('name the request that failed unexpectedly, and hold none of its secrets', async () => {
    const marker = `s3cret-${randomUUID()}`;
    const response = await fetch(`${served.url}/api/trpc/backups.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.ownerSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        appDid: team.appDid,
        sourceUrl: `file:///data/${marker}`,
        target: 'spaces',
      }),
    });
    expect(response.status).toBe(500);
    await flushRequestLog(api.database);

    const failure = logs.lines.find((line) => line.msg === 'unexpected error');
    expect(failure).toMatchObject({ level: 50, err: { cause: { code: 'P0001' } } });
    const [entry] = (await team.owner.events.scroll({ type: 'user', limit: 10 })).items.filter(
      (event) => event.statusCode === 500,
    );
    expect(failure?.requestId).toBe(entry?.requestId);
    expect(failure?.requestId).toMatch(/^[0-9a-f]{32}$/);

    const output = logs.text();
    expect(output).toContain('backups are broken for this test');
    for (const secret of [marker, team.ownerSecret, hashApiKeySecret(team.ownerSecret)]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/insert into|params/i);
  });
});
