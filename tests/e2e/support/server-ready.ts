/**
 * Setup file of every browser test file: waits until netlify dev, started by
 * global-setup.ts without waiting, answers; fails with its output if it did not start.
 */
import { inject } from 'vitest';
import { awaitAnnounced } from '../../support/handshake.ts';

await awaitAnnounced(inject('serverStatus'), 'netlify dev 启动');
