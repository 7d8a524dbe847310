import type { KeyedWriter } from '../ingest/keyed-writer';
import type { CaseReport } from '../report/case-report';
import { verifyChain } from './chain';
import { countDuplicates, countLost, withLedger } from './ledger';

/**
 * What an ingest under fire must come to, counted in the database: every acknowledged key
 * stored, no key twice, the team's chain intact, and no batch left unconfirmed after retries.
 */
export async function judgeIngest(
  report: CaseReport,
  writer: KeyedWriter,
  teamId: string,
): Promise<void> {
  const { lost, duplicates, chain } = await withLedger(async (query) => ({
    lost: await countLost(query, teamId, writer.acked),
    duplicates: await countDuplicates(query, teamId),
    chain: await verifyChain(query, teamId),
  }));
  report.note('acked', writer.acked.length);
  report.expectZero('unconfirmed_batches', writer.unconfirmedBatches);
  report.expectZero('acked_lost', lost);
  report.expectZero('duplicates', duplicates);
  const intact = chain.breaks === 0;
  report.expect(
    'chain',
    intact ? `intact/${chain.events}` : `${chain.breaks}_breaks(${chain.firstBreak ?? ''})`,
    intact && chain.events >= writer.acked.length,
    'seq gap-free from 1, prev_hash linked, every hash recomputes, every acked event in it',
  );
}
