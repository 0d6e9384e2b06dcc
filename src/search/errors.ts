/**
 * Errors of the search core that a caller can act on. Runtime-free.
 */

/**
 * A query or parameter a person gave is not acceptable. `parameter` names the request parameter
 * at fault ("q", "speaker", "limit"...), so an API can answer 400 naming it.
 */
export class QueryError extends Error {
  override readonly name = "QueryError";
  /**
   * @param suggestions values that would be accepted instead (nearest speaker ids...), for an
   *   API to return and a page to link; empty when there are none.
   */
  constructor(
    readonly parameter: string,
    message: string,
    readonly suggestions: readonly string[] = [],
  ) {
    super(`${parameter}: ${message}`);
  }
}

/** Something asked for by id does not exist. `what` says what kind of thing ("session"...). */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  /** @param suggestions the nearest ids that do exist (nearest first), for a 404 to offer. */
  constructor(
    readonly what: string,
    readonly id: string,
    readonly suggestions: readonly string[] = [],
  ) {
    super(`${what} ${JSON.stringify(id)} not found`);
  }
}

/** The built assets cannot be used (missing, corrupt, or built by another version). */
export class AssetError extends Error {
  override readonly name = "AssetError";
}
