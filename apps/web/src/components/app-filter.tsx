'use client';

import { useQuery } from '@tanstack/react-query';

import { useTRPC } from '../trpc/react';
import { SelectFilter } from './filters';

/** The team's apps as a filter (`?app=<did>`); pages prefetch `apps.list` so it renders filled. */
export function AppFilter({ anyLabel = 'All apps' }: { anyLabel?: string }) {
  const trpc = useTRPC();
  const apps = useQuery(trpc.apps.list.queryOptions());
  return (
    <SelectFilter
      name="app"
      label="App"
      anyLabel={anyLabel}
      options={(apps.data ?? []).map((app) => ({ value: app.did, label: app.name }))}
    />
  );
}
