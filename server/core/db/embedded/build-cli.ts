/** `npm run db:build`: sets up the embedded database ahead of time (CI does this before the tests). */
import { EmbeddedDbError, ensureEmbeddedDbBuilt } from './launcher.js';

try {
  const dir = await ensureEmbeddedDbBuilt((line) => console.log(line));
  console.log(`Embedded database ready to start from ${dir}`);
} catch (error) {
  console.error(error instanceof EmbeddedDbError ? error.message : error);
  process.exit(1);
}
