/** The project's root folder (where package.json is), for scripts and tests alike. */
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');
