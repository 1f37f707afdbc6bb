import { loggableError } from "../observability/loggable-error.js";
import { logger } from "../observability/logger.js";
/**
 * Work that follows a response instead of delaying it (triage after a ticket is stored). Bounded: a few tasks run at
 * once so they never take the pool from requests, and past maxQueued a task is dropped, to be picked up by its
 * sweeper from the database. Tracked, so that this process's reads and its shutdown can wait for what is pending.
 */
export interface BackgroundQueue {
  defer(label: string, task: () => Promise<unknown>): void;
  /** Resolves when every task deferred before the call has finished (later ones are not waited for). */
  settled(): Promise<void>;
  readonly pending: number;
}

export function createBackgroundQueue(options: { concurrency?: number; maxQueued?: number } = {}): BackgroundQueue {
  const concurrency = options.concurrency ?? 2;
  const maxQueued = options.maxQueued ?? 1000;
  const queued: { label: string; task: () => Promise<unknown>; done: () => void }[] = [];
  const unfinished = new Set<Promise<void>>();
  let active = 0;

  const pump = () => {
    while (active < concurrency && queued.length > 0) {
      const next = queued.shift()!;
      active++;
      next
        .task()
        .catch((error) => logger.error({ task: next.label, error: loggableError(error) }, "background task failed"))
        .finally(() => {
          active--;
          next.done();
          pump();
        });
    }
  };

  return {
    defer(label, task) {
      if (queued.length >= maxQueued) return;
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      unfinished.add(finished);
      queued.push({
        label,
        task,
        done: () => {
          unfinished.delete(finished);
          done();
        },
      });
      pump();
    },
    async settled() {
      if (unfinished.size > 0) await Promise.all([...unfinished]);
    },
    get pending() {
      return unfinished.size;
    },
  };
}

/** The process's queue: one per process, like its connection pool. */
export const background = createBackgroundQueue();
