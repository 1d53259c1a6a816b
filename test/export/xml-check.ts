// A small, strict XML 1.0 reader for the parts plateau writes (elements, attributes, text, entity
// and character references; no DTD, comment, CDATA nor processing instruction but the leading
// declaration): it throws on anything not well formed, and returns the tree to query.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entity references decoded), children's text excluded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (INVALID_CHAR.test(raw)) throw new Error(`character not allowed in XML ${where}`);
  if (raw.includes('<')) throw new Error(`'<' in ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare '&' in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; in ${where}`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    const char = String.fromCodePoint(code);
    if (INVALID_CHAR.test(char))
      throw new Error(`reference to a character XML cannot hold: ${match}`);
    return char;
  });
}

/** Parses `xml` (throws when it is not well formed) and returns its root element. */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const decl = /^<\?xml version="1\.0"( encoding="UTF-8")?( standalone="yes")?\?>\s*/.exec(xml);
  if (decl) at = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt === -1 ? xml.length : lt);
    if (text.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim() !== '') throw new Error('text outside the root element');
      } else {
        if (text.includes(']]>')) throw new Error("']]>' in text");
        top.text += decode(text, `<${top.name}> text`);
      }
    }
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    if (tag.startsWith('!') || tag.startsWith('?')) throw new Error(`unexpected markup <${tag}>`);
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch || !NAME.test(nameMatch[0])) throw new Error(`bad element name in <${tag}>`);
    const element: XmlElement = { name: nameMatch[0], attrs: {}, children: [], text: '' };
    let rest = body.slice(nameMatch[0].length);
    while (rest.trim() !== '') {
      const attr = /^\s+([^\s=]+)="([^"]*)"/.exec(rest);
      if (!attr || !NAME.test(attr[1]!)) throw new Error(`bad attribute in <${tag}>`);
      if (attr[1]! in element.attrs) throw new Error(`attribute ${attr[1]} twice in <${tag}>`);
      element.attrs[attr[1]!] = decode(attr[2]!, `attribute ${attr[1]}`);
      rest = rest.slice(attr[0].length);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `element` (itself included), in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return out;
}

/** The one child of `element` named `name`; throws when there is none or several. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0]!;
}
