import { isIPv4, isIPv6 } from 'node:net';
import type { Request } from 'express';

/**
 * Who is calling, for throttling and rate limits: Express's `req.ip` (the forwarded address when
 * TRUST_PROXY trusts the proxy in front). An IPv6 client is its /64, which one subscriber usually
 * holds whole, so rotating through its own addresses gains nothing; an IPv4-mapped address is IPv4.
 */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  // Most callers: IPv4 is checked first, its pattern being far cheaper than IPv6's.
  if (isIPv4(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  return isIPv6(ip) ? `${ipv6Groups(ip).slice(0, 4).join(':')}::/64` : ip;
}

/** The eight groups of an IPv6 address, `::` expanded (zone ids dropped). */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
