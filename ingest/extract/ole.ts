/**
 * A small read-only reader of OLE2 compound files (the container of .doc, .xls, .ppt, .msg):
 * enough to list the streams, read one, and notice a truncated file before word-extractor (which
 * reads missing bytes as zeros) turns it into silently shortened text.
 */

/** The OLE2 signature: D0 CF 11 E0 A1 B1 1A E1. */
export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** An opened compound file. */
export interface OleFile {
  /** Names of all stream entries, in directory order. */
  streamNames: string[];
  /** The bytes of the named stream, or null when there is none. */
  readStream(name: string): Uint8Array | null;
}

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** Opens a compound file. Throws an Error saying what is wrong when it is damaged or truncated. */
export function openOle(bytes: Uint8Array): OleFile {
  if (bytes.length < 512 || !OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new Error("not an OLE2 compound file (header missing or shorter than 512 bytes)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => {
    if (at + 4 > bytes.length) throw new Error(truncated(bytes.length, at + 4));
    return view.getUint32(at, true);
  };
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) {
    throw new Error(`damaged OLE2 header (sector size 2^${sectorShift})`);
  }
  const sectorSize = 1 << sectorShift;
  const miniSectorSize = 1 << view.getUint16(32, true);
  const miniCutoff = u32(56);
  const sectorOffset = (id: number): number => (id + 1) * sectorSize;
  const sectorCount = Math.ceil(bytes.length / sectorSize) - 1;

  // The FAT: its sector ids come from the header's DIFAT, then from the DIFAT chain.
  const fatSectorIds: number[] = [];
  const fatSectors = u32(44);
  for (let i = 0; i < Math.min(fatSectors, HEADER_DIFAT_ENTRIES); i++)
    fatSectorIds.push(u32(76 + i * 4));
  let difat = u32(68);
  for (let guard = 0; fatSectorIds.length < fatSectors && difat <= MAX_REGULAR_SECTOR; guard++) {
    if (guard > sectorCount) throw new Error("damaged OLE2 file (DIFAT chain loops)");
    const base = sectorOffset(difat);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectorIds.length < fatSectors; i++) {
      fatSectorIds.push(u32(base + i * 4));
    }
    difat = u32(base + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatSectorIds) {
    for (let i = 0; i < sectorSize / 4; i++) fat.push(u32(sectorOffset(id) + i * 4));
  }
  // Every sector the FAT marks as used must lie inside the file.
  const lastUsed = fat.findLastIndex((next) => next !== FREE_SECTOR);
  if (lastUsed >= 0 && sectorOffset(lastUsed) >= bytes.length) {
    throw new Error(truncated(bytes.length, sectorOffset(lastUsed + 1)));
  }

  const chain = (table: number[], start: number): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = table[id] ?? END_OF_CHAIN) {
      if (id > MAX_REGULAR_SECTOR || id >= table.length || ids.length > table.length) {
        throw new Error("damaged OLE2 file (broken sector chain)");
      }
      ids.push(id);
    }
    return ids;
  };
  /** Reads a chain of regular sectors: `size` bytes, or the whole chain when size is omitted. */
  const readChain = (start: number, size?: number): Uint8Array => {
    const ids = chain(fat, start);
    const total = size ?? ids.length * sectorSize;
    const out = new Uint8Array(total);
    let filled = 0;
    for (const id of ids) {
      if (filled >= total) break;
      const from = sectorOffset(id);
      const want = Math.min(sectorSize, total - filled);
      if (from + want > bytes.length) throw new Error(truncated(bytes.length, from + want));
      out.set(bytes.subarray(from, from + want), filled);
      filled += want;
    }
    if (filled < total) throw new Error("damaged OLE2 file (a stream is longer than its sectors)");
    return out;
  };
  const toUint32s = (data: Uint8Array): number[] => {
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return Array.from({ length: Math.floor(data.length / 4) }, (_, i) => dv.getUint32(i * 4, true));
  };

  // The directory: a chain of 128-byte entries.
  const directoryBytes = readChain(u32(48));
  const dirView = new DataView(directoryBytes.buffer);
  const utf16 = new TextDecoder("utf-16le");
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (let at = 0; at + DIRECTORY_ENTRY_SIZE <= directoryBytes.length; at += DIRECTORY_ENTRY_SIZE) {
    const nameBytes = Math.min(64, Math.max(0, dirView.getUint16(at + 64, true) - 2));
    entries.push({
      name: utf16.decode(directoryBytes.subarray(at, at + nameBytes)),
      type: dirView.getUint8(at + 66),
      start: dirView.getUint32(at + 116, true),
      size: dirView.getUint32(at + 120, true),
    });
  }
  const root = entries.find((e) => e.type === TYPE_ROOT);
  if (root === undefined) throw new Error("damaged OLE2 file (no root directory entry)");

  // Streams shorter than the cutoff live in the mini stream (the root entry's data).
  let mini: { fat: number[]; stream: Uint8Array } | null = null;
  const miniParts = (): { fat: number[]; stream: Uint8Array } => {
    mini ??= { fat: toUint32s(readChain(u32(60))), stream: readChain(root.start, root.size) };
    return mini;
  };

  return {
    streamNames: entries.filter((e) => e.type === TYPE_STREAM).map((e) => e.name),
    readStream(name) {
      const entry = entries.find((e) => e.type === TYPE_STREAM && e.name === name);
      if (entry === undefined) return null;
      if (entry.size === 0) return new Uint8Array(0);
      if (entry.size >= miniCutoff) return readChain(entry.start, entry.size);
      const { fat: miniFat, stream } = miniParts();
      const out = new Uint8Array(entry.size);
      let filled = 0;
      for (const id of chain(miniFat, entry.start)) {
        if (filled >= entry.size) break;
        const from = id * miniSectorSize;
        const want = Math.min(miniSectorSize, entry.size - filled);
        if (from + want > stream.length)
          throw new Error("damaged OLE2 file (mini stream too short)");
        out.set(stream.subarray(from, from + want), filled);
        filled += want;
      }
      if (filled < entry.size)
        throw new Error("damaged OLE2 file (a stream is longer than its sectors)");
      return out;
    },
  };
}

function truncated(length: number, needed: number): string {
  return `truncated: the file is ${length} bytes but its sector table points to byte ${needed} (incomplete download?)`;
}
