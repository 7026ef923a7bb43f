import { conflict, invalid, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireLocalId } from '../shared/validation.js';
import { parseIpRange } from '../ip/ip-range.js';
import type { AddIpRestriction, RemoveIpRestriction } from './app-connector.commands.js';
import type { IpRestrictionAdded, IpRestrictionRemoved } from './app-connector.events.js';
import { connectorRef, type AppConnector, type IpAccess } from './app-connector.state.js';

const ACCESS: readonly string[] = ['allow', 'deny'] satisfies IpAccess[];

export function addIpRestriction(data: AddIpRestriction['data'], state: AppConnector): IpRestrictionAdded[] {
  const restrictionId = requireLocalId(data.restrictionId, 'restrictionId');
  if (!ACCESS.includes(data.access)) throw invalid('access_invalid', 'access must be "allow" or "deny"', 'access');
  const { cidr, family } = parseIpRange(data.address, data.subnetMask);
  const other = state.ipRestrictions.find((r) => r.access !== data.access);
  if (other !== undefined) {
    throw ruleViolated(
      'ip_restriction_access_mixed',
      `this app connector already ${other.access === 'allow' ? 'allows' : 'excludes'} IP addresses; ` +
        'choose either to allow or to exclude IP addresses, not both',
      'access',
    );
  }
  if (state.ipRestrictions.some((r) => r.restrictionId === restrictionId)) {
    throw conflict('ip_restriction_id_taken', `restriction ${restrictionId} already exists`, 'restrictionId');
  }
  if (state.ipRestrictions.some((r) => r.cidr === cidr)) {
    throw conflict('ip_restriction_duplicate', `${cidr} is already on this app connector`, 'address');
  }
  return [{ type: 'IpRestrictionAdded', data: { ...connectorRef(state), restrictionId, access: data.access, cidr, family } }];
}

export function removeIpRestriction(data: RemoveIpRestriction['data'], state: AppConnector): IpRestrictionRemoved[] {
  const restriction = state.ipRestrictions.find((r) => r.restrictionId === data.restrictionId);
  if (restriction === undefined) {
    throw notFound('ip_restriction_not_found', `restriction ${data.restrictionId} does not exist`);
  }
  const { restrictionId, cidr } = restriction;
  return [{ type: 'IpRestrictionRemoved', data: { ...connectorRef(state), restrictionId, cidr } }];
}
