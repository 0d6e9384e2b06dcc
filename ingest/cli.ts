/**
 * Thin command-line entry: `tsx ingest/cli.ts <command> [args]`. Each command lives in
 * ingest/commands/<command>.ts and exports `run(args): Promise<number>` (the exit code).
 */
const COMMANDS = {
  ingest: () => import("./commands/ingest"),
  parse: () => import("./commands/parse"),
  build: () => import("./commands/build"),
  "ensure-built": () => import("./commands/ensure-built"),
  search: () => import("./commands/search"),
} as const;

type CommandName = keyof typeof COMMANDS;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!isCommand(name)) {
    process.stderr.write(
      `cli: unknown command ${JSON.stringify(name ?? "")}; expected one of: ${Object.keys(COMMANDS).join(", ")}\n`,
    );
    return 2;
  }
  const command = await COMMANDS[name]();
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
