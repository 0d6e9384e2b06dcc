// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Node built-ins: only the Node adapter (src/node.ts, src/node/) imports them in src/. */
const NODE_IMPORTS = {
  group: ["node:*", "fs", "path", "crypto", "zlib"],
  message:
    "src/ is runtime-free: Node imports belong in ingest/ or the Node adapter (src/node.ts, src/node/)",
};

/** ingest/ from src/: never (src/ is what the server runs; ingest/ builds its assets). */
const INGEST_IMPORTS = {
  regex: "(^|/)ingest(/|$)",
  message: "src/ imports nothing from ingest/: move what both need into src/",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".wrangler/",
      "coverage/",
      "test-results/",
      "worker-configuration.d.ts",
      "bench/results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // Short named steps: no function of the product over ~80 lines (MiniSearch keeps under 75).
    files: ["src/**/*.ts", "src/**/*.tsx", "ingest/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The runtime-free core: no Node built-ins, no console (a logger is passed in), nothing
    // from ingest/ (the command line uses src/, never the other way round).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/node.ts", "src/node/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [NODE_IMPORTS, INGEST_IMPORTS] }],
      "no-console": "error",
    },
  },
  {
    // The Node adapter (the entry and its parts) may use Node, but not ingest/ either.
    files: ["src/node.ts", "src/node/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [INGEST_IMPORTS] }],
    },
  },
);
