import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, test } from "vitest";
import { bodyFileName, FetchCache, sha256Hex } from "../../ingest/fetch/cache";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "wcit-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const URL_A = "https://www.itu.int/en/wcit-12/Documents/dec04/plenary2.docx";
const URL_B = "https://www.itu.int/en/wcit-12/Documents/dec04/copies/plenary2.docx";
const put = (url: string) => ({
  url,
  finalUrl: url,
  etag: '"abc"',
  lastModified: "Fri, 14 Dec 2012 12:00:00 GMT",
  contentType: "application/octet-stream",
  fetchedAt: "2024-01-01T00:00:00.000Z",
});

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(root.length + 1));
  }
  return out.sort();
}

describe("FetchCache", () => {
  it("stores a body with its validators and gives them back", async () => {
    const cache = new FetchCache(dir);
    const body = new TextEncoder().encode("SYNTHETIC SAMPLE body");
    const entry = await cache.put(put(URL_A), body);
    expect(entry).toMatchObject({ etag: '"abc"', sha256: sha256Hex(body), bytes: body.byteLength });
    expect(entry.bodyFile).toBe(join("bodies", sha256Hex(body), "plenary2.docx"));
    const got = await cache.get(URL_A);
    expect(got?.entry).toEqual(entry);
    expect(new TextDecoder().decode(got?.body)).toBe("SYNTHETIC SAMPLE body");
    expect(await readFile(cache.bodyPath(entry), "utf8")).toBe("SYNTHETIC SAMPLE body");
  });

  it("returns null for a URL never stored", async () => {
    expect(await new FetchCache(dir).get(URL_A)).toBeNull();
  });

  it("keeps one body for the same bytes from two URLs of the same name", async () => {
    const cache = new FetchCache(dir);
    const body = new TextEncoder().encode("same bytes");
    await cache.put(put(URL_A), body);
    await cache.put(put(URL_B), body);
    const files = await listFiles(dir);
    expect(files.filter((f) => f.startsWith("bodies"))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith("meta"))).toHaveLength(2);
  });

  it("leaves no temporary file behind", async () => {
    const cache = new FetchCache(dir);
    await cache.put(put(URL_A), new Uint8Array([1, 2, 3]));
    expect((await listFiles(dir)).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  describe("an unusable entry is treated as absent", () => {
    it("a body changed on disk (sha256 mismatch)", async () => {
      const cache = new FetchCache(dir);
      const entry = await cache.put(put(URL_A), new Uint8Array([1, 2, 3]));
      await writeFile(cache.bodyPath(entry), new Uint8Array([1, 2]));
      expect(await cache.get(URL_A)).toBeNull();
    });

    it("a body deleted", async () => {
      const cache = new FetchCache(dir);
      const entry = await cache.put(put(URL_A), new Uint8Array([1, 2, 3]));
      await rm(cache.bodyPath(entry));
      expect(await cache.get(URL_A)).toBeNull();
    });

    it("an entry that is not JSON", async () => {
      const cache = new FetchCache(dir);
      await cache.put(put(URL_A), new Uint8Array([1]));
      const [meta] = (await listFiles(dir)).filter((f) => f.startsWith("meta"));
      await writeFile(join(dir, meta ?? ""), "{ half");
      expect(await cache.get(URL_A)).toBeNull();
    });
  });
});

describe("bodyFileName", () => {
  test.each([
    ["https://h/en/wcit-12/Documents/dec14/plenary17.docx", "plenary17.docx"],
    ["https://h/en/wcit-12/Pages/", "body"],
    ["https://h/a/Plenary%2017%20(final).doc", "Plenary_17_final_.doc"],
    ["https://h/a/..%2F..%2Fetc", "_.._etc"],
  ])("%s -> %s", (url, name) => {
    expect(bodyFileName(url)).toBe(name);
  });
});
