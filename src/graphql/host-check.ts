/**
 * DNS rebinding defence. A web page on evil.example can make a browser resolve evil.example to
 * 127.0.0.1 and then POST to the local server: the request reaches us with `Host: evil.example`.
 * A server bound to loopback is only meant to be reached as localhost, 127.x.x.x or [::1], so any
 * other Host is refused before routing. Other deployments list their names in
 * ACCESSQL_ALLOWED_HOSTS (a non-empty list is enforced on any bind).
 */
import { isIP } from 'node:net';

/** True for a bind address that only this machine can reach. */
export function isLoopbackBind(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** Splits a Host header into name and port ("[::1]:4000" → ["::1", "4000"]); undefined when malformed. */
export function splitHostHeader(header: string): { name: string; port?: string } | undefined {
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(h);
  if (!m) return undefined;
  return { name: m[1]!.replace(/^\[|\]$/g, ''), port: m[2] };
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

export interface HostPolicy {
  /** Enforce at all (loopback bind, or an allow-list configured). */
  enforced: boolean;
  allowed(header: string | undefined, port: number): boolean;
}

export function hostPolicy(bindHost: string, allowedHosts: readonly string[]): HostPolicy {
  const enforced = isLoopbackBind(bindHost) || allowedHosts.length > 0;
  const listed = allowedHosts.map((a) => splitHostHeader(a)).filter((a): a is { name: string; port?: string } => a !== undefined);
  return {
    enforced,
    allowed(header, port) {
      if (!enforced) return true;
      if (!header) return false;
      const h = splitHostHeader(header);
      if (!h) return false;
      // Loopback names must carry this server's port (or none): another local port is another origin.
      if (isLoopbackName(h.name)) return h.port === undefined || h.port === String(port);
      return listed.some((a) => a.name === h.name && (a.port === undefined || a.port === h.port));
    },
  };
}
