import { pino, type Logger } from 'pino';

/**
 * JSON logs. Request lines carry method, url, status and client address only: headers and bodies
 * (tokens, keys) are never logged; the redaction is a second line of defence.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'token', 'environmentKey', '*.token', '*.environmentKey'],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
