// Answers a list endpoint with one page of items and Okta's Link headers.
import { pageOf, type PageOptions } from "../http/paging";
import { json, type RouteContext, type RouteResult } from "./route";

/** One page of `items` (sorted ascending by `keyOf`), rendered with `present`, with Link self/next. */
export function pagedList<T>(
  ctx: RouteContext,
  items: readonly T[],
  keyOf: (item: T) => string,
  present: (item: T) => unknown,
  options: PageOptions,
): RouteResult {
  const page = pageOf(items, keyOf, ctx.orgUrl + ctx.path, ctx.query, options);
  return json(200, page.items.map(present), { link: page.links });
}
