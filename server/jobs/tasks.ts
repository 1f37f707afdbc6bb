import type { TaskList } from "./registry.js";

/** Every task the server runs, by the name addJob() enqueues. Other domains add theirs here. */
export const serverTasks: TaskList = {};
