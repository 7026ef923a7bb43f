import type { ClientAddress, IpAccess, IpFamily } from '#domain';
import { CidrSet } from '../client-address/cidr-set.js';

/** Shared by every connector without lines of a kind (most have allow lines only, or none): never added to. */
const NO_CIDRS = new CidrSet();

export type IpRule = { readonly access: IpAccess; readonly cidr: string; readonly family: IpFamily };

/**
 * A connector's IP restriction lines, compiled once per change. An IPv6 line says nothing about
 * IPv4 clients: an administrator who wrote an IPv6 line meant IPv6 clients only.
 */
export class IpRules {
  static readonly NONE = new IpRules([]);

  private readonly allow: CidrSet;
  private readonly deny: CidrSet;

  constructor(rules: readonly IpRule[]) {
    this.allow = compile(rules.filter((rule) => rule.access === 'allow'));
    this.deny = compile(rules.filter((rule) => rule.access === 'deny'));
  }

  get restricted(): boolean {
    return !this.allow.empty || !this.deny.empty;
  }

  /**
   * Deny wins over allow (the domain forbids mixing them, but the index does not rely on it). An
   * unknown client address passes only a connector without lines: failing closed is the safe side.
   */
  permits(client: ClientAddress | null): boolean {
    if (!this.restricted) return true;
    if (client === null) return false;
    if (this.deny.has(client)) return false;
    return this.allow.empty || this.allow.has(client);
  }
}

function compile(rules: readonly IpRule[]): CidrSet {
  if (rules.length === 0) return NO_CIDRS;
  const set = new CidrSet();
  for (const { cidr, family } of rules) set.add(cidr, family);
  return set;
}
