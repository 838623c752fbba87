package io.checkup.text;

import java.util.Locale;

/** Offers the known name a misspelt one was probably meant to be. */
public final class Spelling {

  private Spelling() {}

  /**
   * The known name fewest edits away from {@code name} (letter case aside), if at most {@code
   * close} edits; else null. Of names equally close, the first.
   */
  public static String closest(String name, Iterable<String> known, int close) {
    String word = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = close + 1;
    for (String candidate : known) {
      int distance = distance(word, candidate.toLowerCase(Locale.ROOT), bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, or {@code limit} once it cannot be below it. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
