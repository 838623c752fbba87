package io.checkup.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes in bytes as settings write them: {@code 16MB}, {@code 512KB}, {@code 1GB}, a bare
 * number of bytes.
 */
public final class DataSizes {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

  private DataSizes() {}

  /** A size as settings write it; the error says what is wrong, the caller names the setting. */
  public static long parse(String text) {
    Matcher size = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!size.matches()) {
      throw notASize(text);
    }
    String unit = size.group(2) == null ? "b" : size.group(2);
    long factor =
        switch (unit) {
          case "kb" -> 1L << 10;
          case "mb" -> 1L << 20;
          case "gb" -> 1L << 30;
          default -> 1;
        };
    try {
      return Math.multiplyExact(Long.parseLong(size.group(1)), factor);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is more bytes than a size can be (write 16MB, 512KB, 1GB)");
    }
  }

  private static IllegalArgumentException notASize(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a size (write 16MB, 512KB, 1GB or a number of bytes)");
  }
}
