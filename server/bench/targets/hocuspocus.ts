/**
 * Hocuspocus with its defaults (no extensions, so no persistence; documents live while a client
 * is connected), on 127.0.0.1 and a port the OS picks, printed for the bench.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`);
