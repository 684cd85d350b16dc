// Uploads live under the data folder or in an S3-compatible bucket, written once under a content-addressed key, so
// both can be cached forever. The bucket takes one signed PUT (SigV4): no SDK needed for that one request.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv, type Env } from "@/lib/env";

export interface MediaStore {
  /** Stores `body` under `key` (a relative path of safe characters) and answers the address it is served from. */
  put(key: string, body: Buffer, contentType: string): Promise<string>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

function checkKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe media key: ${key}`);
}

export function mediaDirectory(env: Env = getEnv()): string {
  return path.resolve(env.SHOWFRONT_DATA_DIR, "media");
}

export function localMediaStore(directory = mediaDirectory()): MediaStore {
  return {
    async put(key, body) {
      checkKey(key);
      const file = path.join(directory, key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
      return `/media/${key}`;
    },
  };
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  publicUrl: string;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** The Authorization header of a SigV4-signed request (path-style addressing, payload hash in the headers). */
export function signS3Request(
  settings: Pick<S3Settings, "region" | "accessKeyId" | "secretAccessKey">,
  request: { method: string; url: URL; headers: Record<string, string>; payloadHash: string; now: Date },
): string {
  const amzDate = request.now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const names = Object.keys(request.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lowered = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value.trim()]));
  const canonical = [
    request.method,
    request.url.pathname
      .split("/")
      .map((part) => encodeURIComponent(decodeURIComponent(part)))
      .join("/"),
    [...request.url.searchParams]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join("&"),
    names.map((name) => `${name}:${lowered[name]}\n`).join(""),
    names.join(";"),
    request.payloadHash,
  ].join("\n");
  const scope = `${day}/${settings.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, day), settings.region), "s3"), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
}

export function s3MediaStore(settings: S3Settings, fetchImpl: typeof fetch = fetch): MediaStore {
  return {
    async put(key, body, contentType) {
      checkKey(key);
      const url = new URL(`${settings.endpoint.replace(/\/+$/, "")}/${settings.bucket}/${key}`);
      const now = new Date();
      const payloadHash = sha256(body);
      const headers: Record<string, string> = {
        host: url.host,
        "content-type": contentType,
        "cache-control": "public, max-age=31536000, immutable",
        "x-amz-content-sha256": payloadHash,
        "x-amz-date": now.toISOString().replace(/[-:]|\.\d{3}/g, ""),
      };
      const authorization = signS3Request(settings, { method: "PUT", url, headers, payloadHash, now });
      const { host: _host, ...sent } = headers;
      const response = await fetchImpl(url, { method: "PUT", headers: { ...sent, authorization }, body: new Uint8Array(body) });
      if (!response.ok) {
        const detail = (await response.text()).slice(0, 300);
        throw new Error(`The media bucket refused the upload (HTTP ${response.status}): ${detail}`);
      }
      return `${settings.publicUrl.replace(/\/+$/, "")}/${key}`;
    },
  };
}

/** The store this site is configured with. */
export function mediaStore(env: Env = getEnv()): MediaStore {
  if (env.MEDIA_S3_ENDPOINT && env.MEDIA_S3_BUCKET && env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY && env.MEDIA_PUBLIC_URL) {
    return s3MediaStore({
      endpoint: env.MEDIA_S3_ENDPOINT,
      bucket: env.MEDIA_S3_BUCKET,
      region: env.MEDIA_S3_REGION,
      accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
      secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
      publicUrl: env.MEDIA_PUBLIC_URL,
    });
  }
  return localMediaStore(mediaDirectory(env));
}
