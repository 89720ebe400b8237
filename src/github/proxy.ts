/**
 * Proxy support for self-hosted runners behind an HTTP(S) proxy, without loading a proxy agent on
 * the common path (docs/design.md, "The API client"). Without a proxy, requests go through
 * `http-fetch.ts` (`node:http`). When `HTTPS_PROXY` / `HTTP_PROXY` (or their lowercase forms) are
 * set, they use a `fetch` that can reach the proxy:
 * - Node 24.14+ (and 25.4+) proxy `fetch` themselves once `http.setGlobalProxyFromEnv()` is called;
 *   earlier Node 24 releases do when started with `NODE_USE_ENV_PROXY=1` or `--use-env-proxy`;
 * - otherwise undici's `EnvHttpProxyAgent` is imported then, and only then, with undici's `fetch`.
 * Both routes read the same variables with the same rules (Node's built-in support is undici's
 * `EnvHttpProxyAgent`): the lowercase form wins, HTTPS falls back to `HTTP_PROXY`, and `NO_PROXY` /
 * `no_proxy` lists hosts that are reached directly.
 */
import { directFetch } from './early-answers.js';

type Env = Record<string, string | undefined>;
/** The fetch Octokit is given (`request.fetch`). */
export type Fetch = (url: string, init?: object) => Promise<unknown>;

export type ProxyRoute =
  /** No proxy variable is set: the global `fetch`, nothing loaded. */
  | { kind: 'direct' }
  /** Node proxies the global `fetch` itself: `setGlobal` turns it on (absent when already on). */
  | { kind: 'node'; setGlobal?: () => void }
  /** undici's `EnvHttpProxyAgent`, loaded on the first request. */
  | { kind: 'agent' };

/** What the running Node offers, passed in so every branch can be tested on any Node. */
export interface ProxyRuntime {
  /** `http.setGlobalProxyFromEnv` where Node has it (24.14+, 25.4+). */
  setGlobalProxyFromEnv?: (proxyEnv: Env) => unknown;
  /** Major version of the running Node. */
  nodeMajor: number;
  /** `process.execArgv`: `--use-env-proxy` there means Node proxies `fetch` from start-up. */
  execArgv: readonly string[];
}

/** The running Node (`node:http` is loaded only here, behind a proxy). */
function currentRuntime(): ProxyRuntime {
  // process.getBuiltinModule: Node 20.16+ and 22.3+; older Node then simply take the agent route.
  const http = (process.getBuiltinModule?.('node:http') ?? {}) as {
    setGlobalProxyFromEnv?: ProxyRuntime['setGlobalProxyFromEnv'];
  };
  const setGlobal = http.setGlobalProxyFromEnv;
  return {
    ...(typeof setGlobal === 'function' ? { setGlobalProxyFromEnv: setGlobal } : {}),
    nodeMajor: Number(process.versions.node.split('.')[0]),
    execArgv: process.execArgv,
  };
}

/** The first non-empty of the variables, lowercase first (as Node and undici read them). */
function variable(env: Env, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

/** Names of the proxy variables that are set (for the log line: never their values, which may hold credentials). */
export function proxyVariablesSet(env: Env): string[] {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].filter((name) => env[name]);
}

/** Which route requests take under `env` on `runtime`. */
export function chooseProxyRoute(env: Env, runtime: ProxyRuntime): ProxyRoute {
  if (proxyVariablesSet(env).length === 0) return { kind: 'direct' };
  const { setGlobalProxyFromEnv } = runtime;
  if (setGlobalProxyFromEnv) return { kind: 'node', setGlobal: () => void setGlobalProxyFromEnv(env) };
  const envProxyOn =
    env.NODE_USE_ENV_PROXY === '1' ||
    runtime.execArgv.includes('--use-env-proxy') ||
    /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? '');
  // NODE_USE_ENV_PROXY is read at start-up by Node 24 and later; older Node ignore it.
  if (envProxyOn && runtime.nodeMajor >= 24) return { kind: 'node' };
  return { kind: 'agent' };
}

/** A log line saying how requests reach the proxy (or undefined without one). */
export function describeRoute(route: ProxyRoute, env: Env): string | undefined {
  if (route.kind === 'direct') return undefined;
  const through = route.kind === 'node' ? "Node's built-in proxy support" : "undici's EnvHttpProxyAgent";
  const bypass = variable(env, 'no_proxy') ? ', except the hosts NO_PROXY lists' : '';
  return `${proxyVariablesSet(env).join(', ')} set: API requests go through the proxy${bypass} (${through}).`;
}

/**
 * undici's `fetch` through an `EnvHttpProxyAgent` built from `env`, imported on the first request
 * (a separate chunk of the bundle: the common path never loads it).
 */
export function agentFetch(env: Env): Fetch {
  let loaded: Promise<Fetch> | undefined;
  const load = async (): Promise<Fetch> => {
    const undici = await import('undici');
    const dispatcher = new undici.EnvHttpProxyAgent({
      // Explicit values (an empty string is "none"), so only `env` counts, never process.env.
      httpProxy: variable(env, 'http_proxy') ?? '',
      httpsProxy: variable(env, 'https_proxy') ?? '',
      noProxy: variable(env, 'no_proxy') ?? '',
    });
    return (url, init) => undici.fetch(url, { ...(init as object), dispatcher } as never);
  };
  return async (url, init) => {
    loaded ??= load();
    return (await loaded)(url, init);
  };
}

/**
 * Sets the route up for one client: turns Node's proxy support on, or returns the fetch to use.
 * Direct, that is `http-fetch.ts` (and the answer to a request sent before the client existed,
 * `early-answers.ts`); `fetch` is undefined when Node proxies its global one.
 */
export function setUpProxy(env: Env, runtime?: ProxyRuntime): { fetch?: Fetch; message?: string } {
  if (proxyVariablesSet(env).length === 0) return { fetch: directFetch as Fetch };
  const route = chooseProxyRoute(env, runtime ?? currentRuntime());
  const message = describeRoute(route, env);
  if (route.kind === 'node') route.setGlobal?.();
  if (route.kind === 'agent') return { fetch: agentFetch(env), message };
  return message ? { message } : {};
}
