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
  private final ReportConfig config;

  /** The explanations of a report made with this configuration (its thresholds are named). */
  Explanations(ReportConfig config) {
    this.config = config;
  }

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
                + (above
                    ? indicator.explanationTailAbove(config)
                    : indicator.explanationTail(config))
                + (note == null ? "" : " " + note));
  }
}
