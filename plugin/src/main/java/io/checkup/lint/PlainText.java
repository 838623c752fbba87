package io.checkup.lint;

/**
 * Text from a model (names, ids, expressions, messages that quote them) made safe for one line of a
 * log, a terminal or a problem report: control characters, line and paragraph separators and
 * bidirectional overrides are written as visible escapes ({@code \n}, {@code \u001b}), so a name
 * can neither start a forged log line nor move the cursor, and the text is cut to a length a reader
 * can take in.
 */
public final class PlainText {

  /** How long a name may be inside a message. */
  public static final int NAME_LENGTH = 120;

  /** How long a message may be on one line of a log. */
  public static final int MESSAGE_LENGTH = 2_000;

  private PlainText() {}

  /**
   * A name, id or value from the model in a message: in single quotes, on one line, at most {@value
   * #NAME_LENGTH} characters of it ({@link #oneLine}).
   */
  public static String quoted(String text) {
    return "'" + oneLine(text, NAME_LENGTH) + "'";
  }

  /**
   * The text on one line, at most {@code maxLength} characters of it (plus a note of how many were
   * cut off); null stays null.
   */
  public static String oneLine(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int kept = Math.min(length, maxLength);
    if (kept < length && kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
      kept--; // never half a character (an emoji is two chars)
    }
    StringBuilder line = null;
    for (int i = 0; i < kept; i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        if (line == null) {
          line = new StringBuilder(kept + 16).append(text, 0, i);
        }
        escape(c, line);
      } else if (line != null) {
        line.append(c);
      }
    }
    if (line == null && kept == length) {
      return text;
    }
    if (line == null) {
      line = new StringBuilder(kept + 32).append(text, 0, kept);
    }
    if (kept < length) {
      line.append("... (").append(text.codePointCount(kept, length)).append(" more characters)");
    }
    return line.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || c == 0x7f
        || (c >= 0x80 && c < 0xa0)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\ufeff' // invisible: a zero-width no-break space, or a byte order mark
        || isBidiControl(c);
  }

  /**
   * The characters that change the direction of the text around them (embeddings, overrides,
   * isolates, and the invisible marks that move neutral characters to the other side): a name with
   * one can show itself reversed, or reverse what follows it.
   */
  public static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }

  /**
   * The text with each direction control and each control character but tab, line feed and carriage
   * return (an escape sequence would recolour or move a terminal's cursor when a CSV file is
   * printed) written out as a visible, inert escape (backslash, u, four hex digits); the rest as it
   * is, line breaks included (text of several lines stays so in a CSV cell or on a page).
   */
  public static String withoutControls(String text) {
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBidiControl(c) || (needsEscape(c) && c != '\t' && c != '\n' && c != '\r')) {
        if (shown == null) {
          shown = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        escape(c, shown);
      } else if (shown != null) {
        shown.append(c);
      }
    }
    return shown == null ? text : shown.toString();
  }

  private static void escape(char c, StringBuilder line) {
    switch (c) {
      case '\n' -> line.append("\\n");
      case '\r' -> line.append("\\r");
      case '\t' -> line.append("\\t");
      default -> line.append(String.format("\\u%04x", (int) c));
    }
  }
}
