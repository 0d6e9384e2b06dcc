// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // The runtime-free core: no Node built-ins, no console (a logger is passed in).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/node.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "crypto", "zlib"],
              message: "src/ is runtime-free: Node imports belong in ingest/ or src/node.ts",
            },
          ],
        },
      ],
      "no-console": "error",
    },
  },
);
