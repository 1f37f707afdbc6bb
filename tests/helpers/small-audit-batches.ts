// Imported first by the audit test: small batches so a few dozen rows already span several keyset pages.
process.env.HANDOFF_AUDIT_BATCH ??= "7";
