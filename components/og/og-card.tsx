// The generated Open Graph card (1200 × 630) for pages without an image of their own: a kicker, the title, a
// footer line, on the site's colours. Rendered by next/og, which supports flexbox and inline styles only.
import { ImageResponse } from "next/og";
import { cutText } from "@/lib/text/safe-text";

export interface OgCardProps {
  kicker: string;
  title: string;
  footer: string;
}

// What next/og's bundled font (Noto Sans, Latin) draws by itself. For anything else (emoji, other scripts, U+FFFD)
// it would download glyphs from a public CDN while rendering: a request to a third party on our readers' behalf, and
// a 500 where the server has no way out (found with a feed title full of emoji). The card keeps to its own font.
const NOT_IN_BUNDLED_FONT = /[^\u0020-\u024f\u2010-\u2027\u2030-\u205e\u20ac]/gu;

function drawable(text: string): string {
  return text.replace(NOT_IN_BUNDLED_FONT, "").replace(/\s+/g, " ").trim();
}

export function ogCard(card: OgCardProps): ImageResponse {
  const kicker = drawable(card.kicker);
  const title = cutText(drawable(card.title), 140) || "Listen now";
  const footer = drawable(card.footer);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "linear-gradient(135deg, #c2410c 0%, #14161c 70%)",
        color: "white",
      }}
    >
      <div style={{ fontSize: 34, letterSpacing: 4, textTransform: "uppercase", opacity: 0.85 }}>{kicker}</div>
      <div style={{ fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, display: "flex" }}>{title}</div>
      <div style={{ fontSize: 30, opacity: 0.85 }}>{footer}</div>
    </div>,
    { width: 1200, height: 630, headers: { "cache-control": "public, max-age=86400, s-maxage=86400" } },
  );
}
