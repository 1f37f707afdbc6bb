/** Tiers run from 1 (first line) to this ceiling (engineering). */
export const MAX_TIER = 3;

/** Size limits shared by the widget (to stay under them) and the server (to enforce them). */
export const LIMITS = {
  /** A ticket body; the widget keeps it under BEACON_BYTES so it can also leave by sendBeacon. */
  ticketBytes: 256 * 1024,
  beaconBytes: 64 * 1024,
  recordingCompressedBytes: 20 * 1024 * 1024,
  /** A busy page records 8-10 MB of JSON a minute and the widget keeps about one. */
  recordingRawBytes: 100 * 1024 * 1024,
  clicks: 50,
  navigation: 20,
  consoleEntries: 50,
  networkFailures: 50,
  clickText: 80,
  consoleMessage: 1024,
  stack: 4096,
  url: 2048,
  metadataBytes: 4096,
  metadataKeys: 50,
  subject: 200,
  description: 10_000,
  messageBody: 10_000,
  /** The queue's search text (the words searched are the first 8 anyway). */
  searchQuery: 200,
  /** Request bodies of the widget's and the console's JSON calls. */
  messageRequestBytes: 64 * 1024,
  feedbackBytes: 8 * 1024,
} as const;
