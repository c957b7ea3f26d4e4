import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import path from 'node:path';
import {createGzip} from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.sh': 'text/x-shellscript; charset=utf-8',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Types GitHub Pages compresses; images and archives go as they are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.yaml', '.sh', '.txt']);

/**
 * Serves a built site under a sub-path the way GitHub Pages does: `dir/` serves `dir/index.html`,
 * `dir` redirects to `dir/`, anything else missing gets `404.html` with status 404. With `gzip`,
 * text is sent gzip-encoded to clients that accept it, as GitHub Pages does.
 */
export function startStaticServer(
  root: string,
  basePath: string,
  port = 0,
  options: {gzip?: boolean} = {},
): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith(basePath)) {
      response.writeHead(404, {'content-type': 'text/plain'}).end('outside the site base path');
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(basePath.length));
    const target = path.join(root, relative);
    if (!target.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, {location: `${url.pathname}/${url.search}`}).end();
        return;
      }
      return send(path.join(target, 'index.html'), 200);
    }
    if (existsSync(target)) return send(target, 200);
    return send(path.join(root, '404.html'), 404);

    function send(file: string, status: number): void {
      if (!existsSync(file)) {
        response.writeHead(404, {'content-type': 'text/plain'}).end('not found');
        return;
      }
      const extension = path.extname(file);
      const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (options.gzip && acceptsGzip && COMPRESSIBLE.has(extension)) {
        response.writeHead(status, {'content-type': contentType, 'content-encoding': 'gzip', vary: 'accept-encoding'});
        createReadStream(file).pipe(createGzip()).pipe(response);
        return;
      }
      response.writeHead(status, {'content-type': contentType});
      createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({server, origin: `http://127.0.0.1:${actualPort}`});
    });
  });
}
