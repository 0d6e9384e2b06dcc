/**
 * `npm run samples [-- --check] [--out DIR]`: renders the authored synthetic transcripts into the
 * bundled source files. With --check, nothing is written: exits 1 when a committed file differs
 * from what the authored texts render to.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_OUT_DIR, generateSamples, renderSamples } from "./generate";

const consoleLogger = {
  info: (m: string) => process.stdout.write(`${m}\n`),
  warn: (m: string) => process.stderr.write(`${m}\n`),
  error: (m: string) => process.stderr.write(`${m}\n`),
};

interface CliArgs {
  check: boolean;
  outDir: string;
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { check: false, outDir: DEFAULT_OUT_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") args.check = true;
    else if (arg === "--out") {
      const value = argv[++i];
      if (!value) throw new Error("samples: --out needs a directory");
      args.outDir = value;
    } else
      throw new Error(
        `samples: unknown argument ${JSON.stringify(arg)}; expected --check or --out DIR`,
      );
  }
  return args;
}

async function check(outDir: string): Promise<number> {
  const files = await renderSamples();
  let stale = 0;
  for (const { file, bytes } of files) {
    const path = join(outDir, file);
    const onDisk = await readFile(path).catch(() => null);
    if (!onDisk || Buffer.compare(onDisk, Buffer.from(bytes)) !== 0) {
      consoleLogger.error(
        `samples: ${path}: ${onDisk ? "differs from" : "missing; expected"} the rendered sample`,
      );
      stale++;
    }
  }
  if (stale === 0)
    consoleLogger.info(`samples: all ${files.length} files in ${outDir} are up to date`);
  return stale === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.check) return check(args.outDir);
  const files = await generateSamples({ outDir: args.outDir, logger: consoleLogger });
  consoleLogger.info(`samples: ${files.length} files written to ${args.outDir}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
