/**
 * The strict, single-pass XML scanner. It checks well-formedness and records every element and
 * attribute span in typed tables; it allocates nothing per tag except for new names, which is how
 * it stays several times faster than a general SAX parser on configuration files.
 *
 * The scanner works on UTF-16 units with charCodeAt; NaN past the end fails every comparison,
 * so end-of-file is tested only where a loop could otherwise run on.
 */
import { describeChar, isNameChar, isNameStartChar, isWhitespace } from './chars.js';
import { HASH_SEED, NameTable, hashStep } from './names.js';
import { describeBadReference, referenceEnd } from './references.js';
import { AttributeTable, ElementTable, grown } from './store.js';
import { scanXmlDeclaration } from './xml-declaration.js';
import type { ErrorReporter } from './xml-error.js';

export interface ScanResult {
  readonly elements: ElementTable;
  readonly attributes: AttributeTable;
  readonly elementNames: NameTable;
  readonly attributeNames: NameTable;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
/** How many leading attributes per element name have their names predicted. */
const PREDICTED = 8;

export function scanDocument(text: string, errors: ErrorReporter): ScanResult {
  return new Scanner(text, errors).run();
}

class Scanner {
  private pos = 0;
  private readonly len: number;
  // Sized from the text: generated configs average ~90 characters per element and ~60 per
  // attribute, so these guesses avoid most regrowth without reserving much more than needed.
  private readonly elements: ElementTable;
  private readonly attributes: AttributeTable;
  private readonly elementNames = new NameTable();
  private readonly attributeNames = new NameTable();
  /** Open elements, innermost last, and the last child seen so far of each. */
  private stack: Int32Array = new Int32Array(64);
  private lastChild: Int32Array = new Int32Array(64);
  private depth = 0;
  /** attribute name id → 1 + index of the element that last used it: a linear duplicate check. */
  private seen: Int32Array = new Int32Array(256);
  /** (element name id × PREDICTED + k) → 1 + the attribute name id the k-th attribute had last. */
  private predicted: Int32Array = new Int32Array(64 * PREDICTED);
  /** element name id → the name id of the first child the last such element had. */
  private readonly firstChildName: number[] = [];
  /** element name id → the name id of the sibling that last followed such an element. */
  private readonly nextName: number[] = [];
  // Positions of the next '<', '&' and ']]>' at or after some earlier offset (none left: the
  // text length for '<', -1 for the others). Each is searched natively and only again once the
  // scan has passed it, which keeps the scan linear and moves the per-character work into indexOf.
  private nextLt = -1;
  private nextAmp: number;
  private nextCdataEnd: number;

  constructor(
    private readonly text: string,
    private readonly errors: ErrorReporter,
  ) {
    this.len = text.length;
    this.nextAmp = text.indexOf('&');
    this.nextCdataEnd = text.indexOf(']]>');
    this.elements = new ElementTable(Math.floor(this.len / 80));
    this.attributes = new AttributeTable(Math.floor(this.len / 50));
  }

  run(): ScanResult {
    const text = this.text;
    if (text.startsWith('<?xml') && (isWhitespace(text.charCodeAt(5)) || text.startsWith('?>', 5))) {
      this.pos = scanXmlDeclaration(text, this.errors);
    }
    this.prolog();
    this.startTag();
    this.content();
    this.epilog();
    return {
      elements: this.elements,
      attributes: this.attributes,
      elementNames: this.elementNames,
      attributeNames: this.attributeNames,
    };
  }

  /** Comments, PIs and whitespace up to the root start tag; leaves pos at its '<'. */
  private prolog(): void {
    const text = this.text;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.len) this.fail('the document has no root element', this.pos);
      if (text.charCodeAt(this.pos) !== LT) this.textOutsideRoot();
      const c = text.charCodeAt(this.pos + 1);
      if (isNameStartChar(c)) return;
      if (c === BANG) this.markupOutsideRoot();
      else if (c === QUESTION) this.processingInstruction();
      else if (c === SLASH) this.fail('end tag before any start tag', this.pos);
      else this.badMarkup();
    }
  }

  /** After the root start tag: everything until the root's end tag. */
  private content(): void {
    const text = this.text;
    while (this.depth > 0) {
      // Character data runs to the next '<'; found natively, then only references and ']]>'
      // inside it need a look, and the pointers below find those without a per-character loop.
      const p = this.pos;
      if (this.nextLt < p) this.nextLt = this.findLt(p);
      const lt = this.nextLt;
      if (lt === this.len) this.unexpectedEndOfFile();
      if (this.nextAmp !== -1 && this.nextAmp < lt) this.references(p, lt);
      if (this.nextCdataEnd !== -1 && this.nextCdataEnd < lt) this.cdataEndInText(p, lt);
      this.pos = lt;
      const c = text.charCodeAt(lt + 1);
      if (isNameStartChar(c)) this.startTag();
      else if (c === SLASH) this.endTag();
      else if (c === BANG) this.markupInContent();
      else if (c === QUESTION) this.processingInstruction();
      else this.badMarkup();
    }
  }

  /** After the root element: only whitespace, comments and PIs. */
  private epilog(): void {
    const text = this.text;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.len) return;
      if (text.charCodeAt(this.pos) !== LT) this.textOutsideRoot();
      const c = text.charCodeAt(this.pos + 1);
      if (c === BANG) this.markupOutsideRoot();
      else if (c === QUESTION) this.processingInstruction();
      else if (isNameStartChar(c)) {
        const root = this.elementNames.names[this.elements.name[0]!]!;
        this.fail(`a second root element: an XML document has exactly one root element, and <${root}> is already closed`, this.pos);
      } else if (c === SLASH) {
        this.fail(`end tag </${this.nameAt(this.pos + 2)}> has no matching start tag (the root element is already closed)`, this.pos);
      } else this.badMarkup();
    }
  }

  /** A start tag at pos (pos at '<', a name start after it). */
  private startTag(): void {
    const text = this.text;
    const lt = this.pos;
    const depth = this.depth;
    const parent = depth > 0 ? this.stack[depth - 1]! : -1;
    const elements = this.elements;
    const previous = depth > 0 ? this.lastChild[depth - 1]! : -1;
    // Configuration files repeat the same shapes, so the name is guessed from what followed the
    // previous sibling's name last time (or, for a first child, what the parent's name had as
    // its first child), and the guess is verified in place.
    const parentName = parent >= 0 ? elements.name[parent]! : -1;
    const previousName = previous !== -1 ? elements.name[previous]! : -1;
    const guess = previousName >= 0 ? (this.nextName[previousName] ?? previousName) : parentName >= 0 ? (this.firstChildName[parentName] ?? -1) : -1;
    const nameId = this.name(this.elementNames, lt + 1, guess);
    if (nameId !== guess) {
      if (previousName >= 0) this.nextName[previousName] = nameId;
      else if (parentName >= 0) this.firstChildName[parentName] = nameId;
    }
    let p = lt + 1 + this.elementNames.names[nameId]!.length;
    const el = elements.add(nameId, lt, parent, this.attributes.count);
    if (parent >= 0) {
      if (previous === -1) elements.firstChild[parent] = el;
      else elements.nextSibling[previous] = el;
      this.lastChild[depth - 1] = el;
    }
    const slots = this.predictedSlots(nameId);

    let c = text.charCodeAt(p);
    for (let k = 0; ; k++) {
      const before = p;
      while (isWhitespace(c)) c = text.charCodeAt(++p);
      if (c === GT) {
        elements.startTagEnd[el] = p + 1;
        this.push(el);
        this.pos = p + 1;
        return;
      }
      if (c === SLASH) {
        if (text.charCodeAt(p + 1) !== GT) this.fail(`expected '>' after '/' in the start tag of <${this.elementName(el)}>`, p + 1);
        elements.startTagEnd[el] = p + 2;
        elements.endTagStart[el] = p + 2;
        elements.end[el] = p + 2;
        this.pos = p + 2;
        return;
      }
      if (p >= this.len) this.fail(`unexpected end of file inside the start tag of <${this.elementName(el)}>`, p);
      if (!isNameStartChar(c)) {
        this.fail(`unexpected ${describeChar(text, p)} in the start tag of <${this.elementName(el)}>: expected an attribute name, '>' or '/>'`, p);
      }
      if (p === before) this.fail(`whitespace is required before attribute ${this.nameAt(p)} of <${this.elementName(el)}>`, p);
      p = this.attribute(el, p, k < PREDICTED ? slots + k : -1);
      c = text.charCodeAt(p);
    }
  }

  /**
   * The interned name at `start`. `guess` (a name id or -1) is checked first with a native
   * startsWith, which skips the per-character loop for the common case of a repeated name.
   */
  private name(table: NameTable, start: number, guess: number): number {
    const text = this.text;
    if (guess >= 0) {
      const name = table.names[guess]!;
      if (text.startsWith(name, start) && !isNameChar(text.charCodeAt(start + name.length))) return guess;
    }
    let p = start;
    let c = text.charCodeAt(p);
    let h = HASH_SEED;
    do {
      h = hashStep(h, c);
      c = text.charCodeAt(++p);
    } while (isNameChar(c));
    return table.intern(text, start, p, h);
  }

  /** First slot in `predicted` for the attributes of elements named `nameId`. */
  private predictedSlots(nameId: number): number {
    const first = nameId * PREDICTED;
    if (first + PREDICTED > this.predicted.length) this.predicted = grown(this.predicted, Math.max(this.predicted.length * 2, first + PREDICTED));
    return first;
  }

  /**
   * One attribute starting at p (a name start); returns the offset after its closing quote.
   * `slot` remembers which name the k-th attribute of this element name had last time.
   */
  private attribute(el: number, start: number, slot: number): number {
    const text = this.text;
    const guess = slot < 0 ? -1 : this.predicted[slot]! - 1;
    const nameId = this.name(this.attributeNames, start, guess);
    if (slot >= 0 && nameId !== guess) this.predicted[slot] = nameId + 1;
    let p = start + this.attributeNames.names[nameId]!.length;
    let c = text.charCodeAt(p);
    if (nameId >= this.seen.length) this.seen = grown(this.seen, this.seen.length * 2);
    if (this.seen[nameId] === el + 1) this.duplicateAttribute(el, nameId, start);
    this.seen[nameId] = el + 1;

    while (isWhitespace(c)) c = text.charCodeAt(++p);
    if (c !== EQUALS) this.fail(`expected '=' after attribute name ${this.attributeNames.names[nameId]!}, found ${describeChar(text, p)}`, p);
    c = text.charCodeAt(++p);
    while (isWhitespace(c)) c = text.charCodeAt(++p);
    if (c !== DQUOTE && c !== SQUOTE) {
      this.fail(`the value of attribute ${this.attributeNames.names[nameId]!} must be quoted with ' or ", found ${describeChar(text, p)}`, p);
    }
    const valueStart = p + 1;
    const close = text.indexOf(c === DQUOTE ? '"' : "'", valueStart);
    // A '<' before the closing quote is in the value: '<' is never allowed there.
    if (this.nextLt < valueStart) this.nextLt = this.findLt(valueStart);
    const lt = this.nextLt;
    if (close === -1 ? lt < this.len : lt < close) {
      this.fail(`'<' is not allowed in the value of attribute ${this.attributeNames.names[nameId]!} (write &lt;)`, lt);
    }
    if (close === -1) this.fail(`unexpected end of file inside the value of attribute ${this.attributeNames.names[nameId]!}`, this.len);
    if (this.nextAmp !== -1 && this.nextAmp < close) this.references(valueStart, close);
    this.attributes.add(nameId, start, valueStart, close);
    return close + 1;
  }

  /** An end tag at pos ('</'). */
  private endTag(): void {
    const text = this.text;
    const lt = this.pos;
    const nameStart = lt + 2;
    const open = this.stack[this.depth - 1]!;
    const expected = this.elementName(open);
    let p = nameStart + expected.length;
    if (!text.startsWith(expected, nameStart) || isNameChar(text.charCodeAt(p))) {
      p = nameStart;
      while (isNameChar(text.charCodeAt(p))) p++;
      if (p === nameStart || !isNameStartChar(text.charCodeAt(nameStart))) {
        this.fail(`expected the name of an end tag after '</' (the open element is <${expected}>)`, nameStart);
      }
      const found = text.slice(nameStart, p);
      const opened = this.errors.lineOf(this.elements.start[open]!);
      this.fail(`end tag </${found}> does not match start tag <${expected}> opened at line ${opened}`, lt);
    }
    while (isWhitespace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== GT) this.fail(`expected '>' to close the end tag </${expected}>, found ${describeChar(text, p)}`, p);
    this.elements.endTagStart[open] = lt;
    this.elements.end[open] = p + 1;
    this.depth--;
    this.pos = p + 1;
  }

  /** Checks every reference in [from, to) and moves nextAmp past `to`. */
  private references(from: number, to: number): void {
    const text = this.text;
    let amp = this.nextAmp < from ? text.indexOf('&', from) : this.nextAmp;
    while (amp !== -1 && amp < to) {
      const end = referenceEnd(text, amp);
      if (end < 0 || end > to) this.fail(describeBadReference(text, amp), amp);
      amp = text.indexOf('&', end);
    }
    this.nextAmp = amp;
  }

  /** ']]>' ends CDATA sections only; in character data it is an error. */
  private cdataEndInText(from: number, to: number): void {
    const at = this.nextCdataEnd < from ? this.text.indexOf(']]>', from) : this.nextCdataEnd;
    if (at !== -1 && at < to) this.fail("']]>' is not allowed in text (write ]]&gt;)", at);
    this.nextCdataEnd = at;
  }

  /** '<!' inside an element: a comment, a CDATA section, or something refused. */
  private markupInContent(): void {
    const text = this.text;
    const p = this.pos;
    if (text.startsWith('<!--', p)) this.comment();
    else if (text.startsWith('<![CDATA[', p)) {
      const close = text.indexOf(']]>', p + 9);
      if (close === -1) this.fail(`unexpected end of file: CDATA section opened at line ${this.errors.lineOf(p)} is not closed`, this.len);
      this.pos = close + 3;
    } else this.declaration();
  }

  private markupOutsideRoot(): void {
    const text = this.text;
    if (text.startsWith('<!--', this.pos)) this.comment();
    else if (text.startsWith('<![CDATA[', this.pos)) this.fail('a CDATA section is only allowed inside an element', this.pos);
    else this.declaration();
  }

  /** `<!DOCTYPE`, `<!ENTITY` and other declarations: DTDs are refused outright. */
  private declaration(): never {
    const text = this.text;
    const p = this.pos;
    if (text.startsWith('<!DOCTYPE', p)) {
      this.fail('DOCTYPE declarations are not allowed: DTDs and entity declarations are refused for safety', p, 'XML_FORBIDDEN');
    }
    if (text.startsWith('<!ENTITY', p)) {
      this.fail('entity declarations are not allowed: DTDs and entity declarations are refused for safety', p, 'XML_FORBIDDEN');
    }
    this.fail("'<!' must start a comment <!-- ... --> or a CDATA section <![CDATA[ ... ]]>", p);
  }

  /** A comment at pos ('<!--'). The first '--' inside must be the one that closes it. */
  private comment(): void {
    const p = this.pos;
    const dashes = this.text.indexOf('--', p + 4);
    if (dashes === -1) this.fail(`unexpected end of file: comment opened at line ${this.errors.lineOf(p)} is not closed`, this.len);
    if (this.text.charCodeAt(dashes + 2) !== GT) this.fail("'--' is not allowed inside a comment", dashes);
    this.pos = dashes + 3;
  }

  /** A processing instruction at pos ('<?'). The XML declaration is handled before scanning. */
  private processingInstruction(): void {
    const text = this.text;
    const lt = this.pos;
    let p = lt + 2;
    if (!isNameStartChar(text.charCodeAt(p))) this.fail("expected a processing instruction target after '<?'", p);
    while (isNameChar(text.charCodeAt(p))) p++;
    const target = text.slice(lt + 2, p);
    if (target.toLowerCase() === 'xml') {
      if (target === 'xml') this.fail('the XML declaration <?xml ...?> is only allowed at the very start of the file', lt);
      this.fail(`processing instruction target ${target} is reserved`, lt + 2);
    }
    if (!text.startsWith('?>', p) && !isWhitespace(text.charCodeAt(p))) {
      this.fail(`unexpected ${describeChar(text, p)} after processing instruction target ${target}`, p);
    }
    const close = text.indexOf('?>', p);
    if (close === -1) this.fail(`unexpected end of file: processing instruction opened at line ${this.errors.lineOf(lt)} is not closed`, this.len);
    this.pos = close + 2;
  }

  private findLt(from: number): number {
    const i = this.text.indexOf('<', from);
    return i === -1 ? this.len : i;
  }

  private push(el: number): void {
    if (this.depth === this.stack.length) {
      this.stack = grown(this.stack, this.depth * 2);
      this.lastChild = grown(this.lastChild, this.depth * 2);
    }
    this.stack[this.depth] = el;
    this.lastChild[this.depth] = -1;
    this.depth++;
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private elementName(el: number): string {
    return this.elementNames.names[this.elements.name[el]!]!;
  }

  /** The name at p, for messages (may be empty). */
  private nameAt(p: number): string {
    let e = p;
    while (isNameChar(this.text.charCodeAt(e))) e++;
    return this.text.slice(p, e);
  }

  private duplicateAttribute(el: number, nameId: number, offset: number): never {
    const attrs = this.attributes;
    let first = attrs.count - 1;
    while (first >= this.elements.firstAttribute[el]! && attrs.name[first] !== nameId) first--;
    const at = this.errors.lineIndex().position(attrs.start[first]!);
    const name = this.attributeNames.names[nameId]!;
    this.fail(`duplicate attribute ${name} on <${this.elementName(el)}>: it is already set at line ${at.line}, column ${at.column}`, offset);
  }

  private textOutsideRoot(): never {
    const where = this.elements.count === 0 ? 'before' : 'after';
    this.fail(`text is not allowed ${where} the root element (found ${describeChar(this.text, this.pos)})`, this.pos);
  }

  private badMarkup(): never {
    const p = this.pos + 1;
    this.fail(`unexpected ${describeChar(this.text, p)} after '<': expected an element name, '/', '!' or '?'`, p);
  }

  private unexpectedEndOfFile(): never {
    const open = this.stack[this.depth - 1]!;
    const line = this.errors.lineOf(this.elements.start[open]!);
    const chain: string[] = [];
    for (let d = 0; d < this.depth; d++) {
      const e = this.stack[d]!;
      chain.push(`<${this.elementName(e)}> (line ${this.errors.lineOf(this.elements.start[e]!)})`);
    }
    const hints = this.depth > 1 ? [`elements still open, outermost first: ${chain.join(', ')}`] : [];
    this.fail(`unexpected end of file: element <${this.elementName(open)}> opened at line ${line} is not closed`, this.len, 'XML_MALFORMED', hints);
  }

  private fail(message: string, offset: number, code: 'XML_MALFORMED' | 'XML_FORBIDDEN' = 'XML_MALFORMED', hints?: readonly string[]): never {
    this.errors.fail(message, offset, code, hints);
  }
}
