import {
  EXPORT_FLAGS,
  type ExportFlag,
  type StreamEntry,
  type StreamName,
} from '@opsledger/domain';

import { CliError } from '../cli-error';
import type { Filter } from './export-streams';

/** The filter flags given to `export`, by option name (commander's camelCase of the flag). */
export type FilterOptions = Partial<Record<ExportFlag, string | string[] | boolean>>;

const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The list filter the flags ask for. A flag the stream has no filter for is an error rather
 * than silently ignored (an export of everything when a subset was meant); bad values are
 * reported by flag before anything is fetched.
 */
export function exportFilter(
  streamName: StreamName,
  stream: StreamEntry,
  options: FilterOptions,
): Filter {
  const { flags, filter: filterSchema } = stream.list;
  const filter: Filter = {};
  for (const option of EXPORT_FLAGS) {
    const value = options[option];
    if (value === undefined) continue;
    const field = flags[option];
    if (!field) {
      const accepted = Object.keys(flags).map(flagOf).join(', ') || 'none';
      throw new CliError(
        `${flagOf(option)}: not a filter of the ${streamName} stream (its filters: ${accepted})`,
      );
    }
    filter[field] = value;
  }
  const result = filterSchema.safeParse(filter);
  if (!result.success) {
    const flagOfField = Object.fromEntries(
      Object.entries(flags).map(([option, field]) => [field, flagOf(option)]),
    );
    throw new CliError(
      result.error.issues
        .map((issue) => {
          const field = String(issue.path[0] ?? '');
          return `${flagOfField[field] ?? field}: ${issue.message}`;
        })
        .join('; '),
    );
  }
  return filter;
}
