import { afterEach, describe, expect, it } from 'vitest';

import { captureLogs } from '../testing/capture-logs';
import { inRequest, logger, outsideRequest } from './logger';

let logs = captureLogs();
afterEach(() => {
  logs.restore();
  logs = captureLogs();
});

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('logger', () => {
  it('names the request on every line logged while it is answered, across awaits', async () => {
    await inRequest('req-a', async () => {
      logger().info('first');
      await nextTick();
      logger().warn('after an await');
    });
    logger().info('between requests');
    expect(logs.lines.map(({ msg, requestId }) => ({ msg, requestId }))).toEqual([
      { msg: 'first', requestId: 'req-a' },
      { msg: 'after an await', requestId: 'req-a' },
      { msg: 'between requests', requestId: undefined },
    ]);
  });

  it('names none in a timer a request sets for work shared with others', async () => {
    const shared = new Promise<void>((resolve) => {
      inRequest('req-b', () => {
        outsideRequest(() =>
          setTimeout(() => {
            logger().info('flush');
            resolve();
          }, 1),
        );
      });
    });
    await shared;
    expect(logs.lines).toEqual([expect.objectContaining({ msg: 'flush' })]);
    expect(logs.lines[0]).not.toHaveProperty('requestId');
  });
});
