/** Where the customer token is kept; on the launcher path (build-config.ts keeps it in the app chunk). */
export const customerKey = (siteKey: string) => `handoff:customer:${siteKey}`;
