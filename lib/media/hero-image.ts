// A story's hero image from an upload: checked to be an image sharp can read (whatever the file claims to be),
// turned upright, stripped of metadata (camera GPS included), and written in the widths pages ask for as WebP.
import "server-only";
import { AppError } from "@/lib/errors";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { HERO_IMAGE_MAX_BYTES } from "@/lib/validations/story";
import { mediaStore, type MediaStore } from "./store";

export const HERO_WIDTHS = [640, 1280, 1920] as const;
const DEFAULT_WIDTH = 1280;
// Refuses decompression bombs: a small file that claims a billion pixels.
const MAX_PIXELS = 50_000_000;

export interface StoredImage {
  url: string;
  srcset: string;
}

export async function storeHeroImage(file: Blob, store: MediaStore = mediaStore()): Promise<StoredImage> {
  if (file.size > HERO_IMAGE_MAX_BYTES) throw new AppError("invalid", `The image is larger than ${HERO_IMAGE_MAX_BYTES / 1024 / 1024} MB.`);
  const input = Buffer.from(await file.arrayBuffer());
  let width: number | undefined;
  try {
    const metadata = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!["jpeg", "png", "webp", "avif", "gif", "heif", "tiff"].includes(metadata.format ?? "")) throw new Error(`format ${metadata.format}`);
    width = metadata.autoOrient?.width ?? metadata.width;
  } catch (error) {
    throw new AppError(
      "invalid",
      `That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF): ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const hash = createHash("sha256").update(input).digest("hex").slice(0, 20);
  const widths = HERO_WIDTHS.filter((candidate, index) => index === 0 || candidate <= (width ?? 0));
  const urls = new Map<number, string>();
  for (const target of widths) {
    const output = await sharp(input, { limitInputPixels: MAX_PIXELS })
      .autoOrient()
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    urls.set(target, await store.put(`stories/${hash}-${target}.webp`, output, "image/webp"));
  }
  const url = urls.get(DEFAULT_WIDTH) ?? urls.get(Math.max(...urls.keys()))!;
  return { url, srcset: [...urls].map(([target, address]) => `${address} ${target}w`).join(", ") };
}
