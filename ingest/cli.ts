/**
 * Thin command-line entry: `tsx ingest/cli.ts <command> [args]`. Each command lives in
 * ingest/commands/<command>.ts and exports `run(args): Promise<number>` (the exit code).
 */
const COMMANDS = {
  ingest: () => import("./commands/ingest"),
  parse: () => import("./commands/parse"),
  build: () => import("./commands/build"),
  "build-shards": () => import("./commands/build-shards"),
  "ensure-built": () => import("./commands/ensure-built"),
  search: () => import("./commands/search"),
} as const;

type CommandName = keyof typeof COMMANDS;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** What each command does, for `tsx ingest/cli.ts --help`. */
const SUMMARIES: Record<CommandName, string> = {
  ingest: "sources -> transcripts/<id>.json (--fetch downloads them first)",
  parse: "print one transcript as JSON",
  build: "transcripts -> the search assets in dist/assets/data",
  "build-shards": "transcripts -> shards, the router's plan and their configs in dist/shards",
  "ensure-built": "build the assets only when they are stale",
  search: "search the built assets from a terminal",
};

const HELP_FLAGS = ["--help", "-h"];

function overview(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  return [
    "usage: tsx ingest/cli.ts <command> [options]   (npm run <command> -- [options])",
    ...names.map((name) => `  ${name.padEnd(13)} ${SUMMARIES[name]}`),
    "Every command takes --help.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name !== undefined && HELP_FLAGS.includes(name)) {
    process.stdout.write(`${overview()}\n`);
    return 0;
  }
  if (!isCommand(name)) {
    process.stderr.write(
      `cli: unknown command ${JSON.stringify(name ?? "")}; expected one of: ${Object.keys(COMMANDS).join(", ")}\n${overview()}\n`,
    );
    return 2;
  }
  const command = await COMMANDS[name]();
  // `ingest --fetch --help` is the fetcher's own help.
  if (args.some((arg) => HELP_FLAGS.includes(arg)) && !args.includes("--fetch")) {
    process.stdout.write(`${command.HELP}\n`);
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
