/** The OLE2 reader doc.ts checks .doc files with. */
import { describe, expect, test } from "vitest";
import { openOle } from "../../ingest/extract/ole";
import { fixture } from "./support/fixtures";
import { writeCompoundFile } from "./support/word97-writer";

describe("openOle", () => {
  test.each(["transcript.doc", "transcript-ministream.doc"])(
    "lists and reads the streams of %s",
    (file) => {
      const ole = openOle(fixture(file));
      expect(ole.streamNames.sort()).toEqual(["1Table", "WordDocument"]);
      const word = ole.readStream("WordDocument");
      expect(word).not.toBeNull();
      expect(new DataView(word!.buffer, word!.byteOffset).getUint16(0, true)).toBe(0xa5ec);
      expect(ole.readStream("0Table")).toBeNull();
    },
  );

  test("reads small streams from the mini stream and large ones from regular sectors, byte for byte", () => {
    const small = Uint8Array.from({ length: 100 }, (_, i) => i);
    const large = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
    const ole = openOle(
      writeCompoundFile(
        [
          { name: "Small", data: small },
          { name: "Large", data: large },
          { name: "Empty", data: new Uint8Array(0) },
        ],
        { miniStream: true },
      ),
    );
    expect(ole.readStream("Small")).toEqual(small);
    expect(ole.readStream("Large")).toEqual(large);
    expect(ole.readStream("Empty")).toEqual(new Uint8Array(0));
  });

  test.each([
    ["cut inside the streams", 4000, /^truncated: the file is 4000 bytes/],
    ["cut after the directory", 1600, /^truncated: the file is 1600 bytes/],
    ["only the header", 512, /^truncated/],
    ["shorter than a header", 100, /^not an OLE2 compound file/],
  ])("refuses a file %s", (_, length, message) => {
    expect(() => openOle(fixture("transcript.doc").slice(0, length))).toThrow(message);
  });

  test("refuses a damaged sector size", () => {
    const bytes = fixture("transcript.doc");
    bytes[30] = 7;
    expect(() => openOle(bytes)).toThrow(/damaged OLE2 header \(sector size 2\^7\)/);
  });

  test("refuses a sector chain that loops", () => {
    const bytes = fixture("transcript.doc");
    // FAT sector 0 is the first sector after the header; entry 1 (the directory) points to itself.
    new DataView(bytes.buffer).setUint32(512 + 4, 1, true);
    new DataView(bytes.buffer).setUint32(512 + 8, 1, true);
    expect(() => openOle(bytes).readStream("WordDocument")).toThrow(/damaged OLE2 file/);
  });
});
