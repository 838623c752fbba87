package io.checkup.testing;

import java.util.Arrays;

/** The benchmarks' middle figure of a set of repetitions. */
public final class Medians {

  private Medians() {}

  /**
   * The middle value of {@code values} once sorted (of an even count, the upper of the two middle
   * ones); {@code values} is left as it was.
   */
  public static double of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
