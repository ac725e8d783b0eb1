/**
 * Serves the built web client (client/dist): hashed assets cached for a
 * year, everything else revalidated, gzip for all of it, and index.html for
 * any other page a browser asks for (the client routes in the browser).
 * API, socket.io and health paths never fall back to the page.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';

const NOT_PAGES = /^\/(api|socket\.io|healthz|readyz)(\/|$)/;

export function webClient(dir: string): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return router;

  router.use(compression());
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.use(express.static(dir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  router.get(/.*/, (req, res, next) => {
    if (NOT_PAGES.test(req.path) || !req.get('accept')?.includes('text/html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { dotfiles: 'allow' });
  });
  return router;
}
