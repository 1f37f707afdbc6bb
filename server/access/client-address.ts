import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";

/**
 * HANDOFF_TRUST_PROXY: how many reverse proxies stand in front (a hop count), or which addresses are proxies (CIDRs,
 * comma-separated). Without it X-Forwarded-For is ignored: any client can write that header.
 */
export type TrustProxy = { hops: number } | { cidrs: BlockList } | undefined;

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim();
  if (!text || text === "false" || text === "0") return undefined;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  if (text === "true") return { hops: 1 };
  const cidrs = new BlockList();
  for (const part of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = part.split("/");
    const type = isIPv6(address!) ? "ipv6" : "ipv4";
    if (!isIPv4(address!) && !isIPv6(address!))
      throw new Error(`HANDOFF_TRUST_PROXY: "${part}" is not an address or CIDR`);
    cidrs.addSubnet(address!, Number(prefix ?? (type === "ipv6" ? 128 : 32)), type);
  }
  return { cidrs };
}

/**
 * The client address: the socket's, or, behind trusted proxies, the first X-Forwarded-For entry that is not one of
 * them. IPv6 addresses count per /64, the block one customer usually holds.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const socket = incoming?.socket?.remoteAddress ?? "local";
  const trust = c.get("config")?.trustProxy;
  const forwarded = c.req.header("x-forwarded-for");
  if (!trust && forwarded && !warnedUntrustedProxy && isPrivate(socket)) warnUntrustedProxy(socket);
  return perBlock(trust ? forwardedClient(socket, forwarded, trust) : socket);
}

let warnedUntrustedProxy = false;

/**
 * A proxy on the private network forwards requests, but nobody said to trust it: every agent's login and every
 * customer's ticket then count against the proxy's one address (10 logins in 15 minutes for the whole team). Said
 * once per process, to the operator, with the fix.
 */
function warnUntrustedProxy(socket: string) {
  warnedUntrustedProxy = true;
  console.warn(
    `[rate-limit] requests arrive from ${unmapped(socket)} with X-Forwarded-For, but HANDOFF_TRUST_PROXY is not set: ` +
      "every client counts as that one address for rate limits (logins, widget). Set HANDOFF_TRUST_PROXY=1 behind " +
      "one reverse proxy (or the proxies' CIDRs).",
  );
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["127.0.0.0", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");
PRIVATE.addAddress("::1", "ipv6");

function isPrivate(socket: string): boolean {
  const address = unmapped(socket);
  if (isIPv4(address)) return PRIVATE.check(address, "ipv4");
  return isIPv6(address) && PRIVATE.check(address, "ipv6");
}

function forwardedClient(socket: string, header: string | undefined, trust: NonNullable<TrustProxy>): string {
  const chain = [
    ...(header ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = unmapped(chain[i]!);
    const type = isIPv6(address) ? "ipv6" : isIPv4(address) ? "ipv4" : undefined;
    if (!type || !trust.cidrs.check(address, type)) return address;
  }
  return chain[0]!;
}

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

function perBlock(address: string): string {
  const plain = unmapped(address);
  if (!isIPv6(plain)) return plain;
  // The first four groups of the expanded address: the /64.
  const [head = "", tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).join(":")}::/64`;
}
