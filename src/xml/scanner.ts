/**
 * The strict, single-pass XML scanner. It checks well-formedness and records every element and
 * attribute span in typed tables; it allocates nothing per tag except for new names, which is how
 * it stays several times faster than a general SAX parser on configuration files.
 *
 * The scanner reads UTF-16 units from a typed array of them (an ASCII file's own bytes serve) rather
 * than with charCodeAt, a call per character until V8 has optimized the scan and a large
 * subgraph per call site, which delays the optimized code, when it does. Searches
 * stay on the string, natively. Past the end a read is undefined, which fails every comparison,
 * so end-of-file is tested only where a loop could otherwise run on.
 *
 * A CLI run parses one file once, and a good part of that scan runs before V8 has optimized it,
 * in the baseline tier, where every call costs far more than the work it does. The per-tag path
 * (startTag, scanAttributes, endTag) therefore tests character classes through a table and
 * writes table rows in place, and only rare paths (references, comments, errors, new names) are
 * further calls. Values read under a condition are read once into locals: a property first read
 * after V8 optimized the scan has no type feedback and throws the scan back to the slow tier.
 */
import { ASCII_CLASS, NAME, NAME_START, describeChar, isNameChar, isNameStartChar, isWhitespace } from './chars.js';
import { HASH_SEED, NameTable, hashStep } from './names.js';
import { describeBadReference, referenceEnd } from './references.js';
import { AttributeTable, ElementTable, grown, grownFilled } from './store.js';
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

/**
 * `codes` holds the text's UTF-16 code units, one per character (for ASCII text, its bytes): the
 * scanner reads characters from it, and only searches (indexOf, startsWith) run on the string.
 */
export function scanDocument(text: string, codes: CodeUnits, errors: ErrorReporter): ScanResult {
  return new Scanner(text, codes, errors).run();
}

export type CodeUnits = Uint8Array | Uint16Array;

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
  /** element name id → the name id of the first child the last such element had, or -1. */
  private firstChildName: Int32Array = new Int32Array(64).fill(-1);
  /** element name id → the name id of the sibling that last followed such an element, or -1. */
  private nextName: Int32Array = new Int32Array(64).fill(-1);
  /** element name id → the other name that followed such an element before nextName, or -1. */
  private otherNextName: Int32Array = new Int32Array(64).fill(-1);
  // Positions of the next '<', '&' and ']]>' at or after some earlier offset (none left: the
  // text length for '<', -1 for the others). Each is searched natively and only again once the
  // scan has passed it, which keeps the scan linear and moves the per-character work into indexOf.
  private nextLt = -1;
  private nextAmp: number;
  private nextCdataEnd: number;

  constructor(
    private readonly text: string,
    private readonly codes: CodeUnits,
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
    const codes = this.codes;
    if (text.startsWith('<?xml') && (isWhitespace(codes[5]!) || text.startsWith('?>', 5))) {
      this.pos = scanXmlDeclaration(text, this.errors);
    }
    this.prolog();
    this.pos = this.startTag(this.pos);
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
    const codes = this.codes;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.len) this.fail('the document has no root element', this.pos);
      if (codes[this.pos]! !== LT) this.textOutsideRoot();
      const c = codes[this.pos + 1]!;
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
    const codes = this.codes;
    const len = this.len;
    let p = this.pos;
    while (this.depth > 0) {
      // Character data runs to the next '<'; found natively, then only references and ']]>'
      // inside it need a look, and the pointers below find those without a per-character loop.
      let lt = this.nextLt;
      if (lt < p) {
        lt = text.indexOf('<', p);
        if (lt === -1) lt = len;
        this.nextLt = lt;
      }
      if (lt === len) this.unexpectedEndOfFile();
      // Each pointer is read once into a local: a second read under `!== -1` would run first
      // only when the file's first '&' comes, and its missing type feedback would then throw
      // the optimized scan back to the interpreter.
      const amp = this.nextAmp;
      if (amp !== -1 && amp < lt) this.references(p, lt);
      const cdataEnd = this.nextCdataEnd;
      if (cdataEnd !== -1 && cdataEnd < lt) this.cdataEndInText(p, lt);
      const c = codes[lt + 1]!;
      if (c === SLASH) p = this.endTag(lt);
      else if (c < 128 ? (ASCII_CLASS[c]! & NAME_START) !== 0 : isNameStartChar(c)) p = this.startTag(lt);
      else {
        this.pos = lt;
        if (c === BANG) this.markupInContent();
        else if (c === QUESTION) this.processingInstruction();
        else this.badMarkup();
        p = this.pos;
      }
    }
    this.pos = p;
  }

  /** After the root element: only whitespace, comments and PIs. */
  private epilog(): void {
    const codes = this.codes;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.len) return;
      if (codes[this.pos]! !== LT) this.textOutsideRoot();
      const c = codes[this.pos + 1]!;
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

  /** A start tag at lt ('<', a name start after it); returns the offset after it. */
  private startTag(lt: number): number {
    const codes = this.codes;
    const depth = this.depth;
    const elements = this.elements;
    const attributes = this.attributes;
    const elementNames = this.elementNames.names;
    // Configuration files repeat the same shapes, so the name is guessed from what followed the
    // previous sibling's name last time (or, for a first child, what the parent's name had as
    // its first child), and the guess is verified in place.
    let parent = -1;
    let previous = -1;
    let previousName = -1;
    let parentName = -1;
    let guess = -1;
    if (depth > 0) {
      parent = this.stack[depth - 1]!;
      previous = this.lastChild[depth - 1]!;
      if (previous !== -1) {
        previousName = elements.name[previous]!;
        guess = this.nextName[previousName]!;
        if (guess < 0) guess = previousName;
      } else {
        parentName = elements.name[parent]!;
        guess = this.firstChildName[parentName]!;
      }
    }
    let p = lt + 1;
    let nameId = -1;
    if (guess >= 0) {
      const name = elementNames[guess]!;
      if (isNameAt(codes, p, name)) {
        const c = codes[p + name.length]!;
        if (c < 128 ? (ASCII_CLASS[c]! & NAME) === 0 : !isNameChar(c)) nameId = guess;
      }
    }
    if (nameId < 0) nameId = this.guessAgain(previousName, parentName, p);
    p += elementNames[nameId]!.length;

    const el = elements.count;
    if (el === elements.name.length) elements.grow();
    elements.count = el + 1;
    elements.name[el] = nameId;
    elements.start[el] = lt;
    elements.parent[el] = parent;
    elements.firstAttribute[el] = attributes.count;
    if (parent >= 0) {
      if (previous === -1) elements.firstChild[parent] = el;
      else elements.nextSibling[previous] = el;
      this.lastChild[depth - 1] = el;
    }

    const close = this.scanAttributes(el, p, nameId * PREDICTED);
    if (close < 0) {
      // Self-closing: the element ends with its start tag.
      const e = -close;
      elements.startTagEnd[el] = e;
      elements.endTagStart[el] = e;
      elements.end[el] = e;
      return e;
    }
    elements.startTagEnd[el] = close;
    if (depth === this.stack.length) {
      this.stack = grown(this.stack, depth * 2);
      this.lastChild = grown(this.lastChild, depth * 2);
    }
    this.stack[depth] = el;
    this.lastChild[depth] = -1;
    this.depth = depth + 1;
    return close;
  }

  /**
   * The attributes of element `el`, from p (just after its name) to the end of its start tag:
   * returns the offset after its '>', or minus the offset after its '/>'. Kept apart from
   * startTag because V8 compiles each on its own thread, and two mid-sized functions get their
   * optimized code sooner than one large one.
   */
  private scanAttributes(el: number, p: number, slots: number): number {
    const text = this.text;
    const codes = this.codes;
    const attributes = this.attributes;
    const attributeNames = this.attributeNames.names;
    let c = codes[p]!;
    for (let k = 0; ; k++) {
      const before = p;
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = codes[++p]!;
      if (c === GT) return p + 1;
      if (c === SLASH) {
        if (codes[p + 1]! !== GT) this.fail(`expected '>' after '/' in the start tag of <${this.elementName(el)}>`, p + 1);
        return -(p + 2);
      }
      if (!(c < 128 ? (ASCII_CLASS[c]! & NAME_START) !== 0 : isNameStartChar(c))) {
        if (p >= this.len) this.fail(`unexpected end of file inside the start tag of <${this.elementName(el)}>`, p);
        this.fail(`unexpected ${describeChar(text, p)} in the start tag of <${this.elementName(el)}>: expected an attribute name, '>' or '/>'`, p);
      }
      if (p === before) this.fail(`whitespace is required before attribute ${this.nameAt(p)} of <${this.elementName(el)}>`, p);
      // The attribute name, guessed from what the k-th attribute of this element name was last.
      const start = p;
      const slot = k < PREDICTED ? slots + k : -1;
      let attrId = slot < 0 ? -1 : this.predicted[slot]! - 1;
      if (attrId >= 0) {
        const name = attributeNames[attrId]!;
        c = codes[p + name.length]!;
        if (!isNameAt(codes, p, name) || (c < 128 ? (ASCII_CLASS[c]! & NAME) !== 0 : isNameChar(c))) attrId = -1;
      }
      if (attrId < 0) {
        attrId = this.intern(this.attributeNames, p);
        if (slot >= 0) this.predicted[slot] = attrId + 1;
      }
      p += attributeNames[attrId]!.length;
      if (this.seen[attrId] === el + 1) this.duplicateAttribute(el, attrId, start);
      this.seen[attrId] = el + 1;

      c = codes[p]!;
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = codes[++p]!;
      if (c !== EQUALS) this.fail(`expected '=' after attribute name ${attributeNames[attrId]!}, found ${describeChar(text, p)}`, p);
      c = codes[++p]!;
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = codes[++p]!;
      if (c !== DQUOTE && c !== SQUOTE) {
        this.fail(`the value of attribute ${attributeNames[attrId]!} must be quoted with ' or ", found ${describeChar(text, p)}`, p);
      }
      const valueStart = p + 1;
      const close = text.indexOf(c === DQUOTE ? '"' : "'", valueStart);
      // A '<' before the closing quote is in the value: '<' is never allowed there.
      let nextLt = this.nextLt;
      if (nextLt < valueStart) {
        nextLt = text.indexOf('<', valueStart);
        if (nextLt === -1) nextLt = this.len;
        this.nextLt = nextLt;
      }
      if (close === -1 ? nextLt < this.len : nextLt < close) {
        this.fail(`'<' is not allowed in the value of attribute ${attributeNames[attrId]!} (write &lt;)`, nextLt);
      }
      if (close === -1) this.fail(`unexpected end of file inside the value of attribute ${attributeNames[attrId]!}`, this.len);
      const amp = this.nextAmp;
      if (amp !== -1 && amp < close) this.references(valueStart, close);

      const a = attributes.count;
      if (a === attributes.name.length) attributes.grow();
      attributes.count = a + 1;
      attributes.name[a] = attrId;
      attributes.start[a] = start;
      attributes.valueStart[a] = valueStart;
      attributes.valueEnd[a] = close;
      p = close + 1;
      c = codes[p]!;
    }
  }

  /**
   * The name of a start tag at p that the first guess missed. Siblings often alternate between two
   * followers (a site with one application or two, with a <logFile> or without), so the other
   * follower of the previous sibling's name is tried before the name is interned: few names miss
   * the first guess, and interning one costs far more than a second guess.
   */
  private guessAgain(previousName: number, parentName: number, p: number): number {
    if (previousName < 0) {
      const id = this.intern(this.elementNames, p);
      if (parentName >= 0) this.firstChildName[parentName] = id;
      return id;
    }
    const first = this.nextName[previousName]!;
    const other = this.otherNextName[previousName]!;
    let id = -1;
    if (other >= 0) {
      const name = this.elementNames.names[other]!;
      const c = this.codes[p + name.length]!;
      if (isNameAt(this.codes, p, name) && (c < 128 ? (ASCII_CLASS[c]! & NAME) === 0 : !isNameChar(c))) id = other;
    }
    if (id < 0) id = this.intern(this.elementNames, p);
    this.otherNextName[previousName] = first;
    this.nextName[previousName] = id;
    return id;
  }

  /**
   * Interns the name at `start` (a name start character) and makes room for its id in the tables
   * indexed by name: the rare path, taken once per distinct name and on a wrong guess.
   */
  private intern(table: NameTable, start: number): number {
    const text = this.text;
    const codes = this.codes;
    let p = start;
    let c = codes[p]!;
    let h = HASH_SEED;
    do {
      h = hashStep(h, c);
      c = codes[++p]!;
    } while (isNameChar(c));
    const id = table.intern(text, start, p, h);
    if (table === this.attributeNames) {
      if (id >= this.seen.length) this.seen = grown(this.seen, this.seen.length * 2);
    } else {
      if (id >= this.nextName.length) {
        const n = this.nextName.length * 2;
        this.nextName = grownFilled(this.nextName, n);
        this.otherNextName = grownFilled(this.otherNextName, n);
        this.firstChildName = grownFilled(this.firstChildName, n);
      }
      if ((id + 1) * PREDICTED > this.predicted.length) this.predicted = grown(this.predicted, Math.max(this.predicted.length * 2, (id + 1) * PREDICTED));
    }
    return id;
  }

  /** An end tag at lt ('</'); returns the offset after it. */
  private endTag(lt: number): number {
    const text = this.text;
    const codes = this.codes;
    const nameStart = lt + 2;
    const open = this.stack[this.depth - 1]!;
    const expected = this.elementNames.names[this.elements.name[open]!]!;
    let p = nameStart + expected.length;
    let c = codes[p]!;
    if (!isNameAt(codes, nameStart, expected) || (c < 128 ? (ASCII_CLASS[c]! & NAME) !== 0 : isNameChar(c))) this.endTagMismatch(lt, open);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = codes[++p]!;
    if (c !== GT) this.fail(`expected '>' to close the end tag </${expected}>, found ${describeChar(text, p)}`, p);
    this.elements.endTagStart[open] = lt;
    this.elements.end[open] = p + 1;
    this.depth--;
    return p + 1;
  }

  private endTagMismatch(lt: number, open: number): never {
    const text = this.text;
    const codes = this.codes;
    const nameStart = lt + 2;
    const expected = this.elementName(open);
    let p = nameStart;
    while (isNameChar(codes[p]!)) p++;
    if (p === nameStart || !isNameStartChar(codes[nameStart]!)) {
      this.fail(`expected the name of an end tag after '</' (the open element is <${expected}>)`, nameStart);
    }
    const found = text.slice(nameStart, p);
    const opened = this.errors.lineOf(this.elements.start[open]!);
    this.fail(`end tag </${found}> does not match start tag <${expected}> opened at line ${opened}`, lt);
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
    if (this.codes[dashes + 2]! !== GT) this.fail("'--' is not allowed inside a comment", dashes);
    this.pos = dashes + 3;
  }

  /** A processing instruction at pos ('<?'). The XML declaration is handled before scanning. */
  private processingInstruction(): void {
    const text = this.text;
    const codes = this.codes;
    const lt = this.pos;
    let p = lt + 2;
    if (!isNameStartChar(codes[p]!)) this.fail("expected a processing instruction target after '<?'", p);
    while (isNameChar(codes[p]!)) p++;
    const target = text.slice(lt + 2, p);
    if (target.toLowerCase() === 'xml') {
      if (target === 'xml') this.fail('the XML declaration <?xml ...?> is only allowed at the very start of the file', lt);
      this.fail(`processing instruction target ${target} is reserved`, lt + 2);
    }
    if (!text.startsWith('?>', p) && !isWhitespace(codes[p]!)) {
      this.fail(`unexpected ${describeChar(text, p)} after processing instruction target ${target}`, p);
    }
    const close = text.indexOf('?>', p);
    if (close === -1) this.fail(`unexpected end of file: processing instruction opened at line ${this.errors.lineOf(lt)} is not closed`, this.len);
    this.pos = close + 2;
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.codes[this.pos]!)) this.pos++;
  }

  private elementName(el: number): string {
    return this.elementNames.names[this.elements.name[el]!]!;
  }

  /** The name at p, for messages (may be empty). */
  private nameAt(p: number): string {
    let e = p;
    while (isNameChar(this.codes[e]!)) e++;
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

/**
 * Whether `name` is written at p: compared unit by unit from the code units, with no call per tag
 * and attribute (a startsWith each), whether or not V8 has optimized the scan yet.
 */
function isNameAt(codes: CodeUnits, p: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (codes[p + i] !== name.charCodeAt(i)) return false;
  return true;
}
