import { createHash } from "node:crypto";
import { realpathSync, unlinkSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Thrown when another process has the embedded database open: two PGlite instances on one directory corrupt it. */
export class DataDirInUseError extends Error {
  readonly code = "DATA_DIR_IN_USE";
  constructor(readonly dataDir: string) {
    super(
      `Another Handoff process is using the embedded database in ${dataDir}. Stop it first, or give this one its own HANDOFF_DATA_DIR (or a DATABASE_URL: many processes can share PostgreSQL).`,
    );
  }
}

/**
 * Takes the embedded database's directory for this process; resolves to its release. PGlite itself does not stop a
 * second process from opening the same directory, and both then write to it. The lock is a listening Unix socket
 * (a named pipe on Windows) named after the directory: the kernel drops it when the process dies, however it dies,
 * so a crash never leaves a stale lock behind (a leftover socket file is seen to refuse connections and replaced),
 * and a pid that the system reused cannot be mistaken for the owner.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = lockPath(dataDir);
  let server: Server;
  try {
    server = await listen(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    if (await answers(path)) throw new DataDirInUseError(dataDir);
    // The socket of a process that is gone: nobody listens there any more.
    unlinkSync(path);
    try {
      server = await listen(path);
    } catch (again) {
      // Another process starting at this very moment took it between the two.
      if ((again as NodeJS.ErrnoException).code === "EADDRINUSE") throw new DataDirInUseError(dataDir);
      throw again;
    }
  }
  // The lock must not keep the process alive by itself.
  server.unref();
  return () => new Promise<void>((done) => server.close(() => done()));
}

/** Short and fixed-length whatever the directory's path (a socket's path is limited to ~100 bytes). */
function lockPath(dataDir: string): string {
  const key = createHash("sha256").update(canonical(dataDir)).digest("hex").slice(0, 24);
  return process.platform === "win32" ? `\\\\.\\pipe\\handoff-${key}` : join(tmpdir(), `handoff-${key}.lock`);
}

function canonical(dataDir: string): string {
  try {
    return realpathSync(dataDir);
  } catch {
    return resolve(dataDir);
  }
}

function listen(path: string): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer((socket) => socket.end());
    server.once("error", fail);
    server.listen(path, () => {
      server.off("error", fail);
      done(server);
    });
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}
