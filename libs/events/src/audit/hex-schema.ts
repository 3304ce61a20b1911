import { z } from 'zod';

/** Lowercase hex of an exact length: hashes, key ids. Internal to the audit formats (not re-exported). */
export const hexSchema = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
