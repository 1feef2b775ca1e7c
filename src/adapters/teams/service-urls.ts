/**
 * The Bot Connector addresses the bot answers to and sends to (config.botServiceUrls). An entry is
 * a URL prefix: scheme and host must match exactly, and the path must start with the entry's path
 * at a `/` boundary. An entry ending in `:` (such as `http://127.0.0.1:`) allows any port on that
 * host. Addresses are compared parsed, never as strings, so `https://smba.trafficmanager.net.evil/`
 * or `http://127.0.0.1:1@evil/` never pass as their look-alikes.
 */
export function isAllowedServiceUrl(candidate: unknown, allowed: readonly string[]): boolean {
  if (typeof candidate !== 'string' || candidate.length > 2000) return false;
  const url = parse(candidate);
  if (!url || url.username || url.password) return false;
  return allowed.some((entry) => matches(url, entry));
}

function parse(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

function matches(url: URL, entry: string): boolean {
  if (entry.endsWith(':')) {
    // Any port on this host: the local Playground and test connectors pick free ports.
    const base = parse(`${entry}1`);
    return !!base && url.protocol === base.protocol && url.hostname === base.hostname;
  }
  const base = parse(entry);
  if (!base || url.protocol !== base.protocol || url.host !== base.host) return false;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return path.startsWith(prefix);
}

/** Two service URLs name the same connector: equal once parsed (case of scheme and host aside). */
export function sameServiceUrl(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return false;
  const trim = (u: URL) => u.href.replace(/\/+$/, '');
  return trim(x) === trim(y);
}
