/**
 * The XML layer's view of a document (ParsedDocument): a light tree whose nodes know their exact
 * source spans in the decoded text (UTF-16 offsets into its `text`, BOM already removed by the
 * file layer).
 * Only elements and attributes are modelled; comments, text, PIs and CDATA are validated and left
 * alone in the text.
 */
export interface XmlAttribute {
  readonly name: string;
  /** Decoded value: entity and character references resolved. */
  readonly value: string;
  /** Offset of the first character of the name. */
  readonly start: number;
  /** Offset just after the opening quote. */
  readonly valueStart: number;
  /** Offset of the closing quote. */
  readonly valueEnd: number;
  readonly quote: '"' | "'";
}

export interface XmlElement {
  readonly name: string;
  /** Offset of '<'. */
  readonly start: number;
  /** Offset just after the '>' that closes the start tag (after '/>' when self-closing). */
  readonly startTagEnd: number;
  readonly selfClosing: boolean;
  /** Offset of '</' of the end tag; equals startTagEnd when self-closing. */
  readonly endTagStart: number;
  /** Offset just after the end tag's '>'; equals startTagEnd when self-closing. */
  readonly end: number;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  readonly parent: XmlElement | null;
  /** Attribute by exact (case-sensitive) name. */
  attribute(name: string): XmlAttribute | undefined;
}

/** One replacement over the original text: `length` characters at `offset` become `text`. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}
