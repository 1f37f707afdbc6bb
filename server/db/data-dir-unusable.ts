/** HANDOFF_DATA_DIR cannot hold the embedded database (a file in the way, no permission, a read-only disk). */
export class DataDirUnusableError extends Error {
  constructor(dataDir: string, cause: NodeJS.ErrnoException) {
    super(
      `the embedded database cannot be kept in ${dataDir} (HANDOFF_DATA_DIR): ${reasonOf(cause)}. Point HANDOFF_DATA_DIR at a directory this process may write (it is created if missing), or set DATABASE_URL.`,
    );
  }
}

function reasonOf(error: NodeJS.ErrnoException): string {
  const where = error.path ? ` (${error.path})` : "";
  switch (error.code) {
    case "EEXIST":
    case "ENOTDIR":
      return `a file is in the way of the directory${where}`;
    case "EACCES":
    case "EPERM":
      return `permission denied${where}${typeof process.getuid === "function" ? ` to user id ${process.getuid()}` : ""}`;
    case "EROFS":
      return `the file system is read-only${where}`;
    case "ENOSPC":
      return "the disk is full";
    default:
      return error.message;
  }
}
