import { z } from 'zod';

/** An instant with its offset, e.g. 2025-03-01T12:00:00Z or 2025-03-01T13:00:00.250+01:00. */
export const AsOfTime = z.iso.datetime({ offset: true }).describe('ISO-8601 date and time with Z or an offset');
