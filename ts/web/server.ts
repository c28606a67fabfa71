// A static file server (node:http) for the built page, on 127.0.0.1 only. GET/HEAD of files under the root;
// anything else is 404 (unknown path) or 405 (other methods). A port that cannot be listened on is a
// UserError naming the port and why.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { UserError } from '../util/errors.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** The file a URL path names under root, or undefined (outside root, missing, or a folder without index.html). */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const base = resolve(root);
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function listenError(port: number, e: NodeJS.ErrnoException): UserError {
  if (e.code === 'EADDRINUSE') return new UserError(`serve: port ${port} is already in use; choose another with --port`);
  if (e.code === 'EACCES') return new UserError(`serve: port ${port} needs privileges; use a port above 1023`);
  return new UserError(`serve: cannot listen on 127.0.0.1:${port} (${e.code ?? e.message})`);
}

/** Serve root on 127.0.0.1:port (0 = any free port). Resolves once listening. */
export function serveFolder(root: string, port: number): Promise<RunningServer> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new UserError(`serve: port ${port} is not a whole number from 0 to 65535`));
  }
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end(`405 method ${req.method} not allowed\n`);
      return;
    }
    const file = resolveRequestPath(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`404 not found: ${req.url}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(port, e)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        server,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
