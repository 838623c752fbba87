package io.checkup.report;

import java.util.HashMap;
import java.util.Map;

/**
 * The explanations of one report, made once per indicator, norm and note: most tenants share them
 * (the same size class, the same norm), so a report over a thousand tenants holds a few hundred
 * explanations, not twenty-six thousand.
 */
final class Explanations {

  private record Key(Indicator indicator, String norm, String note, boolean above) {}

  private final Map<Key, String> made = new HashMap<>();

  /**
   * "Norm: {norm}. {meaning} What to do: {advice} {note}"; for a value above the norm's upper bound
   * the advice for that ({@link Indicator#explanationTailAbove}).
   */
  String of(Indicator indicator, String norm, String note, boolean above) {
    return made.computeIfAbsent(
        new Key(indicator, norm, note, above),
        key ->
            "Norm: "
                + norm
                + (above ? indicator.explanationTailAbove() : indicator.explanationTail())
                + (note == null ? "" : " " + note));
  }
}
