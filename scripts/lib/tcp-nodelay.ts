/**
 * TCP servers in this process answer without Nagle's delay. Preloaded into
 * `netlify dev` (`node --import`, by scripts/lib/netlify-dev.ts and the
 * `start` and `dev` scripts) and imported by scripts/lib/database.ts, the two
 * places that run Netlify Database's local emulation.
 *
 * Why: the emulation (@netlify/database-dev 1.0.1, the one inside netlify-cli
 * 27) writes its answer to each message of Postgres's extended protocol
 * (parse, bind, execute, sync) as a separate small packet on a socket that
 * keeps Nagle's algorithm on, so every query with parameters waits for the
 * client's delayed acknowledgement: measured on this machine, `SELECT $1`
 * took 46 ms a query, 3.3 ms with the server's sockets set to no-delay; the
 * query-plan tests' 3,000 audit inserts took 130 s. Queries without parameters
 * (one packet) were never slowed. The deployed Netlify Database is a real
 * Postgres server and is not affected.
 *
 * How: net.createServer gets `noDelay: true` unless the caller says otherwise;
 * syncBuiltinESMExports makes modules that imported `createServer` by name
 * (the emulation does) see the same function.
 */
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';

const original = net.createServer;

function createServer(
  options?: net.ServerOpts | ((socket: net.Socket) => void),
  listener?: (socket: net.Socket) => void,
): net.Server {
  if (typeof options === 'function' || options === undefined) return original({ noDelay: true }, options);
  return original({ noDelay: true, ...options }, listener);
}

if (net.createServer !== createServer) {
  net.createServer = createServer as typeof net.createServer;
  syncBuiltinESMExports();
}
