import type { ServerManager } from '../../config/server-manager.js';

/**
 * The configurations one command line opened. The runner closes the scope in a `finally` once
 * the command has ended, so a writer's lock is released whether it committed, failed before
 * committing, or threw.
 */
export class CommandScope {
  private readonly managers: ServerManager[] = [];

  add(manager: ServerManager): ServerManager {
    this.managers.push(manager);
    return manager;
  }

  close(): void {
    for (const m of this.managers.splice(0)) m.close();
  }
}
