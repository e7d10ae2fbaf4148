import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SANDBOX_HOST } from './sandbox-settings';

/**
 * The sandbox's HTTP server on 127.0.0.1: binding, and a close that frees the port at once. It
 * tracks every socket because `server.close()` alone waits for idle keep-alive and stalled
 * connections, which would keep jest alive and the port taken.
 */
export class SandboxServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private listeningPort = 0;

  constructor(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    this.server = createServer(handler);
    this.server.on('connection', (socket: Socket) => this.trackSocket(socket));
  }

  /** The bound port; 0 before {@link listen} resolved. */
  get port(): number {
    return this.listeningPort;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://${SANDBOX_HOST}:${this.listeningPort}`;
  }

  /** Binds to 127.0.0.1 only; port 0 lets the OS pick a free one. */
  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, SANDBOX_HOST, () => {
        this.server.off('error', onError);
        this.listeningPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Stops listening and destroys every socket, idle keep-alive and stalled ones too. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    this.sockets.forEach((socket) => socket.destroy());
    await closed;
  }

  private trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
