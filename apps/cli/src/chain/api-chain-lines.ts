import type { OpsLedgerClient } from '@opsledger/client';
import type { BundleCheckpointLine, BundleEventLine, Checkpoint } from '@opsledger/domain';

const PAGE = 1000;

/** Takes the queue's checkpoints below `seq` off its front (the queue is in seq order). */
function* checkpointsBefore(queue: Checkpoint[], seq: number): Generator<BundleCheckpointLine> {
  for (let first = queue[0]; first !== undefined && first.seq < seq; first = queue[0]) {
    queue.shift();
    yield { type: 'checkpoint', ...first };
  }
}

/**
 * A team's events and checkpoints in seq order (a checkpoint right after the event it names),
 * read page by page through the API: constant memory at any chain length. Events from after
 * `afterSeq` up to `toSeq`; checkpoints from after `checkpointsAfterSeq` up to the same end.
 */
export async function* apiChainLines(
  client: OpsLedgerClient,
  range: { afterSeq: number; toSeq: number | null },
): AsyncGenerator<BundleEventLine | BundleCheckpointLine> {
  const toSeq = range.toSeq ?? undefined;
  let afterSeq: number | null = range.afterSeq;
  let checkpointsAfter = range.afterSeq;
  while (afterSeq !== null) {
    const page = await client.chain.events.query({ afterSeq, toSeq, limit: PAGE });
    const lastSeq = page.events.at(-1)?.seq;
    const done = page.nextAfterSeq === null;
    // The last page takes every checkpoint left up to the end: one naming a missing event shows.
    const checkpointsTo = done ? toSeq : lastSeq;
    const checkpoints: Checkpoint[] = [];
    if (checkpointsTo === undefined || checkpointsTo > checkpointsAfter) {
      for (let after = checkpointsAfter; ;) {
        const batch = await client.chain.checkpoints.query({
          afterSeq: after,
          toSeq: checkpointsTo,
          limit: PAGE,
        });
        checkpoints.push(...batch);
        const last = batch.at(-1);
        if (batch.length < PAGE || !last) break;
        after = last.seq;
      }
    }
    for (const event of page.events) {
      yield* checkpointsBefore(checkpoints, event.seq);
      yield { type: 'event', ...event };
      yield* checkpointsBefore(checkpoints, event.seq + 1);
    }
    yield* checkpointsBefore(checkpoints, Number.POSITIVE_INFINITY);
    if (lastSeq !== undefined) checkpointsAfter = Math.max(checkpointsAfter, lastSeq);
    afterSeq = page.nextAfterSeq;
  }
}
