'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** How long a row that just arrived stays highlighted. */
const HIGHLIGHT_MS = 4_000;

export interface LiveRows<T> {
  /** The rows that arrived live, newest first, then the listed ones not among them. */
  rows: T[];
  /** Whether a row arrived moments ago (highlighted). */
  isFresh: (row: T) => boolean;
  /** Where the subscription starts: the newest seq shown, or the last one received. */
  afterSeq: number | undefined;
  paused: boolean;
  setPaused: (paused: boolean) => void;
  /** For the subscription's `onData`: a tracked record (`id` is its seq). */
  add: (envelope: { id: string; data: T }) => void;
}

/**
 * The rows of a list with a live tail on top. `listed` is the list's own rows (first page
 * prefetched, newest first); `scope` names the filters: when it changes, the live rows of the
 * old filters go. Pausing stops the subscription; resuming starts it after the last seq seen, so
 * what arrived meanwhile comes then, in order, nothing missed and nothing twice.
 */
export function useLiveRows<T>(
  listed: T[],
  rowKey: (row: T) => string,
  seqOf: (row: T) => number,
  scope: string,
): LiveRows<T> {
  const [state, setState] = useState<{ scope: string; rows: T[]; fresh: ReadonlySet<string> }>({
    scope,
    rows: [],
    fresh: new Set(),
  });
  const [paused, setPausedState] = useState(false);
  const [resumeAfter, setResumeAfter] = useState<number | undefined>(undefined);
  const lastSeen = useRef<number | undefined>(undefined);
  const live = state.scope === scope ? state.rows : [];

  const newestListed = listed.reduce<number | undefined>(
    (max, row) => (max === undefined || seqOf(row) > max ? seqOf(row) : max),
    undefined,
  );
  // Fixed while live (tRPC resumes a dropped connection itself from the last id it received).
  const afterSeq = resumeAfter ?? newestListed;

  useEffect(() => {
    if (state.scope !== scope) {
      setState({ scope, rows: [], fresh: new Set() });
      setResumeAfter(undefined);
      lastSeen.current = undefined;
    }
  }, [scope, state.scope]);

  const add = useCallback(
    ({ data }: { id: string; data: T }) => {
      const key = rowKey(data);
      lastSeen.current = Math.max(lastSeen.current ?? 0, seqOf(data));
      setState((current) => {
        const base =
          current.scope === scope ? current : { scope, rows: [] as T[], fresh: new Set<string>() };
        if (base.rows.some((row) => rowKey(row) === key)) return base;
        return { scope, rows: [data, ...base.rows], fresh: new Set([...base.fresh, key]) };
      });
      setTimeout(() => {
        setState((current) => {
          if (!current.fresh.has(key)) return current;
          const fresh = new Set(current.fresh);
          fresh.delete(key);
          return { ...current, fresh };
        });
      }, HIGHLIGHT_MS);
    },
    [rowKey, seqOf, scope],
  );

  const setPaused = useCallback(
    (next: boolean) => {
      if (next) setResumeAfter((current) => lastSeen.current ?? current ?? newestListed);
      setPausedState(next);
    },
    [newestListed],
  );

  // One array while neither part changes: a table re-derives its rows from a new one.
  const rows = useMemo(() => {
    if (live.length === 0) return listed;
    const liveKeys = new Set(live.map(rowKey));
    return [...live, ...listed.filter((row) => !liveKeys.has(rowKey(row)))];
  }, [live, listed, rowKey]);
  return {
    rows,
    isFresh: (row) => state.scope === scope && state.fresh.has(rowKey(row)),
    afterSeq,
    paused,
    setPaused,
    add,
  };
}
