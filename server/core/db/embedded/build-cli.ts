/** `npm run db:build`: builds the embedded database ahead of time (CI does this before the tests). */
import { EmbeddedDbError, ensureEmbeddedDbBinary } from './launcher.js';

try {
  const binary = await ensureEmbeddedDbBinary((line) => console.log(line));
  console.log(`Embedded database binary: ${binary}`);
} catch (error) {
  console.error(error instanceof EmbeddedDbError ? error.message : error);
  process.exit(1);
}
