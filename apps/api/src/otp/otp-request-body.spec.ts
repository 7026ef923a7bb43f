import { ProfitError } from '#guard';
import { parseOtpRequestBody, parseOtpValidationBody } from './otp-request-body.js';

const KEY = '0123456789ABCDEF0123456789abcdef';
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProfitError);
    return { status: (error as ProfitError).getStatus(), message: (error as ProfitError).body.externalMessage };
  }
  throw new Error('expected a refusal');
};

describe('parseOtpRequestBody', () => {
  it('matches field names without regard to case, lowercases the keys and trims the user', () => {
    expect(parseOtpRequestBody(`{"APIKEY":"${KEY}","apitoken":"${KEY}","userid":" JDoe@Example.com ","Description":" iPhone "}`)).toEqual({
      apiKey: KEY.toLowerCase(),
      apiToken: KEY.toLowerCase(),
      userId: 'JDoe@Example.com',
      description: 'iPhone',
    });
  });

  it('names a default device when none is given, and ignores unknown fields', () => {
    expect(parseOtpRequestBody(`{"apiKey":"${KEY}","apiToken":"${KEY}","userId":"12345.jdoe","extra":1}`).description).toBe('Token requested by one-time password');
  });

  it.each([
    ['', 'The body must be a JSON object'],
    [undefined, 'The body must be a JSON object'],
    ['null', 'The body must be a JSON object'],
    [`{"apiKey":"${KEY}","apiToken":"${KEY}"}`, 'userId must be'],
    [`{"apiKey":"${KEY}","apiToken":"${KEY}","userId":42}`, 'userId must be'],
    [`{"apiKey":"${KEY}x","apiToken":"${KEY}","userId":"a"}`, 'apiKey must be'],
    [`{"apiKey":"${KEY}","apiToken":"","userId":"a"}`, 'apiToken must be'],
    [`{"apiKey":"${KEY}","apiToken":"${KEY}","userId":"a","description":"\\u202e"}`, 'invisible formatting characters'],
    [`{"apiKey":"${KEY}","ApiKey":"${KEY}","apiToken":"${KEY}","userId":"a"}`, 'given twice'],
  ])('refuses %j with 400 saying why', (body, reason) => {
    expect(refusal(() => parseOtpRequestBody(body))).toEqual({ status: 400, message: expect.stringContaining(reason) });
  });
});

describe('parseOtpValidationBody', () => {
  it('reads the 8-digit password', () => {
    expect(parseOtpValidationBody(`{"apiKey":"${KEY}","apiToken":"${KEY}","userId":"12345.jdoe","OTP":"01234567"}`).otp).toBe('01234567');
  });

  it.each(['"1234567"', '"123456789"', '12345678', '" 1234567"'])('refuses otp %s', (otp) => {
    const body = `{"apiKey":"${KEY}","apiToken":"${KEY}","userId":"12345.jdoe","otp":${otp}}`;
    expect(refusal(() => parseOtpValidationBody(body))).toEqual({ status: 400, message: expect.stringContaining('otp must be') });
  });
});
