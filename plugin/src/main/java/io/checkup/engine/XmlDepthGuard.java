package io.checkup.engine;

import io.checkup.lint.xml.XmlReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Watches the bytes of an XML document on their way into the engine's parser and stops the read
 * once elements are nested deeper than a limit. The engine's schema validation and its recursive
 * parse both give out on absurd nesting (on a deployment of 20,000 nested sub-processes, the
 * validator ran out of a 6 GB heap); this stops such a document after the first levels past the
 * limit, in constant memory. A byte scan: tags, end tags, empty elements, comments, CDATA sections,
 * processing instructions and the DOCTYPE are told apart; quoted attribute values are skipped. A
 * document in UTF-16 or UTF-32 (a byte order mark, or the zero bytes around its first character, as
 * the linter's reader finds them) is followed a character at a time: each character is one byte to
 * the scan, itself when it is ASCII, a neutral letter when not.
 */
final class XmlDepthGuard extends FilterInputStream {

  /** Thrown from the read that crossed the limit; the engine's parser passes it up. */
  static final class TooDeepException extends IOException {
    final int line;

    /**
     * Just after the {@code >} that closes the start tag one level too deep, as Camunda's parser
     * gives an element's position, 1-based: in characters for a document in UTF-16 or UTF-32 or one
     * of ASCII only, in bytes where a line holds other UTF-8; a byte order mark is not counted.
     */
    final int column;

    TooDeepException(int limit, int line, int column) {
      super(XmlReader.nestedTooDeep(limit, line));
      this.line = line;
      this.column = column;
    }
  }

  // the scan's states
  private static final int TEXT = 0;
  private static final int OPEN = 1;
  private static final int START_TAG = 2;
  private static final int END_TAG = 3;
  private static final int MARKUP = 4;
  private static final int COMMENT = 5;
  private static final int CDATA = 6;
  private static final int PI = 7;

  private final int limit;
  private final byte[] single = new byte[1];
  private int state = TEXT;
  private int depth;
  private int line = 1;
  // the bytes scanned before the current read, where the scan's line starts (both counted in the
  // scanned bytes), and the current read's first byte's index: for the column of a refusal
  private long scanned;
  private long lineStart;
  private long base;
  private int quote;
  private int previous;
  private int dashes;
  private int brackets;
  private boolean off;

  // the encoding's width, found from the first four bytes (0 until then), and the bytes of a
  // character split across reads
  private final byte[] head = new byte[4];
  private int headLength;
  private int width;
  private boolean bigEndian;
  private final byte[] unit = new byte[4];
  private int unitLength;
  private byte[] narrow = new byte[0];

  XmlDepthGuard(InputStream in, int limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      single[0] = (byte) b;
      follow(single, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read > 0) {
      follow(buffer, offset, offset + read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    off = true; // a parser that skips bytes is not followed
    return super.skip(n);
  }

  /**
   * Follows the bytes {@code from} to {@code to} as they arrive: the first four decide the width of
   * a character; in UTF-16 and UTF-32 each whole character becomes one byte of a narrow copy, which
   * is scanned as a one-byte document is.
   */
  private void follow(byte[] bytes, int from, int to) throws TooDeepException {
    if (off) {
      return;
    }
    if (width == 0) {
      while (from < to && headLength < head.length) {
        head[headLength++] = bytes[from++];
      }
      if (headLength < head.length) {
        return; // a document of under four bytes nests nothing
      }
      Charset charset = XmlReader.encodingOfFirstBytes(head);
      String name = charset == null ? "" : charset.name();
      width = name.startsWith("UTF-32") ? 4 : name.startsWith("UTF-16") ? 2 : 1;
      bigEndian = name.endsWith("BE");
      // a byte order mark is no column: three bytes in UTF-8, one narrowed character otherwise
      if ((head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
        lineStart = 3;
      } else if (width > 1 && startsWithMark()) {
        lineStart = 1;
      }
      narrowed(head, 0, head.length);
    }
    narrowed(bytes, from, to);
  }

  /** Whether the first bytes are a UTF-16 or UTF-32 byte order mark. */
  private boolean startsWithMark() {
    int a = head[0] & 0xff;
    int b = head[1] & 0xff;
    int c = head[2] & 0xff;
    int d = head[3] & 0xff;
    return (a == 0xfe && b == 0xff)
        || (a == 0xff && b == 0xfe)
        || (a == 0 && b == 0 && c == 0xfe && d == 0xff);
  }

  private void narrowed(byte[] bytes, int from, int to) throws TooDeepException {
    if (width == 1) {
      scan(bytes, from, to);
      return;
    }
    int characters = (unitLength + to - from) / width;
    if (narrow.length < characters) {
      narrow = new byte[Math.max(characters, 8_192)];
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      unit[unitLength++] = bytes[i];
      if (unitLength == width) {
        int value = 0;
        for (int k = 0; k < width; k++) {
          int b = unit[bigEndian ? k : width - 1 - k] & 0xff;
          value = value << 8 | b;
        }
        // markup is ASCII; any other character (a half of a surrogate pair too) is plain text
        narrow[n++] = (byte) (value >= 0 && value < 0x80 ? value : 'x');
        unitLength = 0;
      }
    }
    scan(narrow, 0, n);
  }

  /**
   * Follows the one-byte characters {@code from} to {@code to}. Text and the inside of a start tag,
   * most of a document, are passed over in loops of their own that only look for the byte that ends
   * them and for line ends.
   */
  private void scan(byte[] bytes, int from, int to) throws TooDeepException {
    base = scanned - from;
    scanned += to - from;
    int i = from;
    while (i < to) {
      int b = bytes[i++] & 0xff;
      if (b == '\n') {
        line++;
        lineStart = base + i;
      }
      switch (state) {
        case TEXT -> {
          if (b == '<') {
            state = OPEN;
          } else {
            i = passOver(bytes, i, to, '<', '<', '<');
          }
        }
        case OPEN -> {
          if (b == '/') {
            state = END_TAG;
          } else if (b == '!') {
            state = MARKUP;
            dashes = 0;
            brackets = 0;
          } else if (b == '?') {
            state = PI;
          } else {
            state = START_TAG;
            quote = 0;
          }
        }
        case START_TAG -> {
          if (quote != 0) {
            if (b == quote) {
              quote = 0;
            } else {
              i = passOver(bytes, i, to, quote, quote, quote);
            }
          } else if (b == '"' || b == '\'') {
            quote = b;
          } else if (b == '>') {
            state = TEXT;
            if (previous != '/' && ++depth > limit) {
              throw new TooDeepException(
                  limit, line, (int) Math.min(base + i - lineStart + 1, 1L << 30));
            }
          } else {
            i = passOver(bytes, i, to, '"', '\'', '>');
          }
        }
        case END_TAG -> {
          if (b == '>') {
            state = TEXT;
            depth--;
          }
        }
        case MARKUP -> markup(b);
        case COMMENT -> {
          if (b == '>' && dashes >= 2) {
            state = TEXT;
          }
          dashes = b == '-' ? dashes + 1 : 0;
        }
        case CDATA -> {
          if (b == '>' && brackets >= 2) {
            state = TEXT;
          }
          brackets = b == ']' ? brackets + 1 : 0;
        }
        case PI -> {
          if (b == '>' && previous == '?') {
            state = TEXT;
          }
        }
        default -> throw new IllegalStateException("state " + state);
      }
      previous = bytes[i - 1] & 0xff; // the last byte followed, a passed-over one included
    }
  }

  /**
   * Passes over the bytes from {@code i} up to the first of the three stop bytes (or {@code to}),
   * counting line ends; returns where it stopped.
   */
  private int passOver(byte[] bytes, int i, int to, int stop1, int stop2, int stop3) {
    int lineEnds = 0;
    int lastLineEnd = -1;
    while (i < to) {
      int next = bytes[i];
      if (next == stop1 || next == stop2 || next == stop3) {
        break;
      }
      if (next == '\n') {
        lineEnds++;
        lastLineEnd = i;
      }
      i++;
    }
    if (lineEnds > 0) {
      line += lineEnds;
      lineStart = base + lastLineEnd + 1;
    }
    return i;
  }

  /**
   * After {@code <!}: a comment, a CDATA section, or a declaration (DOCTYPE, with its internal
   * subset).
   */
  private void markup(int b) {
    if (b == '-' && brackets == 0 && ++dashes == 2) {
      state = COMMENT;
      dashes = 0;
    } else if (b == '[' && dashes == 0 && brackets == 0 && previous == '!') {
      brackets = -1; // "<![": a CDATA section once the second '[' comes
    } else if (b == '[' && brackets == -1 && previous == 'A') {
      state = CDATA;
      brackets = 0;
    } else if (brackets >= 0 && b == '[') {
      brackets++;
    } else if (brackets > 0 && b == ']') {
      brackets--;
    } else if (b == '>' && brackets == 0) {
      state = TEXT;
    }
  }
}
