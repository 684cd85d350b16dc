import { describe, expect, it } from "@jest/globals";
import { clientAddress, networkOf } from "@/lib/http/client-address";
import { csvCell } from "@/lib/text/csv";
import { isDisposableDomain } from "@/lib/newsletter/disposable-domains";
import { issueEmail } from "@/lib/newsletter/templates";
import { maskAddress } from "@/lib/newsletter/subscriptions";
import { newsletterScheduleSchema } from "@/lib/validations/admin";
import { signUpSchema } from "@/lib/validations/newsletter";

const messages = (input: Record<string, string>) =>
  (signUpSchema.safeParse(input).error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("sign-up validation", () => {
  it("accepts an address however it is typed, and keeps it lower-cased", () => {
    expect(signUpSchema.parse({ email: "  Ada.Lovelace+news@Example.ORG ", name: " Ada " })).toMatchObject({
      email: "ada.lovelace+news@example.org",
      name: "Ada",
      source: "/newsletter",
      website: "",
    });
  });

  it.each([
    ["", "email: Enter your e-mail address."],
    ["ada@", "email: That does not look like an e-mail address: check it for typos."],
    ["ada@example", "email: That does not look like an e-mail address: check it for typos."],
    ["ada example.com", "email: That does not look like an e-mail address: check it for typos."],
    [`${"a".repeat(250)}@example.com`, "email: That address is too long to be real."],
    ["someone@mailinator.com", "email: Please use an address you keep: throwaway mailboxes are not accepted."],
    ["x@inbox.guerrillamail.com", "email: Please use an address you keep: throwaway mailboxes are not accepted."],
  ])("refuses %j with a message a person can act on", (email, message) => {
    expect(messages({ email })).toEqual([message]);
  });

  it("refuses names that could carry a header of their own", () => {
    for (const name of ["Ada\r\nBcc: everyone@example.com", "Ada\nX-Evil: 1", "Ada\u0000", "Ada\u2028Bcc: x"]) {
      expect(messages({ email: "ada@example.com", name })).toEqual(["name: Your name can only have letters, spaces and punctuation."]);
    }
    expect(messages({ email: "ada@example.com", name: "A".repeat(101) })).toEqual(["name: Keep your name under 100 characters."]);
  });

  it("records a bad page path as the newsletter page rather than refusing the person", () => {
    expect(signUpSchema.parse({ email: "ada@example.com", source: "javascript:alert(1)" }).source).toBe("/newsletter");
    expect(signUpSchema.parse({ email: "ada@example.com", source: "/episodes/bridges" }).source).toBe("/episodes/bridges");
  });
});

describe("disposable domains", () => {
  it("knows the services and their subdomains, and leaves ordinary domains alone", () => {
    expect(isDisposableDomain("yopmail.com")).toBe(true);
    expect(isDisposableDomain("eu.mailinator.com")).toBe(true);
    expect(isDisposableDomain("my-tempmail.xyz")).toBe(true);
    for (const domain of ["gmail.com", "example.org", "mail.proton.me", "temple.edu"]) expect(isDisposableDomain(domain)).toBe(false);
  });
});

describe("CSV cells", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('Ada "the Countess", Lovelace')).toBe('"Ada ""the Countess"", Lovelace"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-23T10:00:00Z"))).toBe("2026-11-23T10:00:00.000Z");
  });
});

describe("the requester's address", () => {
  const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });
  it("takes the entry our edge cache appended, not what the client wrote", () => {
    expect(clientAddress(headers("1.2.3.4, 203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.7, 10.0.0.2"), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers("not-an-address"), 0)).toBe("unknown");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });

  it("is counted by network: an IPv6 client by its /64, however it is written; IPv4 by its address", () => {
    expect(networkOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:DB8:1:2::1")).toBe(networkOf("2001:0db8:0001:0002:ffff::9"));
    expect(networkOf("2001:db8:1:3::1")).not.toBe(networkOf("2001:db8:1:2::1"));
    expect(networkOf("203.0.113.7")).toBe("203.0.113.7");
    expect(networkOf("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(networkOf("203.0.113.8")).not.toBe(networkOf("203.0.113.7"));
  });
});

describe("newsletter e-mails", () => {
  it("escape everything from content in the HTML part and carry the subscriber's own links", () => {
    const links = {
      unsubscribePage: "https://site.example/newsletter/unsubscribe?t=abc",
      oneClick: "https://site.example/api/newsletter/unsubscribe?t=abc",
      preferences: "https://site.example/newsletter/preferences?t=abc",
    };
    const mail = issueEmail(
      "The <Long> Signal",
      "New",
      {
        intro: '<script>alert("x")</script>',
        episodes: [{ title: "<img src=x onerror=alert(1)>", url: 'https://site.example/e"><script>', blurb: "a & b", meta: "1 min" }],
        stories: [],
      },
      links,
    );
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain('href="https://site.example/e&quot;&gt;&lt;script&gt;"');
    expect(mail.html).toContain(links.unsubscribePage);
    expect(mail.text).toContain(`Unsubscribe: ${links.unsubscribePage}`);
    expect(mail.text).toContain("<img src=x onerror=alert(1)>");
  });

  it("mask an address enough to recognise it", () => {
    expect(maskAddress("ada@example.com")).toBe("a•••@example.com");
  });
});

describe("the automatic e-mails' settings form", () => {
  const valid = { episodeMails: "on", episodeDelayMinutes: "10", digestEnabled: "on", digestWeekday: "1", digestHour: "9", digestTimeZone: "Europe/Berlin" };

  it("takes a day, an hour and a zone from the list", () => {
    expect(newsletterScheduleSchema.parse(valid)).toEqual({
      episodeMails: true,
      episodeDelayMinutes: 10,
      digestEnabled: true,
      digestWeekday: 1,
      digestHour: 9,
      digestTimeZone: "Europe/Berlin",
    });
    expect(newsletterScheduleSchema.parse({ ...valid, episodeMails: undefined, digestEnabled: undefined })).toMatchObject({
      episodeMails: false,
      digestEnabled: false,
    });
  });

  it("refuses what a forged post could send", () => {
    for (const hostile of [
      { digestWeekday: "7" },
      { digestWeekday: "NaN" },
      { digestHour: "24" },
      { digestHour: "9.5" },
      { episodeDelayMinutes: "0" },
      { episodeDelayMinutes: "1e9" },
      { digestTimeZone: "Mars/Olympus" },
      { digestTimeZone: "Europe/Berlin\u0000" },
      { digestTimeZone: "😀".repeat(5000) },
      { episodeMails: "yes" },
    ]) {
      expect(newsletterScheduleSchema.safeParse({ ...valid, ...hostile }).success).toBe(false);
    }
  });
});
