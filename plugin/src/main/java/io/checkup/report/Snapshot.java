package io.checkup.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * A tenant's check-up at the end of one UTC day, as the daily snapshot keeps it.
 *
 * @param tenantId null for the tenant-less part
 * @param levelSince the first day of the current level (of a run of days at this level)
 * @param sizeClass the tenant's size class that day (null when none applied)
 * @param indicators every indicator's value (null for n/a) and status, by indicator id
 */
public record Snapshot(
    LocalDate day,
    String tenantId,
    int score,
    RiskLevel riskLevel,
    LocalDate levelSince,
    String sizeClass,
    Map<String, Value> indicators) {

  /** One indicator's value and status that day. */
  public record Value(Number value, Status status) {}

  /**
   * The key a tenant is stored under (snapshots, and the alerts' tenant states): any tenant id, and
   * the tenant-less part, kept apart. No key ends in a space: MySQL's and MariaDB's collations
   * ignore trailing spaces, so 't:acme ' would be the same primary key as 't:acme', and one such
   * tenant would fail every tenant's snapshot of the day. An id ending in a space gets a prefix of
   * its own and a closing dot.
   */
  public static String key(String tenantId) {
    if (tenantId == null) {
      return "-";
    }
    return tenantId.endsWith(" ") ? "s:" + tenantId + "." : "t:" + tenantId;
  }
}
