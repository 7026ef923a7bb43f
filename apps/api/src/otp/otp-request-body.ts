import { forbiddenCharacterReason } from '#domain';
import { ProfitError } from '#guard';

/** The device a token is for when the request names none. */
const DEFAULT_DEVICE = 'Token requested by one-time password';

export interface OtpRequestBody {
  /** The app connector's public key, lowercase. */
  readonly apiKey: string;
  /** The environment key, lowercase. */
  readonly apiToken: string;
  /** A user id (`12345.jdoe`) or an e-mail address. */
  readonly userId: string;
  readonly description: string;
}

export interface OtpValidationBody extends Omit<OtpRequestBody, 'description'> {
  readonly otp: string;
}

const HEX_32 = /^[0-9a-fA-F]{32}$/;
const OTP = /^\d{8}$/;

/**
 * The body of `OtpRequest`: JSON whatever the content type says (real clients send text/plain or
 * none), field names in any case. Throws a 400 in Profit's shape naming what is wrong.
 */
export function parseOtpRequestBody(text: unknown): OtpRequestBody {
  const fields = jsonFields(text, ['apikey', 'apitoken', 'userid', 'description']);
  const description = fields.get('description');
  if (description !== undefined) requireDescription(description);
  return { ...credentials(fields), description: typeof description === 'string' ? description.trim() : DEFAULT_DEVICE };
}

export function parseOtpValidationBody(text: unknown): OtpValidationBody {
  const fields = jsonFields(text, ['apikey', 'apitoken', 'userid', 'otp']);
  const otp = fields.get('otp');
  if (typeof otp !== 'string' || !OTP.test(otp)) throw badRequest('otp must be the 8 digits of the one-time password, as a string');
  return { ...credentials(fields), otp };
}

function credentials(fields: ReadonlyMap<string, unknown>): Omit<OtpRequestBody, 'description'> {
  const apiKey = fields.get('apikey');
  const apiToken = fields.get('apitoken');
  const userId = fields.get('userid');
  if (typeof apiKey !== 'string' || !HEX_32.test(apiKey)) throw badRequest('apiKey must be the 32 hexadecimal characters of the app connector key');
  if (typeof apiToken !== 'string' || !HEX_32.test(apiToken)) throw badRequest('apiToken must be the 32 hexadecimal characters of the environment key');
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 320) {
    throw badRequest('userId must be a user id (12345.jdoe) or an e-mail address, at most 320 characters');
  }
  return { apiKey: apiKey.toLowerCase(), apiToken: apiToken.toLowerCase(), userId: userId.trim() };
}

function requireDescription(value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 255) throw badRequest('description must be a text of 1 to 255 characters');
  const reason = forbiddenCharacterReason(value);
  if (reason !== null) throw badRequest(`description ${reason}`);
}

/** The object's fields by lowercased name; two spellings of one name are refused rather than one picked. */
function jsonFields(text: unknown, known: readonly string[]): ReadonlyMap<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof text === 'string' ? text : '');
  } catch {
    throw badRequest('The body must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The body must be a JSON object');
  const fields = new Map<string, unknown>();
  for (const [name, value] of Object.entries(parsed)) {
    const key = name.toLowerCase();
    if (!known.includes(key)) continue;
    if (fields.has(key)) throw badRequest(`The field ${key} is given twice (field names are matched without regard to case)`);
    fields.set(key, value);
  }
  return fields;
}

const badRequest = (message: string) => new ProfitError(400, message, 'otp_body_invalid');
