// The tests' own mail server: a real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it accepts,
// parsed (mailparser), so tests read the e-mails a subscriber would get. Used by integration tests, the e2e server
// and the benchmarks.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A header's value as sent, unfolded; "" when absent. */
  header(name: string): string;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: SinkMessage[];
  /** Refuse messages to these addresses with a permanent 550. */
  refuse: Set<string>;
  /** Take the next message to each of these addresses, then drop the connection before answering (once each). */
  dropAfterAccepting: Set<string>;
  /** Called as each message is accepted, before the client hears back. */
  onMessage?: (message: SinkMessage) => void;
  /** Keep only a count (benchmarks send tens of thousands). */
  countOnly: boolean;
  accepted: number;
  close(): Promise<void>;
}

function toMessage(parsed: ParsedMail): SinkMessage {
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return {
    to: to?.value[0]?.address ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    header: (name) => {
      const line = parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line ?? "";
      return line
        .slice(line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim();
    },
  };
}

export async function startSmtpSink(options: { port?: number; countOnly?: boolean } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: "",
    port: 0,
    messages: [],
    refuse: new Set(),
    dropAfterAccepting: new Set(),
    countOnly: options.countOnly ?? false,
    accepted: 0,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (sink.refuse.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        sink.accepted += 1;
        if (sink.countOnly) {
          callback();
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            const message = toMessage(parsed);
            sink.messages.push(message);
            sink.onMessage?.(message);
            if (sink.dropAfterAccepting.delete(message.to)) {
              // The message is kept, and the client never hears so: a network cut after the server took it.
              const connection = [...(server as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }).connections].find(
                (open) => open.session === session,
              );
              connection?._socket.destroy();
              return;
            }
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}

/** The first link in a message's text that contains `part`. */
export function linkIn(message: { subject: string; text: string }, part: string): string {
  const link = message.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(part));
  if (!link) throw new Error(`No link with ${part} in "${message.subject}":\n${message.text}`);
  return link;
}

/** Waits until the sink holds `count` messages (mail is sent after the response). */
export async function waitForMessages(sink: SmtpSink, count: number, timeoutMs = 5000): Promise<SinkMessage[]> {
  const started = Date.now();
  while (sink.messages.length < count) {
    if (Date.now() - started > timeoutMs) throw new Error(`Expected ${count} message(s), got ${sink.messages.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return sink.messages;
}
