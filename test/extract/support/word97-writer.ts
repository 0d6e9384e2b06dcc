/**
 * Writes minimal Word 97-2003 (.doc) files: an OLE2 compound file (MS-CFB, version 3, 512-byte
 * sectors) holding a WordDocument stream (a File Information Block and the text) and a 1Table
 * stream (the piece table). Only the parts a text reader needs are filled in: no styles,
 * formatting or fonts, so Word itself may not open the result, but word-extractor reads it
 * through its real OLE and piece-table code. Test and fixture tooling only.
 */
import { concat } from "./stored-zip";

/** A named stream of a compound file. */
export interface OleStream {
  name: string;
  data: Uint8Array;
}

const SECTOR = 512;
const MINI_SECTOR = 64;
/** Streams shorter than this would live in the mini stream; the writer pads them instead. */
const MINI_CUTOFF = 4096;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/** Options of writeCompoundFile. */
export interface CompoundFileOptions {
  /**
   * Store streams shorter than 4096 bytes in the mini stream (64-byte mini sectors), as real
   * files do. Default false: such streams are padded to 4096 bytes and stored in regular sectors.
   */
  miniStream?: boolean;
}

/** Writes an OLE2 compound file whose root storage holds the given streams. */
export function writeCompoundFile(
  input: OleStream[],
  options: CompoundFileOptions = {},
): Uint8Array {
  const mini = options.miniStream ?? false;
  const streams = input.map((s) => ({
    name: s.name,
    data: mini ? s.data : padTo(s.data, MINI_CUTOFF),
    small: mini && s.data.length < MINI_CUTOFF,
  }));

  // Small streams: consecutive runs of 64-byte mini sectors inside the mini stream container.
  const miniSectorsOf = (s: { data: Uint8Array }): number => Math.ceil(s.data.length / MINI_SECTOR);
  const miniFat: number[] = [];
  const miniStarts = new Map<number, number>();
  streams.forEach((s, i) => {
    if (!s.small || s.data.length === 0) return;
    const count = miniSectorsOf(s);
    miniStarts.set(i, miniFat.length);
    for (let k = 0; k < count; k++)
      miniFat.push(k === count - 1 ? END_OF_CHAIN : miniFat.length + 1);
  });
  const container = concat(
    streams.map((s) =>
      s.small ? padTo(s.data, miniSectorsOf(s) * MINI_SECTOR) : new Uint8Array(0),
    ),
  );
  const miniFatSectors = Math.ceil(miniFat.length / (SECTOR / 4));
  const containerSectors = Math.ceil(container.length / SECTOR);

  const streamSectors = streams.map((s) => (s.small ? 0 : Math.ceil(s.data.length / SECTOR)));
  const dirEntries = 1 + streams.length;
  const dirSectors = Math.ceil(dirEntries / (SECTOR / 128));
  let fatSectors = 1;
  const used = (): number =>
    fatSectors +
    dirSectors +
    miniFatSectors +
    containerSectors +
    streamSectors.reduce((a, b) => a + b, 0);
  while (fatSectors * (SECTOR / 4) < used()) fatSectors++;
  if (fatSectors > 109) throw new Error("writeCompoundFile: too large for a header-only DIFAT");

  const fat = new Array<number>(fatSectors * (SECTOR / 4)).fill(FREE);
  let next = 0;
  for (let i = 0; i < fatSectors; i++) fat[next++] = FAT_SECTOR;
  const chainOf = (count: number): number => {
    if (count === 0) return END_OF_CHAIN;
    const start = next;
    for (let i = 0; i < count; i++, next++) fat[next] = i === count - 1 ? END_OF_CHAIN : next + 1;
    return start;
  };
  const dirStart = chainOf(dirSectors);
  const miniFatStart = chainOf(miniFatSectors);
  const containerStart = chainOf(containerSectors);
  const starts = streams.map((s, i) =>
    s.small ? (miniStarts.get(i) ?? END_OF_CHAIN) : chainOf(streamSectors[i] ?? 0),
  );

  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  hv.setUint16(24, 0x003e, true); // minor version
  hv.setUint16(26, 3, true); // major version 3: 512-byte sectors
  hv.setUint16(28, 0xfffe, true); // byte order
  hv.setUint16(30, 9, true); // sector shift
  hv.setUint16(32, 6, true); // mini sector shift
  hv.setUint32(44, fatSectors, true);
  hv.setUint32(48, dirStart, true);
  hv.setUint32(56, MINI_CUTOFF, true);
  hv.setUint32(60, miniFatStart, true);
  hv.setUint32(64, miniFatSectors, true);
  hv.setUint32(68, END_OF_CHAIN, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) hv.setUint32(76 + i * 4, i < fatSectors ? i : FREE, true);

  const fatBytes = uint32Sectors(fat, fatSectors);
  const miniFatBytes = uint32Sectors(miniFat, miniFatSectors);

  // Directory: the root, then the streams as a balanced binary tree ordered as MS-CFB requires
  // (shorter names first, then by upper-cased name).
  const order = streams
    .map((s, i) => ({ ...s, index: i + 1 }))
    .sort(
      (a, b) =>
        a.name.length - b.name.length || a.name.toUpperCase().localeCompare(b.name.toUpperCase()),
    );
  const links = new Map<number, { left: number; right: number }>();
  const build = (lo: number, hi: number): number => {
    if (lo > hi) return NO_STREAM;
    const mid = (lo + hi) >> 1;
    const node = order[mid];
    if (node === undefined) return NO_STREAM;
    links.set(node.index, { left: build(lo, mid - 1), right: build(mid + 1, hi) });
    return node.index;
  };
  const treeRoot = build(0, order.length - 1);
  const directory = new Uint8Array(dirSectors * SECTOR);
  const entry = (
    i: number,
    name: string,
    type: number,
    child: number,
    start: number,
    size: number,
  ): void => {
    const dv = new DataView(directory.buffer, i * 128, 128);
    for (let c = 0; c < name.length; c++) dv.setUint16(c * 2, name.charCodeAt(c), true);
    dv.setUint16(64, (name.length + 1) * 2, true);
    dv.setUint8(66, type);
    dv.setUint8(67, 1); // black
    dv.setUint32(68, links.get(i)?.left ?? NO_STREAM, true);
    dv.setUint32(72, links.get(i)?.right ?? NO_STREAM, true);
    dv.setUint32(76, child, true);
    dv.setUint32(116, start, true);
    dv.setUint32(120, size, true);
  };
  for (let i = dirEntries; i < dirSectors * 4; i++) {
    const dv = new DataView(directory.buffer, i * 128, 128);
    dv.setUint32(68, NO_STREAM, true);
    dv.setUint32(72, NO_STREAM, true);
    dv.setUint32(76, NO_STREAM, true);
  }
  entry(0, "Root Entry", 5, treeRoot, containerStart, container.length);
  streams.forEach((s, i) =>
    entry(i + 1, s.name, 2, NO_STREAM, starts[i] ?? END_OF_CHAIN, s.data.length),
  );

  return concat([
    header,
    fatBytes,
    directory,
    miniFatBytes,
    padTo(container, containerSectors * SECTOR),
    ...streams.map((s, i) =>
      s.small ? new Uint8Array(0) : padTo(s.data, (streamSectors[i] ?? 0) * SECTOR),
    ),
  ]);
}

/** Little-endian uint32 values filling `sectors` whole sectors (the rest FREE). */
function uint32Sectors(values: number[], sectors: number): Uint8Array {
  const out = new Uint8Array(sectors * SECTOR).fill(0xff);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => view.setUint32(i * 4, value, true));
  return out;
}

/** A run of document text and how Word stores it. */
export interface WordPiece {
  /** Text with Word's marks: "\r" ends a paragraph, "\u000b" is a manual line break. */
  text: string;
  /** "utf16" (UTF-16LE) or "cp1252" (Word's compressed 8-bit form). */
  encoding: "utf16" | "cp1252";
}

/** Options of writeWord97. */
export interface Word97Options extends CompoundFileOptions {
  /** Set the FIB's fEncrypted flag (the text is still written in clear). */
  encrypted?: boolean;
}

/** Where the text starts in the WordDocument stream (after the FIB). */
const TEXT_OFFSET = 0x400;

/** Writes a .doc whose main text is the pieces in order (the last should end with "\r"). */
export function writeWord97(pieces: WordPiece[], options: Word97Options = {}): Uint8Array {
  const encoded = pieces.map((p) => (p.encoding === "utf16" ? utf16le(p.text) : cp1252(p.text)));
  const text = concat(encoded);
  const wordDocument = new Uint8Array(TEXT_OFFSET + text.length);
  wordDocument.set(text, TEXT_OFFSET);
  const ccpText = pieces.reduce((n, p) => n + p.text.length, 0);

  // The piece table (Clx = one Pcdt) in the 1Table stream.
  const n = pieces.length;
  const plcPcd = new Uint8Array((n + 1) * 4 + n * 8);
  const pv = new DataView(plcPcd.buffer);
  let cp = 0;
  let fc = TEXT_OFFSET;
  pieces.forEach((piece, i) => {
    pv.setUint32(i * 4, cp, true);
    const pcd = (n + 1) * 4 + i * 8;
    // Compressed (8-bit) pieces set bit 30 and store twice the byte offset.
    pv.setUint32(pcd + 2, piece.encoding === "utf16" ? fc : ((fc * 2) | 0x40000000) >>> 0, true);
    cp += piece.text.length;
    fc += encoded[i]?.length ?? 0;
  });
  pv.setUint32(n * 4, cp, true);
  const clx = new Uint8Array(5 + plcPcd.length);
  clx[0] = 0x02;
  new DataView(clx.buffer).setUint32(1, plcPcd.length, true);
  clx.set(plcPcd, 5);

  // The File Information Block: FibBase, FibRgW97, FibRgLw97, FibRgFcLcb97.
  const fib = new DataView(wordDocument.buffer);
  fib.setUint16(0x00, 0xa5ec, true); // wIdent
  fib.setUint16(0x02, 0x00c1, true); // nFib: Word 97
  fib.setUint16(0x06, 0x0409, true); // lid: en-US
  fib.setUint16(0x0a, 0x1200 | (options.encrypted === true ? 0x0100 : 0), true); // fExtChar, 1Table
  fib.setUint16(0x0c, 0x00bf, true); // nFibBack
  fib.setUint16(0x20, 14, true); // csw
  fib.setUint16(0x3e, 22, true); // cslw
  fib.setUint32(0x40, Math.max(wordDocument.length, MINI_CUTOFF), true); // cbMac
  fib.setUint32(0x4c, ccpText, true); // ccpText
  fib.setUint16(0x98, 0x005d, true); // cbRgFcLcb: Word 97
  fib.setUint32(0x1a2, 0, true); // fcClx
  fib.setUint32(0x1a6, clx.length, true); // lcbClx
  fib.setUint32(0x18, TEXT_OFFSET, true); // fcMin (legacy)
  fib.setUint32(0x1c, TEXT_OFFSET + text.length, true); // fcMac (legacy)

  return writeCompoundFile(
    [
      { name: "WordDocument", data: wordDocument },
      { name: "1Table", data: clx },
    ],
    options,
  );
}

function padTo(data: Uint8Array, size: number): Uint8Array {
  if (data.length >= size) return data;
  const out = new Uint8Array(size);
  out.set(data);
  return out;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), true);
  return out;
}

/** The Windows-1252 characters above 0x7F that the fixtures use. */
const CP1252_EXTRA: Record<string, number> = {
  "\u2018": 0x91,
  "\u2019": 0x92,
  "\u201c": 0x93,
  "\u201d": 0x94,
  "\u2013": 0x96,
  "\u2014": 0x97,
};

/** Encodes text as Windows-1252 (ASCII, Latin-1 letters, and the punctuation above). */
export function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    const extra = CP1252_EXTRA[ch];
    if (extra !== undefined) return extra;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new Error(`cp1252: no byte for ${JSON.stringify(ch)}`);
  });
}
