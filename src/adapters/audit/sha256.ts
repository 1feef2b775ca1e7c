import { createHash } from 'node:crypto';
import type { HashFn } from '../../domain/audit.js';

/** The audit chain's hash: sha256 of the UTF-8 text, as 64 lower-case hex characters. */
export const sha256: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
