import type { Plugin } from "vite";

/**
 * The little the form and the conversation view share (HTTP errors, the customer token, stored tickets, error
 * wording, routes, attachment limits) is stateless: no module-level state, and the one class (ApiError) is only
 * checked with `instanceof` against errors its own group created (the wording reads any error by shape). So each
 * gets its own copy: the form's stays in the form chunk, the conversation view's is imported as `<file>?conversation`
 * and lands in the conversation chunk. A first visit then downloads neither (they used to ride in the capture chunk,
 * ~1.1 KB gzip), and neither group's visitors pay a request for a shared chunk. Script-tag build only.
 */
export const SHARED_BY_FORM_AND_CONVERSATION =
  /\/widget\/(transport\/(api-error|customer-token|uuid)|conversation\/storage|ui\/errors)\.|\/shared\/(widget-paths|attachment-limits)\./;

/** The conversation view and what only it loads (its thread attachments, lazily). */
export const CONVERSATION_GROUP =
  /\/widget\/(conversation\/(?!known\.)|ui\/(Conversations|Thread|Feedback|ThreadAttachments|LazyThreadAttachments|conversation-styles|strings-conversation)\.)|\?conversation$/;

export const COPY_SUFFIX = "?conversation";

export function conversationCopies(): Plugin {
  return {
    name: "handoff-conversation-copies",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !CONVERSATION_GROUP.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !SHARED_BY_FORM_AND_CONVERSATION.test(resolved.id)) return resolved;
      return { ...resolved, id: resolved.id + COPY_SUFFIX };
    },
  };
}
