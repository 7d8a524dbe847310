'use client';

import { useSuspenseQuery } from '@tanstack/react-query';

import { useTRPC } from '../../../trpc/react';

/** The team's name and slug, from the query the page prefetched. */
export function TeamName() {
  const trpc = useTRPC();
  const { data: team } = useSuspenseQuery(trpc.teams.current.queryOptions());
  return (
    <>
      {team.name} <span className="text-zinc-500">({team.slug})</span>
    </>
  );
}
