import { median } from '../measure/stats';

/** How often the server's resident memory is read while a load runs. */
const EVERY_MS = 250;
/** The stretch at the end of a load whose readings make its figure. */
const WINDOW_MS = 10_000;

/**
 * Runs a load and gives the server's resident memory at its end: the median of readings taken
 * every 250 ms over its last 10 s. Under this load RSS swings by up to ~80 MiB as V8's old
 * generation fills and is collected, and one reading lands anywhere in that swing (two of them
 * made 1.17x out of a heap that had stopped growing); the median of the last seconds does not.
 */
export async function residentAtEndOf<T>(
  readResident: () => number | null,
  load: () => Promise<T>,
): Promise<{ result: T; residentBytes: number }> {
  const readings: { atMs: number; bytes: number }[] = [];
  const take = () => {
    const bytes = readResident();
    if (bytes !== null) readings.push({ atMs: Date.now(), bytes });
  };
  const sampler = setInterval(take, EVERY_MS);
  let result: T;
  try {
    result = await load();
  } finally {
    clearInterval(sampler);
  }
  take();
  const since = Date.now() - WINDOW_MS;
  const last = readings.filter((reading) => reading.atMs >= since).map((reading) => reading.bytes);
  return { result, residentBytes: last.length === 0 ? Number.NaN : median(last) };
}
