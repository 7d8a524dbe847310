import type { Database } from '@opsledger/db';

import { formatMs } from '../measure/report';
import { interleavedMedians } from '../measure/stats';
import type { ApiCaller } from '../setup/bench-team';

const PAGE_SIZE = 50;

/** Neither an actor nor a scope the fixture writes (its DIDs start z1 and z8iZ). */
const MISSING = 'nomatch';

export interface FilteredPages {
  /** One detail line per filter: its median and its ratio to page 1. */
  details: string[];
  faults: string[];
}

/**
 * The newest page filtered by a rare actor, a missing actor and a missing scope, each against
 * the unfiltered page 1 in the same interleaved rounds. Such a filter walked the whole team's
 * stream until events_audit_actor_time_idx and events_scope_time_idx (~0.75 s at 1,000,000
 * events). The fixture gives every event an actor of its own: the rare actor is the one of the
 * middle event, three months back, so its page reads every time window before it is complete.
 */
export async function benchFilteredPages(
  database: Database,
  reader: ApiCaller,
  { teamId, eventCount }: { teamId: string; eventCount: number },
): Promise<FilteredPages> {
  const middleSeq = Math.ceil(eventCount / 2);
  const [middle] = await database.query<{ actor_did: string }>(
    'select actor_did from events where team_id = $1 and seq = $2',
    [teamId, middleSeq],
  );
  if (!middle) throw new Error(`the list team has no event ${middleSeq}`);

  const pages = {
    [`an actor with one event (seq ${middleSeq})`]: () =>
      reader.auditLogs.scroll({ limit: PAGE_SIZE, actorDid: middle.actor_did }),
    'a missing actor': () => reader.auditLogs.scroll({ limit: PAGE_SIZE, actorDid: MISSING }),
    'a missing scope': () => reader.auditLogs.scroll({ limit: PAGE_SIZE, scope: MISSING }),
  };
  const firstPage = () => reader.auditLogs.scroll({ limit: PAGE_SIZE });

  const faults: string[] = [];
  const [actorPage, ...missingPages] = await Promise.all(Object.values(pages).map((p) => p()));
  if (actorPage?.items.length !== 1 || actorPage.items[0]?.seq !== middleSeq) {
    faults.push(
      `the actor filter found seqs [${actorPage?.items.map((item) => item.seq).join(', ')}],` +
        ` not [${middleSeq}]`,
    );
  }
  if (missingPages.some((page) => page.items.length > 0)) {
    faults.push('a filter on a missing actor or scope found events');
  }

  const samples = 50;
  const [firstMs = 0, ...filteredMs] = await interleavedMedians(
    [firstPage, ...Object.values(pages)],
    { warmUp: 5, samples },
  );
  const details = Object.keys(pages).map((name, i) => {
    const ms = filteredMs[i] ?? 0;
    return (
      `newest page filtered by ${name}: ${formatMs(ms)} = ${(ms / firstMs).toFixed(2)}x page 1` +
      ` (${formatMs(firstMs)}; medians of ${samples})`
    );
  });
  return { details, faults };
}
