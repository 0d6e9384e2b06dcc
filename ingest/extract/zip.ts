/**
 * Just enough of the ZIP format to list entry names, so the detector can tell a .docx from other
 * ZIP-based files, and so a truncated download (no central directory) is named as such; and the
 * entries' declared sizes, so a ZIP bomb is refused before anything is inflated (docx.ts).
 */
import { inflateRawSync } from "node:zlib";

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Declared inflated size (0xFFFFFFFF in a ZIP64 archive). */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Entry names of a ZIP archive and whether its central directory was read. */
export interface ZipListing {
  names: string[];
  /** The central directory's entries (empty when it could not be read). */
  entries: ZipEntry[];
  /**
   * True when the end-of-central-directory record was found and the central directory read in
   * full. False for a truncated or damaged archive: names then come from scanning local headers.
   */
  complete: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The EOCD record is 22 bytes plus a comment of at most 65535 bytes. */
const EOCD_MAX_DISTANCE = 22 + 0xffff;

const nameDecoder = new TextDecoder("utf-8");

/** Lists the entry names of a ZIP archive held in memory. Never throws. */
export function listZipEntries(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    readCentralDirectory(bytes, view) ?? {
      names: scanLocalHeaders(bytes, view),
      entries: [],
      complete: false,
    }
  );
}

function readCentralDirectory(bytes: Uint8Array, view: DataView): ZipListing | null {
  const stop = Math.max(0, bytes.length - EOCD_MAX_DISTANCE);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const count = view.getUint16(at + 10, true);
    let pos = view.getUint32(at + 16, true);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (pos + 46 > bytes.length || view.getUint32(pos, true) !== CENTRAL_SIGNATURE) return null;
      const nameLength = view.getUint16(pos + 28, true);
      const extraLength = view.getUint16(pos + 30, true);
      const commentLength = view.getUint16(pos + 32, true);
      if (pos + 46 + nameLength > bytes.length) return null;
      entries.push({
        name: nameDecoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength)),
        method: view.getUint16(pos + 10, true),
        compressedSize: view.getUint32(pos + 20, true),
        size: view.getUint32(pos + 24, true),
        localOffset: view.getUint32(pos + 42, true),
      });
      pos += 46 + nameLength + extraLength + commentLength;
    }
    return { names: entries.map((e) => e.name), entries, complete: true };
  }
  return null;
}

function scanLocalHeaders(bytes: Uint8Array, view: DataView): string[] {
  const names: string[] = [];
  let pos = 0;
  while (pos + 30 <= bytes.length) {
    if (view.getUint32(pos, true) !== LOCAL_SIGNATURE) {
      // Sizes unknown (data descriptor) or damage: look for the next local header.
      const next = findSignature(bytes, pos + 1);
      if (next < 0) break;
      pos = next;
      continue;
    }
    const nameLength = view.getUint16(pos + 26, true);
    const extraLength = view.getUint16(pos + 28, true);
    const hasDescriptor = (view.getUint16(pos + 6, true) & 0x0008) !== 0;
    const size = view.getUint32(pos + 18, true);
    const nameEnd = Math.min(bytes.length, pos + 30 + nameLength);
    names.push(nameDecoder.decode(bytes.subarray(pos + 30, nameEnd)));
    pos = hasDescriptor ? pos + 30 + nameLength : pos + 30 + nameLength + extraLength + size;
  }
  return names;
}

function findSignature(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= bytes.length; i++) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x03 &&
      bytes[i + 3] === 0x04
    ) {
      return i;
    }
  }
  return -1;
}

/**
 * Inflates one entry, stopping at `maxBytes`. Throws an Error saying what is wrong: a damaged
 * entry, an unsupported method, more than `maxBytes`, or a size other than the declared one.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new Error(`${entry.name}: its local header is missing (damaged ZIP)`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`${entry.name}: cut off (damaged ZIP)`);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new Error(`${entry.name} inflates to more than ${maxBytes} bytes`, { cause: error });
      }
      throw new Error(`${entry.name}: cannot inflate (${(error as Error).message})`, {
        cause: error,
      });
    }
  } else throw new Error(`${entry.name}: compression method ${entry.method} is not supported`);
  if (out.length > maxBytes)
    throw new Error(`${entry.name} inflates to more than ${maxBytes} bytes`);
  if (out.length !== entry.size) {
    throw new Error(
      `${entry.name} declares ${entry.size} bytes but inflates to ${out.length} (a damaged or crafted ZIP)`,
    );
  }
  return out;
}
