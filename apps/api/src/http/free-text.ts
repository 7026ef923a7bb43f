import { z } from 'zod';
import { forbiddenCharacterReason } from '#domain';

const RULE = 'no control characters (NUL, tab, line breaks …), line separators or invisible formatting characters (bidi marks and overrides, zero-width space)';

/**
 * Every name, description and e-mail address of an admin request. Refused here, before a command
 * runs, so that a multi-step command (the quick path) never stores its first steps; the domain
 * refuses the same characters on its own.
 */
const freeTextSchema = z.string().superRefine((text, context) => {
  const reason = forbiddenCharacterReason(text);
  if (reason !== null) context.addIssue({ code: 'custom', message: reason });
});

/** The free-text schema, described for OpenAPI with what the field is and the characters it refuses. */
export const freeText = (description: string) => freeTextSchema.describe(`${description}; ${RULE}`);
