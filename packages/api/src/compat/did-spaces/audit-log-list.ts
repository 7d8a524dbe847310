import {
  MAX_PAGE_SIZE,
  RunStatus,
  SYNC_SORTS,
  SyncActionType,
  SyncRunListInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import { listSyncRuns } from '../../services/sync-runs/list-sync-runs';
import { auditLogRecordOf, RUN_STATUSES_OF, type AuditLogRecord } from './audit-log-record';
import { queryOf } from './request-query';
import type { SignedRequest } from './signed-request';

/** DID Spaces actions that are not sync runs: OpsLedger records none, so they match nothing. */
const ACTIONS_NEVER_RECORDED = new Set(['app-connected', 'app-disconnected']);

/** The seed docs spell actions as constant names (APP_CONNECTED); the client as app-connected. */
const actionSpelledAsClient = (value: string) => value.toLowerCase().replaceAll('_', '-');

/** Deep enough for any real listing; keeps the offset a small number. */
const MAX_PAGE = 1_000_000;

function wholeNumber(
  params: URLSearchParams,
  name: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw invalidField(name, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function sortOf(params: URLSearchParams): SyncRunListInput['sort'] {
  const sort = params.get('sort') ?? '';
  if (sort === '') return 'createdAt';
  const known = SYNC_SORTS.find((name) => name === sort);
  if (!known) throw invalidField('sort', `must be empty or one of ${SYNC_SORTS.join(', ')}`);
  return known;
}

function orderOf(params: URLSearchParams): SyncRunListInput['order'] {
  const order = params.get('order') ?? '0';
  if (order === '0' || order === 'asc') return 'asc';
  if (order === '1' || order === 'desc') return 'desc';
  throw invalidField('order', 'must be 0 (ascending) or 1 (descending)');
}

/** The client's statuses stand for the run statuses answered as them; the seed's own too. */
function statusesOf(params: URLSearchParams): RunStatus[] | undefined {
  const values = params.getAll('status');
  if (values.length === 0) return undefined;
  const statuses = values.flatMap((value): RunStatus[] => {
    if (Object.hasOwn(RUN_STATUSES_OF, value)) {
      return RUN_STATUSES_OF[value as keyof typeof RUN_STATUSES_OF];
    }
    const parsed = RunStatus.safeParse(value);
    if (!parsed.success) {
      throw invalidField('status', `${value} is not one of default, pending, succeeded, failed`);
    }
    return [parsed.data];
  });
  return [...new Set(statuses)];
}

/** The action types asked for; an empty list when only never-recorded actions were. */
function actionTypesOf(params: URLSearchParams): SyncActionType[] | undefined {
  const values = params.getAll('actionType');
  if (values.length === 0) return undefined;
  const actions = values.flatMap((value): SyncActionType[] => {
    if (ACTIONS_NEVER_RECORDED.has(actionSpelledAsClient(value))) return [];
    const parsed = SyncActionType.safeParse(value);
    if (!parsed.success) {
      throw invalidField(
        'actionType',
        `${value} is not one of app-objects-sync, app-backup, app-restore, app-connected, app-disconnected`,
      );
    }
    return [parsed.data];
  });
  return [...new Set(actions)];
}

/**
 * One page in both shapes at once, the same records in each: `{rows, count}` as the published
 * package reads it, `{items, total, page, pageSize}` as the seed's documentation describes it
 * (`page` from 0, as it was asked for).
 */
export interface AuditLogPage {
  rows: AuditLogRecord[];
  count: number;
  items: AuditLogRecord[];
  total: number;
  page: number;
  pageSize: number;
}

const pageOf = (records: AuditLogRecord[], total: number, page: number, pageSize: number) => ({
  rows: records,
  count: total,
  items: records,
  total,
  page,
  pageSize,
});

/**
 * `GET .../audit-log/list?size=10&page=0&sort&order=0[&status=..][&actionType=..]`: the signed
 * app's sync runs (pages from 0, order 0 ascending), through the sync-runs list service.
 */
export async function listAuditLogs(
  ctx: ServiceContext,
  signed: SignedRequest,
  target: string,
): Promise<AuditLogPage> {
  const params = queryOf(target);
  const pageSize = wholeNumber(params, 'size', 10, [1, MAX_PAGE_SIZE]);
  const page = wholeNumber(params, 'page', 0, [0, MAX_PAGE]);
  const sort = sortOf(params);
  const order = orderOf(params);
  const status = statusesOf(params);
  const actionType = actionTypesOf(params);
  if (actionType?.length === 0) return pageOf([], 0, page, pageSize);

  const { items, paging } = await listSyncRuns({
    ctx,
    input: SyncRunListInput.parse({
      appDid: signed.appDid,
      status,
      actionType,
      sort,
      order,
      page: page + 1,
      pageSize,
    }),
  });
  return pageOf(items.map(auditLogRecordOf), paging.total, page, pageSize);
}
