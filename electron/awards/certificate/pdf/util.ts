// Small helpers around pdf-lib's object model shared by the renderer, the signer and the readers.
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFObject,
  ParseSpeeds,
  PDFString,
  type LoadOptions,
  type PDFContext,
  type PDFRef,
} from 'pdf-lib';

/** Reading PDFs: leave /Info alone, parse without yielding to the event loop, tolerate what can be read. */
export const LOAD_OPTIONS: LoadOptions = {
  updateMetadata: false,
  ignoreEncryption: true,
  parseSpeed: ParseSpeeds.Fastest,
};

/**
 * A text string: a literal when it is printable ASCII without parentheses or backslashes (PDFString
 * writes its value unescaped), else UTF-16BE with a byte order mark.
 */
export function textString(s: string): PDFString | PDFHexString {
  return /^[\x20-\x27\x2a-\x5b\x5d-\x7e]*$/.test(s) ? PDFString.of(s) : PDFHexString.fromText(s);
}

/** The text of a string object (PDFDocEncoding or UTF-16BE), else undefined. */
export function decodeText(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The dictionary a value is or refers to (streams are not dictionaries here), else undefined. */
export function dictOf(context: PDFContext, value: PDFObject | undefined): PDFDict | undefined {
  const v = context.lookup(value);
  return v instanceof PDFDict ? v : undefined;
}

export function arrayOf(context: PDFContext, value: PDFObject | undefined): PDFArray | undefined {
  const v = context.lookup(value);
  return v instanceof PDFArray ? v : undefined;
}

/** "num gen obj … endobj" as bytes, serialised by pdf-lib (for incremental updates). */
export function indirectObjectBytes(ref: PDFRef, object: PDFObject): Buffer {
  const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
  const size = object.sizeInBytes();
  const out = Buffer.allocUnsafe(head.length + size + 8);
  out.write(head, 0, 'latin1');
  const written = object.copyBytesInto(out, head.length);
  if (written !== size) throw new Error(`internal: ${ref.toString()} wrote ${written} of ${size} bytes`);
  out.write('\nendobj\n', head.length + size, 'latin1');
  return out;
}

/**
 * A direct value serialised once (by pdf-lib) and written as is into any number of documents: for values
 * every certificate of a batch repeats, such as a batch font's /W array of every glyph's width.
 */
export class PDFPreserialized extends PDFObject {
  readonly bytes: Uint8Array;

  constructor(value: PDFObject) {
    super();
    const bytes = new Uint8Array(value.sizeInBytes());
    value.copyBytesInto(bytes, 0);
    this.bytes = bytes;
  }

  override clone(): this {
    return this;
  }

  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }

  override sizeInBytes(): number {
    return this.bytes.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}
