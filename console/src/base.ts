/** Where the server mounts the console; history routes live under it. */
export const CONSOLE_BASE = "/console/";
