/**
 * A real HTTP proxy on loopback, for the proxy tests: it tunnels `CONNECT host:port` (what undici's
 * ProxyAgent and Node's built-in proxy support send, for http and https targets alike) and forwards
 * absolute-form requests (`GET http://host/path`). It records the tunnels it opened and counts the
 * HTTP requests that went through them, so a test can prove every request took the proxy.
 *
 *   const proxy = await FakeProxy.start();   // proxy.url: http://127.0.0.1:<port>
 *   …  proxy.tunnels   // ['127.0.0.1:43121', …]
 *   …  proxy.requests  // request lines seen: ['GET /repos/octo/repo/pulls/7 HTTP/1.1', …]
 *   await proxy.close();
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';

/** A request line inside a tunnel; a request may follow the previous body on the same line. */
const REQUEST_LINE = /(?:GET|POST|PUT|PATCH|DELETE|HEAD) \/\S* HTTP\/1\.[01](?=\r\n)/g;

export class FakeProxy {
  /** `host:port` of every CONNECT tunnel opened. */
  readonly tunnels: string[] = [];
  private readonly forwarded: string[] = [];
  private readonly streams: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FakeProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('connection', (socket: Socket) => proxy.track(socket));
    server.on('connect', (req, client: Socket, head: Buffer) => proxy.tunnel(req.url ?? '', client, head));
    server.on('request', (req, res) => {
      // Absolute form: `GET http://host:port/path`.
      proxy.forwarded.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? '');
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    return proxy;
  }

  /** Every request line that went through the proxy, tunnelled or forwarded. */
  get requests(): string[] {
    const tunnelled = this.streams.flatMap((text) => text.match(REQUEST_LINE) ?? []);
    return [...tunnelled, ...this.forwarded];
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private tunnel(target: string, client: Socket, head: Buffer): void {
    this.tunnels.push(target);
    const index = this.streams.push('') - 1;
    const seen = (chunk: Buffer) => (this.streams[index] += chunk.toString('latin1'));
    const [host = '', port = '80'] = target.split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) {
        seen(head);
        upstream.write(head);
      }
      client.on('data', seen);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }
}
