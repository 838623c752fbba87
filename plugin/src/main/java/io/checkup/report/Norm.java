package io.checkup.report;

/**
 * The acceptable range of an indicator. Every part is optional: {@code min} and {@code max} bound
 * the value, {@code minAfterAgeDays} makes the lower bound apply only to tenants at least that many
 * days old (the age rule), {@code minShareOfUsers} turns the lower bound into a share of the
 * tenant's users, {@code minPercentile} and {@code maxPercentile} make a bound relative to the
 * partner's other clients of the same size class (see {@link Peers}), and {@code off} switches the
 * indicator off (status n/a), for a size class for instance.
 */
public record Norm(
    Double min,
    Double max,
    Integer minAfterAgeDays,
    Double minShareOfUsers,
    Double minPercentile,
    Double maxPercentile,
    boolean off) {

  static final Norm NONE = new Norm(null, null, null, null, null, null, false);

  static Norm min(double min) {
    return new Norm(min, null, null, null, null, null, false);
  }

  static Norm max(double max) {
    return new Norm(null, max, null, null, null, null, false);
  }

  static Norm range(double min, double max) {
    return new Norm(min, max, null, null, null, null, false);
  }

  Norm minAfterAge(int days) {
    return new Norm(min, max, days, minShareOfUsers, minPercentile, maxPercentile, off);
  }

  static Norm shareOfUsers(double share) {
    return new Norm(null, null, null, share, null, null, false);
  }

  /** Whether a bound is relative to the other clients of the size class. */
  boolean relative() {
    return minPercentile != null || maxPercentile != null;
  }

  /**
   * This norm with the fields an override gives replaced: a field that is given replaces the one
   * here ({@code null} removes it), one not given is kept.
   */
  Norm with(ReportSettings.NormSettings override) {
    return new Norm(
        override.given("min") ? override.getMin() : min,
        override.given("max") ? override.getMax() : max,
        override.given("minAfterAgeDays") ? override.getMinAfterAgeDays() : minAfterAgeDays,
        override.given("minShareOfUsers") ? override.getMinShareOfUsers() : minShareOfUsers,
        override.given("minPercentile") ? override.getMinPercentile() : minPercentile,
        override.given("maxPercentile") ? override.getMaxPercentile() : maxPercentile,
        override.given("off") ? Boolean.TRUE.equals(override.getOff()) : off);
  }
}
