// The strict XML tokenizer: tags, attributes, entities, CDATA, prefixes, and what it refuses.
import { describe, expect, it } from 'vitest';
import { decodeEntities, scanXml, XmlError } from '../../../../src/ingest/sources/xlsx/xml.ts';

function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (n, a, self) =>
      out.push(
        `<${n}${Object.entries(a)
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')}${self ? '/' : ''}>`,
      ),
    close: (n) => out.push(`</${n}>`),
    text: (t) => out.push(t),
  });
  return out;
}

describe('scanXml', () => {
  it('reads tags, attributes, entities, CDATA and drops namespace prefixes', () => {
    expect(
      events(
        `<?xml version="1.0"?>\n<!-- c --><x:a k='1 &amp; 2' n="&#x41;"><b/>t&lt;&#233;<![CDATA[<raw>]]></x:a>`,
      ),
    ).toEqual(['<a k=1 & 2 n=A>', '<b/>', '</b>', 't<é', '<raw>', '</a>']);
  });

  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a>', /never closed/],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DTD/],
    ['<a x=1/>', /not quoted/],
    ['<a x="1" x="2"/>', /twice/],
    ['<a>&bogus;</a>', /unknown reference/],
    ['<a>&#0;</a>', /unknown reference/],
    ['<a>& b</a>', /reference/],
    ['<a/><b/>', /second root/],
    ['text<a/>', /outside/],
    ['', /no root/],
    ['<a x="<"/>', /'<'/],
    ['<a xy/>', /no value/],
  ])('refuses %j', (xml, message) => {
    expect(() => events(xml)).toThrow(XmlError);
    expect(() => events(xml)).toThrow(message);
  });

  it('gives prefixed attributes under their local name too, the unprefixed one winning', () => {
    expect(events('<a r:id="1" id="2" x:k="3"/>')).toEqual(['<a r:id=1 id=2 x:k=3 k=3/>', '</a>']);
  });

  it('refuses nesting deeper than 256', () => {
    expect(() => events(`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`)).toThrow(/too deep/);
  });

  it('decodes character references to astral code points', () => {
    expect(decodeEntities('&#128512;&#x1F600;&apos;&quot;')).toBe('😀😀\'"');
  });
});
