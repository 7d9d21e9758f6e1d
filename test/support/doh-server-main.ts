// Runs the project's DoH fixture server as its own process (for the bench, so
// that the server's work does not share the client's event loop, as a real
// resolver would not):  tsx test/support/doh-server-main.ts ZONE.json DELAY_MS
// Prints the URL on the first line of stdout; stops on SIGTERM or when stdin closes.

import { readFileSync } from 'node:fs';
import { startDohServer } from './doh-server';

const [zoneFile, delay] = process.argv.slice(2);
const zone = JSON.parse(readFileSync(zoneFile, 'utf8'));
const server = await startDohServer({ zone, delay: Number(delay ?? 0) });
process.stdout.write(server.url + '\n');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
