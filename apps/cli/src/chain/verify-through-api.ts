import { GENESIS_HASH } from '@opsledger/domain/chain-format';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { apiChainLines } from './api-chain-lines';
import { ChainVerifier } from './chain-verifier';
import type { VerifyReport } from './verify-report';

/** Walks the team's live chain through the API, from its anchor (or the genesis) to its head. */
export async function verifyThroughApi(
  options: ConnectionOptions,
  io: CliIo,
): Promise<VerifyReport> {
  const { client } = await connect(options, io.env);
  const [state, keys] = await Promise.all([client.chain.state.query(), client.chain.keys.query()]);
  const start = state.anchor ?? { seq: 0, hash: GENESIS_HASH };
  const verifier = new ChainVerifier({
    team: state.teamId,
    keys,
    start,
    startCheckpoint: null,
    end: state.head.seq > start.seq ? state.head : null,
  });
  for await (const line of apiChainLines(client, { afterSeq: start.seq, toSeq: state.head.seq })) {
    verifier.line(line);
    if (verifier.failed) break;
  }
  return verifier.finish();
}
