/**
 * Runs the app on a Node HTTP server: listens on `host:port` (port 0 picks a free one) and
 * says where; `close()` stops accepting, ends idle keep-alive connections and waits for the
 * server to close.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Store } from '../storage/index.ts';
import type { AppOptions } from './app.ts';
import { createApp } from './app.ts';

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
  const app = createApp(appOptions);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : shown}:${address.port}/`,
    port: address.port,
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
