/**
 * Where and why a text is not valid JSON (RFC 8259), as `line 3, column 12: …`. JSON.parse's own
 * messages differ between engines and often give no position, and an organiser editing a file by
 * hand needs the line. Returns null for valid JSON. Used only after JSON.parse has failed.
 */
export function jsonSyntaxError(text: string): string | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.pos < text.length) scanner.fail('more text after the end of the JSON value');
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return `${position(text, error.offset)}: ${error.message}`;
    // A document nested deeper than the stack allows: say so without a position.
    return 'nested too deeply to read';
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }

  space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  /** What stands at the current position, as the organiser would see it: `"event"`, `true`, `"]"`. */
  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const rest = this.text.slice(this.pos, this.pos + 40);
    const token = /^"(?:[^"\\\n]|\\.){0,30}"?|^[A-Za-z0-9_.+-]{1,20}/.exec(rest)?.[0];
    return token && token.startsWith('"') ? token : JSON.stringify(token ?? rest[0]);
  }

  /** After a value inside an object or array: the comma or the closing bracket. */
  private separator(close: '}' | ']', after: string): boolean {
    this.space();
    const next = this.text[this.pos];
    if (next === close || next === ',') {
      this.pos++;
      return next === close;
    }
    const hint = next === '"' || next === '{' || next === '[' ? ' (is a comma missing?)' : '';
    this.fail(`expected "," or "${close}" after ${after}, found ${this.found()}${hint}`);
  }

  value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (c === "'") this.fail('text must be in double quotes "…", not single quotes');
    if (c === '}' || c === ']')
      this.fail(
        `expected a value, found ${this.found()} (JSON allows no comma before ${this.found()})`,
      );
    this.fail(`expected a value, found ${this.found()}`);
  }

  private object(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      const c = this.text[this.pos];
      if (c === '}')
        this.fail('expected a field name, found "}" (JSON allows no comma before "}")');
      if (c !== '"') this.fail(`expected a field name in double quotes, found ${this.found()}`);
      this.string();
      this.space();
      if (this.text[this.pos] !== ':')
        this.fail(`expected ":" after the field name, found ${this.found()}`);
      this.pos++;
      this.value();
      if (this.separator('}', 'a field')) return;
    }
  }

  private array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      if (this.separator(']', 'an item')) return;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('text in quotes is never closed', start);
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail('"\\u" must be followed by 4 hex digits');
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.pos += 2;
        } else {
          this.fail(`"\\${e ?? ''}" is not a valid escape in JSON text`);
        }
        continue;
      }
      if (c < ' ') this.fail('a line break or control character inside text in quotes (write \\n)');
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) this.fail(`expected a number, found ${this.found()}`);
    this.pos += match[0].length;
    const c = this.text[this.pos];
    if (c !== undefined && /[0-9A-Za-z.]/.test(c))
      this.fail(`a number cannot continue with ${this.found()}`);
  }
}

/** `line L, column C` of an offset, both counted from 1. */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
