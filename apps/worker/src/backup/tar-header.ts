/**
 * POSIX tar (ustar, with a pax extended header when a field does not fit) headers for regular
 * files, written by the backup itself: a header is 512 bytes of fixed fields, so building it
 * directly costs a fraction of a general-purpose tar writer's per-entry work. GNU tar, bsdtar
 * and the `tar` package (the restore path) all read these archives.
 */

export const BLOCK = 512;

/** The largest size ustar's 11 octal digits hold (8 GiB - 1); larger goes in a pax header. */
const MAX_OCTAL_SIZE = 0o77777777777;

export interface TarFile {
  /** The path inside the archive, `/`-separated, relative. */
  path: string;
  size: number;
  mode: number;
  mtimeMs: number;
}

/** Zeros up to the next 512-byte boundary after `size` bytes of data. */
export const paddingAfter = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** The two zero blocks that end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

function octal(block: Buffer, offset: number, length: number, value: number) {
  // `length - 1` digits then a NUL, as GNU tar writes them.
  block.write(value.toString(8).padStart(length - 1, '0'), offset, length - 1, 'latin1');
}

/** A 512-byte header block written at `at` in `block` (which the caller zeroed). */
function writeUstarHeader(
  block: Buffer,
  at: number,
  fields: { name: string; prefix: string; size: number; mode: number; mtime: number; type: string },
) {
  const { name, prefix, size, mode, mtime, type } = fields;
  block.write(name, at, 100, 'utf8');
  octal(block, at + 100, 8, mode & 0o7777);
  octal(block, at + 108, 8, 0); // uid and gid 0, no owner names: portable, as `tar --portable`
  octal(block, at + 116, 8, 0);
  octal(block, at + 124, 12, size);
  octal(block, at + 136, 12, mtime);
  block.write(type, at + 156, 1, 'latin1');
  block.write('ustar\u000000', at + 257, 8, 'latin1');
  if (prefix) block.write(prefix, at + 345, 155, 'utf8');
  // The checksum is the byte sum with its own field read as spaces.
  block.fill(0x20, at + 148, at + 156);
  let sum = 0;
  for (let i = at; i < at + BLOCK; i++) sum += block[i] ?? 0;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, at + 148, 8, 'latin1');
}

function ustarHeader(fields: Parameters<typeof writeUstarHeader>[2]): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeUstarHeader(block, 0, fields);
  return block;
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** `prefix/name` split so both fit ustar's fields (155 and 100 bytes), or null. */
function splitForUstar(path: string): [prefix: string, name: string] | null {
  if (!isAscii(path)) return null;
  if (path.length <= 100) return ['', path];
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (slash <= 155 && path.length - slash - 1 <= 100) {
      return [path.slice(0, slash), path.slice(slash + 1)];
    }
  }
  return null;
}

/** One pax record, `<length> <key>=<value>\n`, its length counting its own digits. */
function paxRecord(key: string, value: string) {
  const body = ` ${key}=${value}\n`;
  const bodyBytes = Buffer.byteLength(body);
  let length = bodyBytes + 1;
  while (String(length).length + bodyBytes !== length) length += 1;
  return `${length}${body}`;
}

/**
 * Writes a file's header into `block` at `at` (512 zeroed bytes) when one ustar block holds it
 * (the common case: no allocation per file). False when it needs `fileHeader`'s pax header.
 */
export function writeSimpleFileHeader(block: Buffer, at: number, file: TarFile): boolean {
  const split = file.size <= MAX_OCTAL_SIZE ? splitForUstar(file.path) : null;
  if (!split) return false;
  writeUstarHeader(block, at, {
    name: split[1],
    prefix: split[0],
    size: file.size,
    mode: file.mode,
    mtime: Math.floor(file.mtimeMs / 1000),
    type: '0',
  });
  return true;
}

/**
 * The header block(s) of one regular file: one ustar block when the path is ASCII and fits and
 * the size is below 8 GiB, else a pax extended header (UTF-8 path, exact size) before it.
 */
export function fileHeader(file: TarFile): Buffer {
  const mtime = Math.floor(file.mtimeMs / 1000);
  const split = splitForUstar(file.path);
  const bigSize = file.size > MAX_OCTAL_SIZE;
  const main = (prefix: string, name: string) =>
    ustarHeader({ name, prefix, size: bigSize ? 0 : file.size, mode: file.mode, mtime, type: '0' });
  if (split && !bigSize) return main(...split);

  let records = '';
  if (!split) records += paxRecord('path', file.path);
  if (bigSize) records += paxRecord('size', String(file.size));
  const body = Buffer.from(records, 'utf8');
  // The ustar fields still get a readable (ASCII, truncated) name for readers without pax.
  const fallback = file.path.replace(/[^\x20-\x7e]/g, '_').slice(-100);
  return Buffer.concat([
    ustarHeader({
      name: `PaxHeader/${fallback}`.slice(0, 100),
      prefix: '',
      size: body.length,
      mode: 0o644,
      mtime,
      type: 'x',
    }),
    body,
    Buffer.alloc(paddingAfter(body.length)),
    main('', fallback),
  ]);
}
