// Types for word-extractor 1.0.x (the package ships none): only what doc.ts uses.
declare module "word-extractor" {
  class Document {
    /** filterUnicode (default true) turns curly quotes, dashes and some spaces into ASCII. */
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getHeaders(options?: { includeFooters?: boolean }): string;
    getFooters(): string;
    getAnnotations(): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  class WordExtractor {
    /** A file name (read from disk) or a Buffer (read in memory). */
    extract(source: string | Buffer): Promise<Document>;
  }
  export = WordExtractor;
}
