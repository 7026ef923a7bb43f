import { BlockList } from 'node:net';
import type { ClientAddress, IpAccess, IpFamily } from '#domain';

export type IpRule = { readonly access: IpAccess; readonly cidr: string; readonly family: IpFamily };

type FamilyLists = { readonly ipv4: BlockList; readonly ipv6: BlockList };

/**
 * A connector's IP restriction lines, compiled once per change so that a request costs two
 * `BlockList.check` calls (C++). One list per family and access mode: Node's BlockList matches an
 * IPv4 address against IPv6 subnets too (`::/0` contains every IPv4 address), while an
 * administrator who wrote an IPv6 line meant IPv6 clients only.
 */
export class IpRules {
  static readonly NONE = new IpRules([]);

  private readonly allow: FamilyLists;
  private readonly deny: FamilyLists;
  private readonly hasAllowLines: boolean;
  private readonly hasDenyLines: boolean;

  constructor(rules: readonly IpRule[]) {
    this.allow = compile(rules.filter((rule) => rule.access === 'allow'));
    this.deny = compile(rules.filter((rule) => rule.access === 'deny'));
    this.hasAllowLines = rules.some((rule) => rule.access === 'allow');
    this.hasDenyLines = rules.some((rule) => rule.access === 'deny');
  }

  get restricted(): boolean {
    return this.hasAllowLines || this.hasDenyLines;
  }

  /**
   * Deny wins over allow (the domain forbids mixing them, but the index does not rely on it). An
   * unknown client address passes only a connector without lines: failing closed is the safe side.
   */
  permits(client: ClientAddress | null): boolean {
    if (!this.restricted) return true;
    if (client === null) return false;
    if (this.hasDenyLines && this.deny[client.family].check(client.address, client.family)) return false;
    return !this.hasAllowLines || this.allow[client.family].check(client.address, client.family);
  }
}

function compile(rules: readonly IpRule[]): FamilyLists {
  const lists = { ipv4: new BlockList(), ipv6: new BlockList() };
  for (const { cidr, family } of rules) {
    const [network = '', prefix = ''] = cidr.split('/');
    lists[family].addSubnet(network, Number(prefix), family);
  }
  return lists;
}
