import { readdirSync, readFileSync } from 'node:fs';

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended while we looked
  }
}

/** The process and every descendant, from /proc (Linux). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    // The second field (comm) may hold spaces; the parent pid is the 2nd field after its ')'.
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** Resident memory of a process and its descendants, in bytes (0 once it has ended). */
export function treeRssBytes(rootPid: number): number {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    const status = readProc(`/proc/${pid}/status`);
    const match = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (match?.[1]) kb += Number(match[1]);
  }
  return kb * 1024;
}

export const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
