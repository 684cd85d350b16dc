// The demo's pictures, drawn at seed time (no photographs to license or ship): the show's and each episode's cover
// art, and a scene for each story's hero image, which goes through the same upload path as a producer's photo.
import "server-only";
import sharp from "sharp";
import { storeHeroImage, type StoredImage } from "@/lib/media/hero-image";
import { mediaStore } from "@/lib/media/store";

const PALETTES = [
  ["#0f766e", "#111827", "#fbbf24"],
  ["#9a3412", "#1f2937", "#fde68a"],
  ["#1d4ed8", "#0f172a", "#f9a8d4"],
  ["#4d7c0f", "#1c1917", "#fcd34d"],
  ["#7c3aed", "#111827", "#a7f3d0"],
  ["#be123c", "#1e1b4b", "#fed7aa"],
  ["#0369a1", "#082f49", "#fef08a"],
  ["#a16207", "#292524", "#bae6fd"],
];

/** Cover art: the show's rings of signal, in a palette of its own for each episode (0 is the show's). */
function coverSvg(variant: number): string {
  const [from, to, ring] = PALETTES[variant % PALETTES.length]!;
  const rings = [120, 220, 320, 420].map(
    (radius, index) =>
      `<circle cx="300" cy="1100" r="${radius}" fill="none" stroke="${ring}" stroke-width="${44 - index * 8}" stroke-opacity="${1 - index * 0.2}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="1400"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="1400" height="1400" fill="url(#g)"/><circle cx="300" cy="1100" r="40" fill="${ring}"/>${rings.join("")}<rect x="760" y="${260 + variant * 40}" width="420" height="36" rx="18" fill="${ring}" fill-opacity="0.8"/><rect x="760" y="${340 + variant * 40}" width="300" height="36" rx="18" fill="#ffffff" fill-opacity="0.5"/></svg>`;
}

export async function demoCoverArt(name: string, variant: number): Promise<string> {
  const image = await sharp(Buffer.from(coverSvg(variant)))
    .webp({ quality: 80 })
    .toBuffer();
  return mediaStore().put(`demo/cover-${name}.webp`, image, "image/webp");
}

const SKY =
  '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="SKY_TOP"/><stop offset="1" stop-color="SKY_LOW"/></linearGradient></defs><rect width="1920" height="1080" fill="url(#sky)"/>';

/** Scenes for the stories' photos: drawn, so every one is honestly an illustration. */
const SCENES: Record<string, { top: string; low: string; shapes: string }> = {
  bridge: {
    top: "#93c5fd",
    low: "#fef3c7",
    shapes:
      '<rect y="760" width="1920" height="320" fill="#1e3a5f"/><rect y="560" width="1920" height="40" fill="#57534e"/>' +
      [0, 1, 2, 3]
        .map(
          (arch) =>
            `<path d="M${arch * 480} 600 Q${arch * 480 + 240} 380 ${arch * 480 + 480} 600 L${arch * 480 + 480} 620 Q${arch * 480 + 240} 420 ${arch * 480} 620 Z" fill="#44403c"/><rect x="${arch * 480 + 225}" y="600" width="30" height="200" fill="#57534e"/>`,
        )
        .join("") +
      '<circle cx="1500" cy="220" r="90" fill="#fde68a"/>',
  },
  bus: {
    top: "#0b1026",
    low: "#312e81",
    shapes:
      '<rect y="820" width="1920" height="260" fill="#1f2937"/><rect x="420" y="560" width="1000" height="300" rx="40" fill="#f59e0b"/>' +
      [0, 1, 2, 3, 4].map((window) => `<rect x="${470 + window * 180}" y="600" width="140" height="110" rx="12" fill="#fef9c3"/>`).join("") +
      '<circle cx="580" cy="870" r="60" fill="#111827"/><circle cx="1260" cy="870" r="60" fill="#111827"/><circle cx="1650" cy="180" r="70" fill="#e5e7eb"/>',
  },
  map: {
    top: "#ecfccb",
    low: "#d9f99d",
    shapes:
      [0, 1, 2, 3, 4, 5, 6, 7]
        .map(
          (line) =>
            `<path d="M0 ${120 + line * 130} C600 ${60 + line * 140} 1200 ${200 + line * 120} 1920 ${100 + line * 135}" stroke="#65a30d" stroke-width="4" fill="none"/>`,
        )
        .join("") +
      '<path d="M200 900 L700 500 L1100 640 L1700 240" stroke="#dc2626" stroke-width="22" fill="none" stroke-linecap="round"/><circle cx="1700" cy="240" r="44" fill="#dc2626"/>',
  },
  shop: {
    top: "#fde68a",
    low: "#fdba74",
    shapes:
      '<rect y="760" width="1920" height="320" fill="#78350f"/>' +
      [0, 1, 2, 3, 4, 5]
        .map(
          (phone) =>
            `<rect x="${260 + phone * 240}" y="${520 + (phone % 2) * 40}" width="150" height="270" rx="22" fill="#1f2937"/><rect x="${272 + phone * 240}" y="${540 + (phone % 2) * 40}" width="126" height="220" rx="10" fill="${phone % 3 ? "#93c5fd" : "#e5e7eb"}"/>`,
        )
        .join(""),
  },
};

export type DemoScene = keyof typeof SCENES;

export async function demoHeroImage(scene: string): Promise<StoredImage> {
  const { top, low, shapes } = SCENES[scene] ?? SCENES.bridge!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080">${SKY.replace("SKY_TOP", top).replace("SKY_LOW", low)}${shapes}</svg>`;
  const image = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  return storeHeroImage(new Blob([new Uint8Array(image)], { type: "image/jpeg" }));
}
