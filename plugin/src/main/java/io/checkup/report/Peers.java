package io.checkup.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the partner's clients by size class, as the latest daily snapshot holds them: what
 * a relative norm ({@code minPercentile}, {@code maxPercentile}) is a percentile of. Taken from the
 * snapshot, not from the report being made, so that a bound is the same for every caller, whatever
 * tenants they may see, and the whole day long.
 */
final class Peers {

  static final Peers NONE = new Peers(Map.of());

  /** Size class, indicator id: the values, ascending. */
  private final Map<String, Map<String, double[]>> values;

  private Peers(Map<String, Map<String, double[]>> values) {
    this.values = values;
  }

  /** The values of one day's snapshots; tenants without a size class or a value do not count. */
  static Peers of(List<Snapshot> day) {
    Map<String, Map<String, double[]>> values = new HashMap<>();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Snapshot snapshot : day) {
      if (snapshot.sizeClass() == null) {
        continue;
      }
      Map<String, double[]> byIndicator =
          values.computeIfAbsent(snapshot.sizeClass(), sizeClass -> new HashMap<>());
      Map<String, Integer> count =
          counts.computeIfAbsent(snapshot.sizeClass(), sizeClass -> new HashMap<>());
      snapshot
          .indicators()
          .forEach(
              (id, value) -> {
                if (value.value() == null) {
                  return;
                }
                int n = count.getOrDefault(id, 0);
                double[] known = byIndicator.getOrDefault(id, new double[8]);
                if (n == known.length) {
                  known = Arrays.copyOf(known, n * 2);
                }
                known[n] = value.value().doubleValue();
                byIndicator.put(id, known);
                count.put(id, n + 1);
              });
    }
    values.forEach(
        (sizeClass, byIndicator) ->
            byIndicator.replaceAll(
                (id, known) -> {
                  double[] exact = Arrays.copyOf(known, counts.get(sizeClass).get(id));
                  Arrays.sort(exact);
                  return exact;
                }));
    return new Peers(values);
  }

  /** How many clients of the size class have a value of the indicator. */
  int count(String sizeClass, Indicator indicator) {
    double[] known = known(sizeClass, indicator);
    return known == null ? 0 : known.length;
  }

  /**
   * The percentile of the size class's values, interpolated between the two nearest (as a
   * spreadsheet's PERCENTILE.INC does): 25 is the value a quarter of the clients are below.
   */
  Double percentile(String sizeClass, Indicator indicator, double percentile) {
    double[] known = known(sizeClass, indicator);
    if (known == null || known.length == 0) {
      return null;
    }
    double rank = percentile / 100 * (known.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, known.length - 1);
    return known[below] + (rank - below) * (known[above] - known[below]);
  }

  private double[] known(String sizeClass, Indicator indicator) {
    Map<String, double[]> byIndicator = sizeClass == null ? null : values.get(sizeClass);
    return byIndicator == null ? null : byIndicator.get(indicator.id());
  }
}
