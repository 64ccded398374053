import { open } from 'node:fs/promises';
import { endianness } from 'node:os';

// The wal-index header at the start of a WAL database's `-shm` file
// (https://www.sqlite.org/walformat.html), in the machine's byte order: mxFrame, the WAL's last
// committed page, and nBackfill, the last one copied into the database file.
const HEADER_BYTES = 136;
const MX_FRAME_AT = 16;
const N_BACKFILL_AT = 96;
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * How many of the WAL's pages are not yet in the database file, or undefined before the file
 * has a WAL. Read without SQLite's locks, through libuv's pool (never on the event loop): a
 * read that meets the header being rewritten is off by one commit, which only moves a
 * checkpoint by a round.
 */
export async function walPagesToCopy(file: string): Promise<number | undefined> {
  const handle = await open(`${file}-shm`, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    if (bytesRead < HEADER_BYTES) return undefined;
    const read = (at: number) =>
      LITTLE_ENDIAN ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
    return Math.max(0, read(MX_FRAME_AT) - read(N_BACKFILL_AT));
  } finally {
    await handle.close();
  }
}
