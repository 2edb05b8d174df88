import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

// Removed when the test file's process ends rather than after each test: a test may hand its
// folder on (fixtures, cached copies), and a failed assertion would skip a per-test cleanup.
function removeAll(): void {
  for (const dir of created) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test left read-only (for a user other than root) cannot lose its entries.
      try {
        chmodSync(dir, 0o700);
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // Cleanup must never turn a passing run into a failing one.
      }
    }
  }
}

/** A fresh folder in the system's temporary folder, removed when the process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (created.push(dir) === 1) process.on('exit', removeAll);
  return dir;
}
