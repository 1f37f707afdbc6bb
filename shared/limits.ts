/** Tiers run from 1 (first line) to this ceiling (engineering). */
export const MAX_TIER = 3;

/**
 * The limits the widget also needs (to stay under them). Kept apart from the server's own so the widget's bundle
 * carries only these: an object's unused properties are not tree-shaken, and every byte of the capture chunk is on
 * a first visit's wire.
 */
export const WIDGET_LIMITS = {
  /** The widget keeps a ticket body under this so it can also leave by sendBeacon. */
  beaconBytes: 64 * 1024,
  clicks: 50,
  navigation: 20,
  consoleEntries: 50,
  networkFailures: 50,
  clickText: 80,
  consoleMessage: 1024,
  stack: 4096,
  url: 2048,
  subject: 200,
  description: 10_000,
  messageBody: 10_000,
} as const;

/** Size limits shared by the widget (to stay under them) and the server (to enforce them). */
export const LIMITS = {
  ...WIDGET_LIMITS,
  /** A ticket body. */
  ticketBytes: 256 * 1024,
  recordingCompressedBytes: 20 * 1024 * 1024,
  /** A busy page records 8-10 MB of JSON a minute and the widget keeps about one. */
  recordingRawBytes: 100 * 1024 * 1024,
  metadataBytes: 4096,
  metadataKeys: 50,
  /** The queue's search text (the words searched are the first 8 anyway). */
  searchQuery: 200,
  /** Request bodies of the widget's and the console's JSON calls. */
  messageRequestBytes: 64 * 1024,
  feedbackBytes: 8 * 1024,
} as const;
