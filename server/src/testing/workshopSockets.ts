import { WORKSHOP_CLIENT_EVENTS, type WorkshopAck } from '@polisee/contracts';
import type { TestClient } from './httpClient.js';
import { connectSocket, type TestSocket } from './socketClient.js';

/** A test socket that also keeps every raw packet it received (events and acks alike). */
export type WorkshopSocket = TestSocket & {
  raw: string[];
  ask<T = Record<string, unknown>>(event: string, payload: unknown): Promise<WorkshopAck<T>>;
  /** Resolves with the first event of that name received from `since` (an index in `received`). */
  next<T = unknown>(event: string, since?: number, match?: (payload: T) => boolean): Promise<T>;
};

export async function connectWorkshopSocket(
  baseUrl: string,
  client: TestClient,
): Promise<WorkshopSocket> {
  const socket = (await connectSocket(baseUrl, client.sessionCookie)) as WorkshopSocket;
  socket.raw = [];
  // The engine's packets, before socket.io decodes them: exactly what crossed the wire.
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (typeof packet.data === 'string') socket.raw.push(packet.data);
  });
  socket.ask = (event, payload) =>
    new Promise((resolve) =>
      (socket.emit as (e: string, p: unknown, ack: (r: never) => void) => void)(
        event,
        payload,
        resolve,
      ),
    );
  socket.next = (event, since = 0, match = () => true) =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + 10_000;
      const look = () => {
        const hit = socket.received
          .slice(since)
          .find((r) => r.event === event && match(r.payload as never));
        if (hit) return resolve(hit.payload as never);
        if (Date.now() > deadline) return reject(new Error(`no ${event} arrived`));
        setTimeout(look, 10);
      };
      look();
    });
  return socket;
}

export async function joinWorkshop(socket: WorkshopSocket, workshopId: string) {
  const ack = await socket.ask<{ workshop: { status: string } }>(WORKSHOP_CLIENT_EVENTS.join, {
    workshopId,
  });
  if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
  return ack;
}
