// Proves the Link header parser finds rel="next", survives any input, and runs in linear time.
import fc from "fast-check";
import { findNextLink, parseLinkHeader } from "../../../sdk/http/parse-link-header";

const SELF_AND_NEXT =
  '<https://org.okta.com/api/v1/users/00u1/roles/IFI/targets/groups?limit=200>; rel="self", ' +
  '<https://org.okta.com/api/v1/users/00u1/roles/IFI/targets/groups?after=PGE0pJbX6k&limit=200>; rel="next"';

describe("parseLinkHeader", () => {
  it("reads Okta's self and next links", () => {
    expect(parseLinkHeader(SELF_AND_NEXT).map((l) => [l.url, l.rels])).toEqual([
      ["https://org.okta.com/api/v1/users/00u1/roles/IFI/targets/groups?limit=200", ["self"]],
      ["https://org.okta.com/api/v1/users/00u1/roles/IFI/targets/groups?after=PGE0pJbX6k&limit=200", ["next"]],
    ]);
    expect(findNextLink(SELF_AND_NEXT)).toBe("https://org.okta.com/api/v1/users/00u1/roles/IFI/targets/groups?after=PGE0pJbX6k&limit=200");
  });

  it.each([
    ["no next on the last page", '<https://o/x?after=a&limit=20>; rel="self"', undefined],
    ["unquoted rel", "<https://o/n>; rel=next", "https://o/n"],
    ["several relation types", '<https://o/n>; rel="last next"', "https://o/n"],
    ["upper-case REL and spacing", '<https://o/n> ;REL = "NEXT"', "https://o/n"],
    ["a comma inside a quoted parameter", '<https://o/a>; title="a, b"; rel="self", <https://o/n>; rel="next"', "https://o/n"],
    ["a comma inside the URL", '<https://o/n?x=a,b>; rel="next"', "https://o/n?x=a,b"],
    ["an escaped quote", '<https://o/n>; title="say \\"hi\\""; rel="next"', "https://o/n"],
    ["garbage", "rel=next <<<>>>;;;,,,", undefined],
    ["empty", "", undefined],
    ["an unterminated URL", '<https://o/n; rel="next"', undefined],
  ])("handles %s", (_name, header, next) => {
    expect(findNextLink(header)).toBe(next);
  });

  it("round-trips any list of links it is given (property)", () => {
    const url = fc.webUrl({ withQueryParameters: true }).filter((u) => !u.includes(">") && !u.includes("<"));
    const rel = fc.constantFrom("next", "self", "prev", "last");
    fc.assert(
      fc.property(fc.array(fc.record({ url, rel }), { maxLength: 6 }), (links) => {
        const header = links.map((l) => `<${l.url}>; rel="${l.rel}"`).join(", ");
        const parsed = parseLinkHeader(header);
        expect(parsed.map((l) => ({ url: l.url, rel: l.rels[0] }))).toEqual(links);
        expect(findNextLink(header)).toBe(links.find((l) => l.rel === "next")?.url);
      }),
    );
  });

  it("never throws on arbitrary text (property)", () => {
    const alphabet = fc.constantFrom("<", ">", ";", ",", '"', "\\", "=", " ", "r", "e", "l", "n", "x", "t");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 300 })), (text) => {
        const links = parseLinkHeader(text);
        for (const link of links) expect(text).toContain(link.url);
      }),
    );
  });

  it.each([
    ["many opening brackets", "<".repeat(200_000)],
    ["many unterminated quotes", '<a>; rel="'.repeat(20_000)],
    ["many separators", "<a>" + ";".repeat(200_000)],
    ["many backslashes", '<a>; rel="' + "\\".repeat(200_000)],
    ["many links", '<https://o/x>; rel="self", '.repeat(20_000)],
    ["many parameters", "<a>" + "; p=1".repeat(50_000)],
  ])("parses %s of adversarial input in linear time", (_name, header) => {
    const small = header.slice(0, header.length / 10);
    parseLinkHeader(small); // warm up the JIT
    const t0 = process.hrtime.bigint();
    parseLinkHeader(small);
    const t1 = process.hrtime.bigint();
    parseLinkHeader(header);
    const t2 = process.hrtime.bigint();
    // Ten times the input may take about ten times as long; quadratic would be a hundred times,
    // and on 200,000 characters would run for minutes, far past the one-second floor for busy machines.
    expect(Number(t2 - t1)).toBeLessThan(Math.max(Number(t1 - t0) * 40, 1_000_000_000));
  });
});
