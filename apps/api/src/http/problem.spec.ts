import { BadRequestException } from '@nestjs/common';
import { conflict, invalid, notFound, ruleViolated } from '#domain';
import { WrongExpectedRevisionError } from '#event-store';
import { PreconditionFailedError } from '#application';
import { toProblem, ValidationFailedError } from './problem.js';

describe('toProblem', () => {
  it.each([
    [invalid('x_invalid', 'bad x', 'x'), 400],
    [notFound('x_not_found', 'no x'), 404],
    [conflict('x_exists', 'x exists'), 409],
    [ruleViolated('x_rule', 'rule'), 422],
    [new PreconditionFailedError('s', 1, 2), 412],
    [new WrongExpectedRevisionError('s', 1, 2), 409],
    [new ValidationFailedError([{ field: 'name', message: 'required' }]), 400],
    [new BadRequestException('nope'), 400],
    [Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), 400],
    [new Error('boom'), 500],
  ])('maps %s to %i', (error, status) => {
    expect(toProblem(error).status).toBe(status);
  });

  it('keeps the domain code and field, and hides internal error text', () => {
    expect(toProblem(invalid('ip_address_invalid', 'not an IP address', 'address'))).toMatchObject({
      code: 'ip_address_invalid',
      detail: 'not an IP address',
      errors: [{ field: 'address', message: 'not an IP address' }],
    });
    expect(toProblem(new Error('secret internals')).detail).not.toContain('secret');
  });

  it('gives a validation failure its own code when it has one', () => {
    expect(toProblem(new ValidationFailedError([{ field: 'limit', message: 'too big' }])).code).toBe('validation_failed');
    expect(toProblem(new ValidationFailedError([{ field: 'cursor', message: 'foreign' }], 'invalid_cursor'))).toMatchObject({
      status: 400,
      code: 'invalid_cursor',
      type: 'urn:app-connectors:problem:invalid_cursor',
      errors: [{ field: 'cursor', message: 'foreign' }],
    });
  });
});
