import { CliError } from '../cli-error';
import type { ExportStream, ExportStreamName, Filter } from './export-streams';

/** Every filter flag of `export`, by option name (commander's camelCase of the flag). */
export const FILTER_OPTIONS = [
  'scope',
  'category',
  'q',
  'from',
  'to',
  'companyId',
  'sourceId',
  'sequenceKey',
  'websiteUuid',
  'resourceType',
  'keypoint',
  'endpoint',
  'passportId',
  'app',
  'status',
  'actionType',
  'startDate',
  'endDate',
] as const;
export type FilterOptions = Partial<
  Record<(typeof FILTER_OPTIONS)[number], string | string[] | boolean>
>;

const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The list filter the flags ask for. A flag the stream has no filter for is an error rather
 * than silently ignored (an export of everything when a subset was meant); bad values are
 * reported by flag before anything is fetched.
 */
export function exportFilter(
  streamName: ExportStreamName,
  stream: ExportStream,
  options: FilterOptions,
): Filter {
  const filter: Filter = {};
  for (const option of FILTER_OPTIONS) {
    const value = options[option];
    if (value === undefined) continue;
    const field = stream.filters[option];
    if (!field) {
      const accepted = Object.keys(stream.filters).map(flagOf).join(', ') || 'none';
      throw new CliError(
        `${flagOf(option)}: not a filter of the ${streamName} stream (its filters: ${accepted})`,
      );
    }
    filter[field] = value;
  }
  const result = stream.filterSchema.safeParse(filter);
  if (!result.success) {
    const flagOfField = Object.fromEntries(
      Object.entries(stream.filters).map(([option, field]) => [field, flagOf(option)]),
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
