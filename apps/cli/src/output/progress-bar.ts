import type { Writable } from 'node:stream';

const WIDTH = 30;

/**
 * A one-line progress bar redrawn in place on a terminal (stderr, so `--json` on stdout stays
 * clean); nothing at all when the stream is not a terminal.
 */
export function progressBar(stream: Writable) {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  let drawn = false;
  return {
    update(percent: number, label: string) {
      if (!tty) return;
      const bounded = Math.max(0, Math.min(100, Math.round(percent)));
      const filled = Math.round((bounded / 100) * WIDTH);
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(bounded).padStart(3)}% ${label}\x1b[K`,
      );
      drawn = true;
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
