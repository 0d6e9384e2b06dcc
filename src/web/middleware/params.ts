/**
 * Query-parameter checks shared by the API routes: unknown or repeated parameters are refused,
 * numbers and enumerations are parsed strictly. Errors are QueryErrors naming the parameter
 * (answered 400 by src/web/errors.ts). Runtime-free.
 */
import type { Context, MiddlewareHandler } from "hono";
import { QueryError } from "../../search/errors";

/** Refuses parameters not in `allowed`, and any parameter given more than once. */
export function allowParams(...allowed: string[]): MiddlewareHandler {
  const known = new Set(allowed);
  return async (c, next) => {
    const params = new URL(c.req.url).searchParams;
    const seen = new Set<string>();
    for (const name of params.keys()) {
      if (name === "") {
        throw new QueryError("(empty name)", "a parameter has an empty name (as in ?=x)");
      }
      if (!known.has(name)) {
        throw new QueryError(
          name,
          `unknown parameter${allowed.length > 0 ? `; this endpoint takes ${allowed.join(", ")}` : "; this endpoint takes none"}`,
        );
      }
      if (seen.has(name)) throw new QueryError(name, "given more than once");
      seen.add(name);
    }
    await next();
  };
}

/** A text parameter, or undefined when absent. */
export function textParam(c: Context, name: string): string | undefined {
  return c.req.query(name);
}

/** A whole-number parameter within [min, max], or the default when absent. */
export function intParam(
  c: Context,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = c.req.query(name);
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text))
    throw new QueryError(name, `${JSON.stringify(text)} is not a whole number`);
  const value = Number(text);
  if (value < min || value > max) throw new QueryError(name, `must be from ${min} to ${max}`);
  return value;
}

/** A parameter from a fixed list, or the default when absent. */
export function enumParam<T extends string>(
  c: Context,
  name: string,
  values: readonly T[],
  fallback: T,
): T;
export function enumParam<T extends string>(
  c: Context,
  name: string,
  values: readonly T[],
): T | undefined;
export function enumParam<T extends string>(
  c: Context,
  name: string,
  values: readonly T[],
  fallback?: T,
): T | undefined {
  const text = c.req.query(name);
  if (text === undefined) return fallback;
  if (!(values as readonly string[]).includes(text)) {
    throw new QueryError(name, `${JSON.stringify(text)} is not one of ${values.join(", ")}`);
  }
  return text as T;
}
