import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AddIpRestriction, AppConnectorCommand } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import { created, ref, restrictionAdded } from './app-connector.fixtures.js';

const given = deciderSpec(appConnectorDecider);

const add = (
  restrictionId: string,
  access: 'allow' | 'deny',
  address: string,
  subnetMask?: string,
): AddIpRestriction => ({ type: 'AddIpRestriction', data: { restrictionId, access, address, subnetMask } });
const remove = (restrictionId: string): AppConnectorCommand => ({ type: 'RemoveIpRestriction', data: { restrictionId } });

describe('IP restrictions', () => {
  describe('AddIpRestriction', () => {
    it('adds a single IPv4 address as /32', () => {
      given([created]).when(add('r1', 'allow', '1.2.3.4')).then([restrictionAdded('r1', 'allow', '1.2.3.4/32')]);
    });

    it('adds an address with a subnet mask as the network CIDR', () => {
      given([created])
        .when(add('r1', 'deny', '192.168.1.10', '255.255.255.0'))
        .then([restrictionAdded('r1', 'deny', '192.168.1.0/24')]);
    });

    it('adds an IPv6 range in canonical form', () => {
      given([created])
        .when(add('r1', 'allow', '2001:DB8:0:0::1/32'))
        .then([restrictionAdded('r1', 'allow', '2001:db8::/32')]);
    });

    it('stores an IPv4-mapped IPv6 address as IPv4', () => {
      given([created]).when(add('r1', 'allow', '::ffff:1.2.3.4')).then([restrictionAdded('r1', 'allow', '1.2.3.4/32')]);
    });

    it('adds more lines with the same access', () => {
      given([created, restrictionAdded('r1', 'allow', '1.2.3.4/32')])
        .when(add('r2', 'allow', '10.0.0.0/8'))
        .then([restrictionAdded('r2', 'allow', '10.0.0.0/8')]);
    });

    it('refuses a deny line beside allow lines, saying to choose one', () => {
      const error = given([created, restrictionAdded('r1', 'allow', '1.2.3.4/32')])
        .when(add('r2', 'deny', '5.6.7.8'))
        .thenThrows('rule_violated', 'ip_restriction_access_mixed', 'access');
      expect(error.message).toContain('choose either to allow or to exclude IP addresses');
    });

    it('refuses an allow line beside deny lines', () => {
      given([created, restrictionAdded('r1', 'deny', '1.2.3.4/32')])
        .when(add('r2', 'allow', '5.6.7.8'))
        .thenThrows('rule_violated', 'ip_restriction_access_mixed', 'access');
    });

    it('allows the other access once every line is removed', () => {
      given([
        created,
        restrictionAdded('r1', 'deny', '1.2.3.4/32'),
        { type: 'IpRestrictionRemoved', data: { ...ref, restrictionId: 'r1', cidr: '1.2.3.4/32' } },
      ])
        .when(add('r2', 'allow', '1.2.3.4'))
        .then([restrictionAdded('r2', 'allow', '1.2.3.4/32')]);
    });

    it('refuses the same range twice, however it is written', () => {
      given([created, restrictionAdded('r1', 'allow', '10.0.0.0/8')])
        .when(add('r2', 'allow', '10.9.8.7', '255.0.0.0'))
        .thenThrows('conflict', 'ip_restriction_duplicate', 'address');
    });

    it('refuses a restriction id that is taken', () => {
      given([created, restrictionAdded('r1', 'allow', '10.0.0.0/8')])
        .when(add('r1', 'allow', '1.2.3.4'))
        .thenThrows('conflict', 'ip_restriction_id_taken', 'restrictionId');
    });

    it.each([
      [add('r1', 'allow', 'not-an-ip'), 'ip_address_invalid', 'address'],
      [add('r1', 'allow', '10.0.0.0/33'), 'ip_prefix_out_of_range', 'address'],
      [add('r1', 'allow', '10.0.0.0', '255.0.255.0'), 'ip_subnet_mask_not_contiguous', 'subnetMask'],
      [add('r1', 'allow', '2001:db8::', '255.255.0.0'), 'ip_subnet_mask_with_ipv6', 'subnetMask'],
      [add('r1', 'allow', '10.0.0.0/8', '255.0.0.0'), 'ip_subnet_mask_with_prefix', 'subnetMask'],
      [add('r1', 'maybe' as 'allow', '1.2.3.4'), 'access_invalid', 'access'],
      [add('', 'allow', '1.2.3.4'), 'restrictionId_invalid', 'restrictionId'],
    ])('refuses %j', (command, code, field) => {
      given([created]).when(command).thenThrows('invalid', code, field);
    });
  });

  describe('RemoveIpRestriction', () => {
    it('removes a restriction', () => {
      given([created, restrictionAdded('r1', 'allow', '10.0.0.0/8')])
        .when(remove('r1'))
        .then([{ type: 'IpRestrictionRemoved', data: { ...ref, restrictionId: 'r1', cidr: '10.0.0.0/8' } }]);
    });

    it('refuses an unknown restriction', () => {
      given([created]).when(remove('r1')).thenThrows('not_found', 'ip_restriction_not_found');
    });
  });
});
