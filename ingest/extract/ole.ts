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

/** What every step of reading a compound file needs: its bytes and the header's geometry. */
interface OleState {
  bytes: Uint8Array;
  view: DataView;
  sectorSize: number;
  miniSectorSize: number;
  /** Streams shorter than this live in the mini stream. */
  miniCutoff: number;
  /** Sectors the file's length holds (after the header). */
  sectorCount: number;
  /** The file allocation table: the next sector of each sector. */
  fat: number[];
}

interface DirectoryEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** A little-endian 32-bit value, or the truncation error when the file ends before it. */
function u32(state: Pick<OleState, "bytes" | "view">, at: number): number {
  if (at + 4 > state.bytes.length) throw new Error(truncated(state.bytes.length, at + 4));
  return state.view.getUint32(at, true);
}

function sectorOffset(state: Pick<OleState, "sectorSize">, id: number): number {
  return (id + 1) * state.sectorSize;
}

/** Checks the signature and reads the sector sizes from the header. */
function readHeader(bytes: Uint8Array): OleState {
  if (bytes.length < 512 || !OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new Error("not an OLE2 compound file (header missing or shorter than 512 bytes)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) {
    throw new Error(`damaged OLE2 header (sector size 2^${sectorShift})`);
  }
  const sectorSize = 1 << sectorShift;
  return {
    bytes,
    view,
    sectorSize,
    miniSectorSize: 1 << view.getUint16(32, true),
    miniCutoff: u32({ bytes, view }, 56),
    sectorCount: Math.ceil(bytes.length / sectorSize) - 1,
    fat: [],
  };
}

/** The FAT's sector ids: from the header's DIFAT, then from the DIFAT chain. */
function fatSectorIds(state: OleState): number[] {
  const ids: number[] = [];
  const fatSectors = u32(state, 44);
  for (let i = 0; i < Math.min(fatSectors, HEADER_DIFAT_ENTRIES); i++)
    ids.push(u32(state, 76 + i * 4));
  let difat = u32(state, 68);
  for (let guard = 0; ids.length < fatSectors && difat <= MAX_REGULAR_SECTOR; guard++) {
    if (guard > state.sectorCount) throw new Error("damaged OLE2 file (DIFAT chain loops)");
    const base = sectorOffset(state, difat);
    for (let i = 0; i < state.sectorSize / 4 - 1 && ids.length < fatSectors; i++) {
      ids.push(u32(state, base + i * 4));
    }
    difat = u32(state, base + state.sectorSize - 4);
  }
  return ids;
}

/** Reads the FAT; every sector it marks as used must lie inside the file. */
function readFat(state: OleState): number[] {
  const fat: number[] = [];
  for (const id of fatSectorIds(state)) {
    for (let i = 0; i < state.sectorSize / 4; i++)
      fat.push(u32(state, sectorOffset(state, id) + i * 4));
  }
  const lastUsed = fat.findLastIndex((next) => next !== FREE_SECTOR);
  if (lastUsed >= 0 && sectorOffset(state, lastUsed) >= state.bytes.length) {
    throw new Error(truncated(state.bytes.length, sectorOffset(state, lastUsed + 1)));
  }
  return fat;
}

/** The sector ids of a chain in `table`, from `start` to its end. */
function chain(table: number[], start: number): number[] {
  const ids: number[] = [];
  for (let id = start; id !== END_OF_CHAIN; id = table[id] ?? END_OF_CHAIN) {
    if (id > MAX_REGULAR_SECTOR || id >= table.length || ids.length > table.length) {
      throw new Error("damaged OLE2 file (broken sector chain)");
    }
    ids.push(id);
  }
  return ids;
}

/** Copies `size` bytes from the sectors `ids` (each `sectorBytes` long, read by `read`). */
function gather(
  ids: number[],
  size: number,
  sectorBytes: number,
  read: (id: number, want: number) => Uint8Array,
): Uint8Array {
  const out = new Uint8Array(size);
  let filled = 0;
  for (const id of ids) {
    if (filled >= size) break;
    const want = Math.min(sectorBytes, size - filled);
    out.set(read(id, want), filled);
    filled += want;
  }
  if (filled < size) throw new Error("damaged OLE2 file (a stream is longer than its sectors)");
  return out;
}

/** Reads a chain of regular sectors: `size` bytes, or the whole chain when size is omitted. */
function readChain(state: OleState, start: number, size?: number): Uint8Array {
  const ids = chain(state.fat, start);
  return gather(ids, size ?? ids.length * state.sectorSize, state.sectorSize, (id, want) => {
    const from = sectorOffset(state, id);
    if (from + want > state.bytes.length)
      throw new Error(truncated(state.bytes.length, from + want));
    return state.bytes.subarray(from, from + want);
  });
}

function toUint32s(data: Uint8Array): number[] {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: Math.floor(data.length / 4) }, (_, i) => dv.getUint32(i * 4, true));
}

/** The directory: a chain of 128-byte entries. */
function readDirectory(state: OleState): DirectoryEntry[] {
  const directoryBytes = readChain(state, u32(state, 48));
  const dirView = new DataView(directoryBytes.buffer);
  const utf16 = new TextDecoder("utf-16le");
  const entries: DirectoryEntry[] = [];
  for (let at = 0; at + DIRECTORY_ENTRY_SIZE <= directoryBytes.length; at += DIRECTORY_ENTRY_SIZE) {
    const nameBytes = Math.min(64, Math.max(0, dirView.getUint16(at + 64, true) - 2));
    entries.push({
      name: utf16.decode(directoryBytes.subarray(at, at + nameBytes)),
      type: dirView.getUint8(at + 66),
      start: dirView.getUint32(at + 116, true),
      size: dirView.getUint32(at + 120, true),
    });
  }
  return entries;
}

/** A stream shorter than the cutoff, read from the mini stream (the root entry's data). */
function readMiniStream(
  state: OleState,
  mini: { fat: number[]; stream: Uint8Array },
  entry: DirectoryEntry,
): Uint8Array {
  const ids = chain(mini.fat, entry.start);
  return gather(ids, entry.size, state.miniSectorSize, (id, want) => {
    const from = id * state.miniSectorSize;
    if (from + want > mini.stream.length)
      throw new Error("damaged OLE2 file (mini stream too short)");
    return mini.stream.subarray(from, from + want);
  });
}

/** Opens a compound file. Throws an Error saying what is wrong when it is damaged or truncated. */
export function openOle(bytes: Uint8Array): OleFile {
  const state = readHeader(bytes);
  state.fat = readFat(state);
  const entries = readDirectory(state);
  const root = entries.find((e) => e.type === TYPE_ROOT);
  if (root === undefined) throw new Error("damaged OLE2 file (no root directory entry)");
  let mini: { fat: number[]; stream: Uint8Array } | null = null;
  return {
    streamNames: entries.filter((e) => e.type === TYPE_STREAM).map((e) => e.name),
    readStream(name) {
      const entry = entries.find((e) => e.type === TYPE_STREAM && e.name === name);
      if (entry === undefined) return null;
      if (entry.size === 0) return new Uint8Array(0);
      if (entry.size >= state.miniCutoff) return readChain(state, entry.start, entry.size);
      mini ??= {
        fat: toUint32s(readChain(state, u32(state, 60))),
        stream: readChain(state, root.start, root.size),
      };
      return readMiniStream(state, mini, entry);
    },
  };
}

function truncated(length: number, needed: number): string {
  return `truncated: the file is ${length} bytes but its sector table points to byte ${needed} (incomplete download?)`;
}
