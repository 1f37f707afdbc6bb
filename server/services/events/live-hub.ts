import type { Db, DbKind } from "../../db/client.js";
import { type LiveFollower, mayFollow } from "../../access/live-scope.js";
import { listen, type Unlisten } from "./listen.js";
import { feedBounds, type FeedRow, readFeed } from "./read-feed.js";
import { pruneFeed, sequenceFeed } from "./sequence-feed.js";

/** How often the hub re-checks the feed without a NOTIFY: a lost wake-up costs at most this much delay. */
const FALLBACK_MS = 10_000;
/** The same when LISTEN is unavailable: the timer is then the only way to see other processes' writes. */
const NO_LISTEN_MS = 1_000;
const HEARTBEAT_MS = 20_000;
const PAGE = 500;
/** A follower further behind than this reloads instead of replaying. */
const MAX_REPLAY = 2_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export interface LiveSink {
  follower: LiveFollower;
  /** Writes a frame; false when the client cannot keep up (the hub then drops it). */
  write(row: FeedRow): boolean;
  /** Tells the client to reload everything (it was too far behind, or its position is unknown). */
  reset(): void;
  heartbeat(): void;
}

interface Subscriber {
  sink: LiveSink;
  cursor: number;
  /** Rows dispatched while the subscriber was still replaying; sent after the replay. */
  queued: FeedRow[] | null;
}

/**
 * One per database and process: wakes on NOTIFY (or a slow fallback timer), sequences committed rows, reads the
 * feed once and fans each row out to the streams allowed to see it. Runs only while someone is subscribed.
 */
export class LiveHub {
  private head = 0;
  private readonly subscribers = new Set<Subscriber>();
  private running: Promise<void> | undefined;
  private unlisten: Unlisten[] = [];
  private timers: ReturnType<typeof setInterval>[] = [];
  private pumping: Promise<void> | undefined;
  private again = false;
  /** Subscribes on their way in (not yet in `subscribers`): the hub must not stop under them. */
  private arriving = 0;
  private stopping: Promise<void> | undefined;
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly kind: DbKind,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Replays what came after `lastEventId` (when given), then streams live. Returns the unsubscribe. */
  async subscribe(sink: LiveSink, lastEventId?: number): Promise<() => void> {
    this.arriving++;
    let sub: Subscriber;
    try {
      await this.start();
      // A new stream starts after everything committed before it was opened (not after what this hub last polled):
      // a ticket filed a moment ago is not news to the customer who opens a stream once its answer came.
      const head = lastEventId === undefined ? await this.committedHead() : this.head;
      sub = { sink, cursor: head, queued: lastEventId === undefined ? null : [] };
      this.subscribers.add(sub);
    } finally {
      this.arriving--;
    }
    const unsubscribe = () => {
      this.subscribers.delete(sub);
    };
    if (lastEventId !== undefined) {
      try {
        await this.replay(sub, lastEventId);
      } catch (error) {
        unsubscribe();
        throw error;
      }
    }
    return unsubscribe;
  }

  private async committedHead(): Promise<number> {
    await sequenceFeed(this.db);
    return Math.max(this.head, (await feedBounds(this.db)).head);
  }

  private async replay(sub: Subscriber, lastEventId: number) {
    await sequenceFeed(this.db);
    const { head, oldest } = await feedBounds(this.db);
    sub.cursor = lastEventId;
    // Pruned past it, or from a feed this database never had: a resume would be incomplete, so reload.
    if (lastEventId > head || (oldest > 0 && lastEventId < oldest - 1)) {
      sub.sink.reset();
      sub.cursor = Math.max(head, this.head);
    } else {
      let sent = 0;
      for (;;) {
        const rows = await readFeed(this.db, {
          after: sub.cursor,
          workspaceId: sub.sink.follower.workspaceId,
          limit: PAGE,
        });
        for (const row of rows) if (mayFollow(sub.sink.follower, row)) sub.sink.write(row);
        if (rows.length) sub.cursor = rows[rows.length - 1]!.position;
        sent += rows.length;
        if (rows.length < PAGE) break;
        if (sent >= MAX_REPLAY) {
          sub.sink.reset();
          sub.cursor = Math.max(head, this.head);
          break;
        }
      }
    }
    const queued = sub.queued ?? [];
    sub.queued = null;
    for (const row of queued) this.deliver(sub, row);
  }

  private deliver(sub: Subscriber, row: FeedRow) {
    if (row.position <= sub.cursor) return;
    if (sub.queued) {
      sub.queued.push(row);
      return;
    }
    sub.cursor = row.position;
    if (mayFollow(sub.sink.follower, row) && !sub.sink.write(row)) this.subscribers.delete(sub);
  }

  private start(): Promise<void> {
    this.running ??= (async () => {
      // A stop still unlistening must finish first, or its UNLISTEN could land after this LISTEN.
      await this.stopping;
      const wake = () => void this.tick(true);
      const read = () => void this.pump();
      let every = FALLBACK_MS;
      try {
        this.unlisten.push(await listen(this.db, this.kind, "handoff_live_pending", wake));
        this.unlisten.push(await listen(this.db, this.kind, "handoff_live", read));
      } catch {
        // No LISTEN (e.g. a pooler in transaction mode): the fallback timer alone keeps the streams going.
        every = NO_LISTEN_MS;
      }
      await sequenceFeed(this.db);
      this.head = Math.max(this.head, (await feedBounds(this.db)).head);
      const fallback = setInterval(() => void this.tick(false), every);
      const heartbeat = setInterval(() => {
        for (const sub of this.subscribers) sub.sink.heartbeat();
      }, HEARTBEAT_MS);
      fallback.unref?.();
      heartbeat.unref?.();
      this.timers.push(fallback, heartbeat);
    })();
    return this.running;
  }

  /** Stops listening when nobody follows any more; the next subscribe starts again. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return this.stopping;
    this.running = undefined;
    const stopping: Promise<void> = (async () => {
      await this.stopping;
      await running.catch(() => {});
      // Only what this run started: a start() after this stop began waits for it and keeps its own.
      const timers = this.timers;
      const unlisten = this.unlisten;
      this.timers = [];
      this.unlisten = [];
      for (const timer of timers) clearInterval(timer);
      await Promise.all(unlisten.map((u) => u().catch(() => {})));
    })().finally(() => {
      if (this.stopping === stopping) this.stopping = undefined;
    });
    this.stopping = stopping;
    return stopping;
  }

  private async tick(woken: boolean) {
    if (!woken && this.subscribers.size === 0 && this.arriving === 0) {
      await this.stop();
      return;
    }
    try {
      await sequenceFeed(this.db);
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await pruneFeed(this.db);
      }
    } catch {
      // The database is away (restart, shutdown): the next tick tries again.
    }
    await this.pump();
  }

  /** Single-flight: a wake-up during a read runs one more read after it. */
  private pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.again = false;
        try {
          for (;;) {
            const rows = await readFeed(this.db, { after: this.head, limit: PAGE });
            for (const row of rows) {
              this.head = row.position;
              for (const sub of this.subscribers) this.deliver(sub, row);
            }
            if (rows.length < PAGE) break;
          }
        } catch {
          // As in tick(): try again on the next wake-up.
        }
      } while (this.again);
    })().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }
}

const hubs = new WeakMap<Db, LiveHub>();

/** The hub of this database in this process. */
export function liveHub(db: Db, kind: DbKind): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new LiveHub(db, kind);
    hubs.set(db, hub);
  }
  return hub;
}
