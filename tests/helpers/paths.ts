import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TEST_DIST = `${ROOT}.tmp/test-dist`;
