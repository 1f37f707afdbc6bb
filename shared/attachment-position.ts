/**
 * The form's files upload in parallel: each says its place in the customer's pick (0, 1, …) in this parameter. A
 * module of its own so the widget's form chunk inlines it (attachment-limits.ts sits in a chunk of the first visit).
 */
export const ATTACHMENT_POSITION_PARAM = "position";
