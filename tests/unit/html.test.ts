import { describe, expect, it } from "@jest/globals";
import { htmlToText, sanitizeNotesHtml } from "@/lib/text/html";

describe("sanitizeNotesHtml", () => {
  it("keeps formatting and marks links as user content", () => {
    expect(sanitizeNotesHtml('<p>Hi <strong>there</strong> <a href="https://x.org" target="_blank" rel="opener">x</a></p>')).toBe(
      '<p>Hi <strong>there</strong> <a href="https://x.org" rel="nofollow ugc noopener">x</a></p>',
    );
  });

  it.each([
    ["<script>alert(1)</script><p>ok</p>", "<p>ok</p>"],
    ['<p onclick="steal()">ok</p>', "<p>ok</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<span>x</span>"],
    ['<img src=x onerror="alert(1)">', ""],
    ['<iframe src="https://evil.example"></iframe>', ""],
    ["<style>body{display:none}</style><p>ok</p>", "<p>ok</p>"],
    ["<h1>Title</h1>", "<h2>Title</h2>"],
    ['<img src="javascript:alert(1)">', ""],
    ['<img src="/admin/delete">', ""],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', ""],
  ])("removes what could run or restyle the page: %j", (input, output) => {
    expect(sanitizeNotesHtml(input)).toBe(output);
  });

  it("keeps a post's images from http(s) addresses, loaded lazily, with nothing that runs", () => {
    expect(
      sanitizeNotesHtml('<figure><img src="https://cdn.example/a.jpg" alt="A crane" onerror="x()" style="width:1px"><figcaption>At dawn</figcaption></figure>'),
    ).toBe('<figure><img src="https://cdn.example/a.jpg" alt="A crane" loading="lazy" /><figcaption>At dawn</figcaption></figure>');
  });
});

describe("htmlToText", () => {
  it("flattens HTML into readable text", () => {
    expect(htmlToText("<p>One &amp; two</p><p>Three<br>four</p>")).toBe("One & two Three four");
  });
});
