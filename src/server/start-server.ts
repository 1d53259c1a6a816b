/**
 * Runs the app on a Node HTTP server: listens on `host:port` (port 0 picks a free one) and
 * says where; `close()` stops accepting, ends idle keep-alive connections and waits for the
 * server to close. The app is made once the port is known, so that it accepts loopback names
 * with that port only; a specific address or name it listens on is accepted too. A large memoized
 * JSON answer goes gzipped to a client that accepts gzip (`contentCoded`).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { PlateauApp } from './app.ts';
import type { Store } from '../storage/index.ts';
import type { AppOptions } from './app.ts';
import { createApp } from './app.ts';
import { contentCoded } from './json-response.ts';
import { acceptedHosts, LOOPBACK_HOSTS, publicHost } from './origin-guard.ts';

export interface StartServerOptions extends Omit<AppOptions, 'store'> {
  store: Store;
  port: number;
  /** Default `127.0.0.1` (this machine only). */
  host?: string;
}

export interface RunningServer {
  /** `http://host:port/`. */
  url: string;
  port: number;
  /** The host names (with port) requests may be addressed to; others are answered 421. */
  hosts: string[];
  close(): Promise<void>;
}

/**
 * Starts serving the API (and the web app when `webRoot` is given).
 *
 * @example
 * const server = await startServer({ store, port: 0, webRoot: 'dist/web' });
 * console.log(server.url); // http://127.0.0.1:43017/
 * await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { port, host = '127.0.0.1', ...appOptions } = options;
  const listened = isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
  const wildcard = host === '0.0.0.0' || host === '::';
  const ownName =
    !wildcard && !(LOOPBACK_HOSTS as readonly string[]).includes(listened)
      ? publicHost(listened)
      : null;
  const publicHosts = [...(appOptions.publicHosts ?? []), ...(ownName ? [ownName] : [])];
  let app: PlateauApp | null = null;
  const server = createAdaptorServer({
    fetch: async (request: Request, env: unknown) =>
      contentCoded(request, await (app as PlateauApp).fetch(request, env)),
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // Made here, before any connection can be handled, once the port is known.
      try {
        app = createApp({
          ...appOptions,
          publicHosts,
          port: (server.address() as AddressInfo).port,
        });
        resolve();
      } catch (error) {
        server.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : shown}:${address.port}/`,
    port: address.port,
    hosts: acceptedHosts({ port: address.port, publicHosts }),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Requests under way get a moment; then their connections are cut.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
