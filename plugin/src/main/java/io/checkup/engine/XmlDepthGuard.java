package io.checkup.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches the bytes of an XML document on their way into the engine's parser and stops the read
 * once elements are nested deeper than a limit. The engine's schema validation and its recursive
 * parse both give out on absurd nesting (on a deployment of 20,000 nested sub-processes, the
 * validator ran out of a 6 GB heap); this stops such a document after the first levels past the
 * limit, in constant memory. A byte scan: tags, end tags, empty elements, comments, CDATA sections,
 * processing instructions and the DOCTYPE are told apart; quoted attribute values are skipped. A
 * document in UTF-16 (a byte order mark) is not scanned.
 */
final class XmlDepthGuard extends FilterInputStream {

  /** Thrown from the read that crossed the limit; the engine's parser passes it up. */
  static final class TooDeepException extends IOException {
    final int line;

    TooDeepException(int limit, int line) {
      super(
          "elements are nested more than "
              + limit
              + " levels deep (line "
              + line
              + "): the model is not read "
              + "further; no process needs such depth, and the engine's parser runs out of memory or stack on it");
      this.line = line;
    }
  }

  private enum State {
    TEXT,
    OPEN,
    START_TAG,
    END_TAG,
    MARKUP,
    COMMENT,
    CDATA,
    PI
  }

  private final int limit;
  private State state = State.TEXT;
  private int depth;
  private int line = 1;
  private int quote;
  private int previous;
  private int dashes;
  private int brackets;
  private long position;
  private boolean off;

  XmlDepthGuard(InputStream in, int limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      scan(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    for (int i = 0; i < read; i++) {
      scan(buffer[offset + i] & 0xff);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    off = true; // a parser that skips bytes is not followed
    return super.skip(n);
  }

  private void scan(int b) throws TooDeepException {
    if (off) {
      return;
    }
    if (position++ == 0 && (b == 0xfe || b == 0xff)) {
      off = true; // UTF-16
      return;
    }
    if (b == '\n') {
      line++;
    }
    switch (state) {
      case TEXT -> {
        if (b == '<') {
          state = State.OPEN;
        }
      }
      case OPEN -> {
        if (b == '/') {
          state = State.END_TAG;
        } else if (b == '!') {
          state = State.MARKUP;
          dashes = 0;
          brackets = 0;
        } else if (b == '?') {
          state = State.PI;
        } else {
          state = State.START_TAG;
          quote = 0;
        }
      }
      case START_TAG -> {
        if (quote != 0) {
          if (b == quote) {
            quote = 0;
          }
        } else if (b == '"' || b == '\'') {
          quote = b;
        } else if (b == '>') {
          state = State.TEXT;
          if (previous != '/' && ++depth > limit) {
            throw new TooDeepException(limit, line);
          }
        }
      }
      case END_TAG -> {
        if (b == '>') {
          state = State.TEXT;
          depth--;
        }
      }
      case MARKUP -> markup(b);
      case COMMENT -> {
        if (b == '>' && dashes >= 2) {
          state = State.TEXT;
        }
        dashes = b == '-' ? dashes + 1 : 0;
      }
      case CDATA -> {
        if (b == '>' && brackets >= 2) {
          state = State.TEXT;
        }
        brackets = b == ']' ? brackets + 1 : 0;
      }
      case PI -> {
        if (b == '>' && previous == '?') {
          state = State.TEXT;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
    previous = b;
  }

  /**
   * After {@code <!}: a comment, a CDATA section, or a declaration (DOCTYPE, with its internal
   * subset).
   */
  private void markup(int b) {
    if (b == '-' && brackets == 0 && ++dashes == 2) {
      state = State.COMMENT;
      dashes = 0;
    } else if (b == '[' && dashes == 0 && brackets == 0 && previous == '!') {
      brackets = -1; // "<![": a CDATA section once the second '[' comes
    } else if (b == '[' && brackets == -1 && previous == 'A') {
      state = State.CDATA;
      brackets = 0;
    } else if (brackets >= 0 && b == '[') {
      brackets++;
    } else if (brackets > 0 && b == ']') {
      brackets--;
    } else if (b == '>' && brackets == 0) {
      state = State.TEXT;
    }
  }
}
