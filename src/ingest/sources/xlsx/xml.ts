/**
 * A small, strict XML tokenizer for the parts of an .xlsx package: start and end tags with
 * their attributes, text with the five named entities and character references, comments,
 * processing instructions and CDATA. No DTD (refused: no entity expansion to exploit), tags
 * must balance, names lose their namespace prefix (`x:c` → `c`). Callbacks, no tree, so a
 * sheet of millions of cells is read in one pass.
 */
import { describeText } from '../../kit/identifying.ts';

/** A part that is not well-formed XML: `offset` is the character where reading stopped. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlError';
  }
}

/** What the tokenizer calls, in document order. */
export interface XmlHandlers {
  open?(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};
/** Deepest nesting accepted: SpreadsheetML parts are shallow; deeper is hostile. */
const MAX_DEPTH = 256;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Text with its entity and character references replaced; throws on an unknown or bad one. */
export function decodeEntities(text: string, offset = 0): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,10});?/g, (whole, ref: string, at: number) => {
    if (!whole.endsWith(';'))
      throw new XmlError('unterminated character or entity reference (no ";")', offset + at);
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (m) {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
      const valid =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (valid) return String.fromCodePoint(code);
    }
    throw new XmlError(
      `unknown reference (${/^[A-Za-z]{1,8}$/.test(ref) ? `&${ref};` : describeText(ref)})`,
      offset + at,
    );
  });
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.\u00b7\u00c0-\uffff]*/y;
const SPACE = /[ \t\r\n]*/y;

/**
 * Reads `xml` and calls `handlers` for each tag and text run; throws XmlError at the first
 * defect (unbalanced tag, bad attribute, DTD, text outside the root element…).
 *
 * @example
 * scanXml('<a x="1">hi</a>', { open: (n, a) => console.log(n, a.x), text: (t) => console.log(t) });
 */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const stack: string[] = [];
  let rootSeen = false;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const len = xml.length;
  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? len : lt;
    if (end > pos) {
      const raw = xml.slice(pos, end);
      if (stack.length === 0) {
        if (/[^ \t\r\n]/.test(raw)) throw new XmlError('text outside the root element', pos);
      } else {
        if (raw.includes('>') && raw.includes(']]>')) throw new XmlError("']]>' in text", pos);
        handlers.text?.(decodeEntities(raw, pos));
      }
    }
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(pos + 1);
    if (next !== 0x3f && next !== 0x21 && next !== 0x2f) {
      pos = readStartTag(xml, pos, stack, handlers, rootSeen);
      rootSeen = true;
    } else if (next === 0x3f) {
      const close = xml.indexOf('?>', pos + 2);
      if (close < 0) throw new XmlError('unterminated processing instruction', pos);
      pos = close + 2;
    } else if (next === 0x21 && xml.startsWith('<!--', pos)) {
      const close = xml.indexOf('-->', pos + 4);
      if (close < 0) throw new XmlError('unterminated comment', pos);
      pos = close + 3;
    } else if (xml.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) throw new XmlError('CDATA outside the root element', pos);
      const close = xml.indexOf(']]>', pos + 9);
      if (close < 0) throw new XmlError('unterminated CDATA section', pos);
      handlers.text?.(xml.slice(pos + 9, close));
      pos = close + 3;
    } else if (xml.startsWith('<!', pos)) {
      throw new XmlError('a DTD or declaration is not accepted', pos);
    } else {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(xml);
      if (!m) throw new XmlError('bad end tag', pos);
      SPACE.lastIndex = NAME.lastIndex;
      SPACE.exec(xml);
      if (xml.charCodeAt(SPACE.lastIndex) !== 0x3e)
        throw new XmlError(`bad end tag </${m[0]}`, pos);
      const open = stack.pop();
      if (open !== m[0]) throw new XmlError(`</${m[0]}> closes <${open ?? 'nothing'}>`, pos);
      handlers.close?.(localName(m[0]));
      pos = SPACE.lastIndex + 1;
    }
  }
  if (stack.length > 0)
    throw new XmlError(`<${stack[stack.length - 1] as string}> is never closed`, len);
  if (!rootSeen) throw new XmlError('no root element', len);
}

/** Reads `<name a="v" …>` or `<name …/>` at `pos`; returns the index after it. */
function readStartTag(
  xml: string,
  pos: number,
  stack: string[],
  handlers: XmlHandlers,
  rootSeen: boolean,
): number {
  if (stack.length === 0 && rootSeen) throw new XmlError('a second root element', pos);
  NAME.lastIndex = pos + 1;
  const m = NAME.exec(xml);
  if (!m) throw new XmlError('bad start tag', pos);
  const name = m[0];
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = NAME.lastIndex;
  for (;;) {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    const spaced = SPACE.lastIndex > at;
    at = SPACE.lastIndex;
    const c = xml.charCodeAt(at);
    if (c === 0x3e || (c === 0x2f && xml.charCodeAt(at + 1) === 0x3e)) {
      const selfClosing = c === 0x2f;
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) throw new XmlError('elements nested too deep', pos);
        stack.push(name);
      }
      for (const key of Object.keys(attrs)) {
        const local = localName(key);
        if (local !== key && !(local in attrs)) attrs[local] = attrs[key] as string;
      }
      handlers.open?.(localName(name), attrs, selfClosing);
      if (selfClosing) handlers.close?.(localName(name));
      return at + (selfClosing ? 2 : 1);
    }
    if (!spaced) throw new XmlError(`bad attribute in <${name}>`, at);
    NAME.lastIndex = at;
    const a = NAME.exec(xml);
    if (!a) throw new XmlError(`bad attribute in <${name}>`, at);
    SPACE.lastIndex = NAME.lastIndex;
    SPACE.exec(xml);
    if (xml.charCodeAt(SPACE.lastIndex) !== 0x3d)
      throw new XmlError(`attribute ${a[0]} has no value`, at);
    SPACE.lastIndex += 1;
    SPACE.exec(xml);
    const quote = xml[SPACE.lastIndex];
    if (quote !== '"' && quote !== "'")
      throw new XmlError(`attribute ${a[0]} is not quoted`, SPACE.lastIndex);
    const close = xml.indexOf(quote, SPACE.lastIndex + 1);
    if (close < 0) throw new XmlError(`attribute ${a[0]} is never closed`, SPACE.lastIndex);
    const raw = xml.slice(SPACE.lastIndex + 1, close);
    if (raw.includes('<')) throw new XmlError(`'<' in attribute ${a[0]}`, SPACE.lastIndex);
    if (a[0] in attrs) throw new XmlError(`attribute ${a[0]} given twice`, at);
    attrs[a[0]] = decodeEntities(raw, SPACE.lastIndex + 1);
    at = close + 1;
  }
}
