/**
 * The functions' side of the database connection (src/lib/store/db.ts): a
 * connection the server drops is logged with its stack (never its message,
 * which may quote values) instead of crashing the worker.
 */
import { reportPoolErrors } from '../../src/lib/store/db.ts';
import { logUnexpected } from './log.ts';

reportPoolErrors((error) => logUnexpected('-', error, 'database-connection-lost'));
