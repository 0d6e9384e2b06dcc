/**
 * A load kept once it has succeeded (the corpus of the app, the plan of the router): every
 * request after the first shares the same promise; a failed load is forgotten, so the next
 * request tries again instead of failing for the isolate's lifetime.
 */
export function loadOnce<B, T>(load: (env: B) => Promise<T>): (env: B) => Promise<T> {
  let loaded: Promise<T> | undefined;
  return (env) => {
    loaded ??= load(env).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
