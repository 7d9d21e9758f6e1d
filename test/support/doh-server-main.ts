// Runs the project's DoH fixture server as its own process (for the benches, so
// that the server's work does not share the client's event loop, as a real
// resolver would not):
//   tsx test/support/doh-server-main.ts ZONE.json DELAY_MS [--h2 [--cert-out FILE]]
// --h2 serves HTTP/2 over TLS with a throwaway certificate (as public resolvers do);
// --cert-out writes that certificate (PEM) to FILE, for a client's NODE_EXTRA_CA_CERTS.
// Prints the URL on the first line of stdout; stops on SIGTERM or when stdin closes.

import { readFileSync, writeFileSync } from 'node:fs';
import { startDohServer, throwawayCertificate } from './doh-server';

const args = process.argv.slice(2);
const certOut = args.includes('--cert-out') ? args[args.indexOf('--cert-out') + 1] : null;
const [zoneFile, delay] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--cert-out');
const zone = JSON.parse(readFileSync(zoneFile, 'utf8'));
const server = await startDohServer({ zone, delay: Number(delay ?? 0), h2: args.includes('--h2') });
if (certOut) writeFileSync(certOut, throwawayCertificate().cert);
process.stdout.write(server.url + '\n');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
