// The generated Open Graph card (1200 × 630) for pages without an image of their own: a kicker, the title, a
// footer line, on the site's colours. Rendered by next/og, which supports flexbox and inline styles only.
import { ImageResponse } from "next/og";

export interface OgCardProps {
  kicker: string;
  title: string;
  footer: string;
}

export function ogCard({ kicker, title, footer }: OgCardProps): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(135deg, #c2410c 0%, #14161c 70%)", color: "white" }}>
        <div style={{ fontSize: 34, letterSpacing: 4, textTransform: "uppercase", opacity: 0.85 }}>{kicker}</div>
        <div style={{ fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, display: "flex" }}>{title.slice(0, 140)}</div>
        <div style={{ fontSize: 30, opacity: 0.85 }}>{footer}</div>
      </div>
    ),
    { width: 1200, height: 630, headers: { "cache-control": "public, max-age=86400, s-maxage=86400" } },
  );
}
