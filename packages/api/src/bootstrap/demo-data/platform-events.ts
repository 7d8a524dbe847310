import type { PlatformEventInput } from '@opsledger/domain';

import { demoKey, type DemoContext } from './demo-context';
import type { DemoRandom } from './demo-random';

interface UserAction {
  weight: number;
  module: string;
  name: string;
  method: string;
  url: string;
  status: number;
  body?: (random: DemoRandom) => string;
  /** How it fails now and then: status, code, message. */
  failure?: readonly [number, string, string];
}

/** Requests to the storage cluster's management API, as HBlock records them. */
const USER_ACTIONS: readonly UserAction[] = [
  {
    weight: 20,
    module: 'System',
    name: 'Login',
    method: 'POST',
    url: '/internal/v1/system/user/login',
    status: 200,
    body: () => '{"userName":"storuser"}',
    failure: [401, 'InvalidCredentials', 'The user name or password is incorrect.'],
  },
  {
    weight: 6,
    module: 'System',
    name: 'Logout',
    method: 'POST',
    url: '/internal/v1/system/user/logout',
    status: 200,
  },
  {
    weight: 8,
    module: 'LUN',
    name: 'CreateLUN',
    method: 'POST',
    url: '/rest/v1/block/lun',
    status: 201,
    body: (r) =>
      `{"name":"lun-${r.hex(4)}","capacity":${r.pick([100, 200, 500, 1024])},"targetName":"target-01"}`,
    failure: [409, 'LUNAlreadyExists', 'A LUN with this name already exists.'],
  },
  {
    weight: 4,
    module: 'LUN',
    name: 'ExpandLUN',
    method: 'PUT',
    url: '/rest/v1/block/lun/lun-01',
    status: 200,
    body: (r) => `{"capacity":${r.pick([2048, 4096])}}`,
    failure: [400, 'InvalidParameter', 'capacity must be larger than the current capacity.'],
  },
  {
    weight: 2,
    module: 'LUN',
    name: 'DeleteLUN',
    method: 'DELETE',
    url: '/rest/v1/block/lun/lun-07',
    status: 204,
  },
  {
    weight: 4,
    module: 'Target',
    name: 'CreateTarget',
    method: 'POST',
    url: '/rest/v1/block/target',
    status: 201,
    body: (r) => `{"name":"target-${r.int(2, 9)}","servers":["hblock_1","hblock_2"]}`,
  },
  {
    weight: 3,
    module: 'System',
    name: 'StartLogCollect',
    method: 'POST',
    url: '/rest/v1/system/logcollect',
    status: 202,
    body: () =>
      '{"servers":["hblock_1","hblock_2","hblock_3"],"logTypes":["Config","System","Data"]}',
  },
  {
    weight: 2,
    module: 'User',
    name: 'ChangePassword',
    method: 'PUT',
    url: '/rest/v1/system/user/password',
    status: 200,
    failure: [403, 'AccessDenied', 'The old password does not match.'],
  },
  {
    weight: 2,
    module: 'Server',
    name: 'AddServer',
    method: 'POST',
    url: '/rest/v1/server',
    status: 201,
    body: (r) => `{"serverIp":"192.0.2.${r.int(20, 40)}","port":1443}`,
  },
];

interface SystemEvent {
  weight: number;
  module: string;
  name: string;
  instance?: (random: DemoRandom) => string;
  body?: (random: DemoRandom) => string;
}

/** What the cluster reports about itself: redundancy, disks, servers, capacity. */
const SYSTEM_EVENTS: readonly SystemEvent[] = [
  {
    weight: 6,
    module: 'System',
    name: 'DataLowRedundancy',
    body: (r) => `{"percent": "${r.int(0, 30)}%"}`,
  },
  { weight: 6, module: 'System', name: 'DataResumed' },
  {
    weight: 3,
    module: 'Disk',
    name: 'PathRemoved',
    instance: (r) => `hblock_${r.int(1, 3)}:/mnt/storage0${r.int(1, 4)}`,
  },
  {
    weight: 3,
    module: 'Disk',
    name: 'PathAdded',
    instance: (r) => `hblock_${r.int(1, 3)}:/mnt/storage0${r.int(1, 4)}`,
  },
  { weight: 2, module: 'Server', name: 'ServerOffline', instance: (r) => `hblock_${r.int(1, 3)}` },
  { weight: 2, module: 'Server', name: 'ServerOnline', instance: (r) => `hblock_${r.int(1, 3)}` },
  {
    weight: 2,
    module: 'System',
    name: 'CapacityWarning',
    body: (r) => `{"usedPercent": ${r.int(80, 92)}}`,
  },
];

/** Two months of the cluster's user requests and its own system events. */
export async function seedPlatformEvents(ctx: DemoContext): Promise<number> {
  const { random } = ctx;
  const operators = ctx.people.filter((p) => p.role === 'owner' || p.role === 'admin');
  const userEvents = ctx.time.spread(140, 60).map((at): PlatformEventInput => {
    const action = random.weighted(USER_ACTIONS.map((a) => [a, a.weight] as const));
    const failure = action.failure && random.chance(0.12) ? action.failure : null;
    return {
      type: 'user',
      module: action.module,
      name: action.name,
      requestId: random.hex(32),
      requesterIP: random.pick(operators).ip,
      statusCode: failure ? failure[0] : action.status,
      errorCode: failure ? failure[1] : '-',
      errorMessage: failure ? failure[2] : '-',
      detail: {
        method: action.method,
        url: action.url,
        ...(action.body ? { body: action.body(random) } : {}),
      },
      occurredAt: at.toISOString(),
    };
  });
  const systemEvents = ctx.time.spread(60, 60).map((at): PlatformEventInput => {
    const event = random.weighted(SYSTEM_EVENTS.map((e) => [e, e.weight] as const));
    return {
      type: 'system',
      module: event.module,
      name: event.name,
      ...(event.instance ? { instanceId: event.instance(random) } : {}),
      ...(event.body ? { detail: { body: event.body(random) } } : {}),
      occurredAt: at.toISOString(),
    };
  });
  const items = [...userEvents, ...systemEvents]
    .sort((a, b) => (a.occurredAt ?? '').localeCompare(b.occurredAt ?? ''))
    .map((item, index) => ({ ...item, idempotencyKey: demoKey('event', index) }));
  const result = await ctx.api.events.recordBatch({ items });
  return result.inserted;
}
