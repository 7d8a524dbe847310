export { tailAccessLog, type TailOptions } from './tail-access-log';
export {
  readAccessLog,
  type AccessLogCounts,
  type AccessLogSource,
  type IngestBatch,
} from './read-access-log';
export { parseCombinedLine, type CombinedLogEntry } from './parse-combined';
