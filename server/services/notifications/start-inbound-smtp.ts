import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db } from "../../db/client.js";
import type { BlobStore } from "../../storage/blob-store.js";
import { ServiceError } from "../service-error.js";
import { MAX_INBOUND_MAIL_BYTES, receiveEmailReply } from "./receive-email-reply.js";

/**
 * An SMTP listener for self-hosters who point their reply domain's MX here: each message goes through the same
 * verification as the HTTP inbound endpoint; one without a verified token is refused with 550. Returns the teardown.
 */
export async function startInboundSmtp(
  db: Db,
  options: { port: number; host?: string; blobs: BlobStore },
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_INBOUND_MAIL_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded)
          return callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
        const sender = session.envelope.mailFrom;
        const envelopeFrom = sender ? sender.address : undefined;
        // An automatic mail is taken (250) and dropped: refusing it would bounce to a responder or a mailer-daemon.
        receiveEmailReply(db, options.blobs, { raw: Buffer.concat(chunks), envelopeFrom }).then(
          () => callback(),
          // Unverifiable: refused for good (550); our own trouble: the sender retries later (451).
          (error: Error) =>
            callback(
              Object.assign(new Error(error.message), { responseCode: error instanceof ServiceError ? 550 : 451 }),
            ),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
