/**
 * The REST methods of `rest.ts` are `@octokit/rest`'s own: same route, same defaults, usable by
 * `octokit.paginate`. `@octokit/plugin-rest-endpoint-methods` (a devDependency, never bundled) is
 * the reference.
 */
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { RestOctokit } from '../../../src/github/client.js';
import { ROUTES } from '../../../src/github/rest.js';

type Defaults = { method: string; url: string; request?: unknown };
const reference = new (Octokit.plugin(restEndpointMethods))().rest as unknown as Record<
  string,
  Record<string, { endpoint: { DEFAULTS: Defaults } }>
>;
const ours = new RestOctokit().rest as unknown as typeof reference;

const methods = Object.entries(ROUTES).flatMap(([scope, routes]) =>
  Object.keys(routes).map((name) => [scope, name] as const),
);

it.each(methods)('%s.%s has the route and defaults @octokit/rest has', (scope, name) => {
  // Everything but the per-instance request hook: method, url, headers, media type, base URL.
  const defaults = (method?: { endpoint: { DEFAULTS: Defaults } }) => {
    const all: Partial<Defaults> = { ...method?.endpoint.DEFAULTS };
    delete all.request;
    return all;
  };
  const { method, url } = defaults(reference[scope]?.[name]);
  expect(`${method} ${url}`).toBe(ROUTES[scope as keyof typeof ROUTES][name as never]);
  expect(defaults(ours[scope]?.[name])).toEqual(defaults(reference[scope]?.[name]));
});
