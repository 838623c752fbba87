package io.checkup.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One counter: a metric for a tenant (null: no tenant), a process definition key and a dimension
 * (element, flow or assignee; "" where the metric has none) in the period starting at {@code
 * periodStart} (epoch milliseconds, UTC).
 */
public record StatKey(
    String tenantId, String processKey, Metric metric, String dimension, long periodStart) {

  public StatKey {
    dimension = dimension == null ? "" : dimension;
    processKey = processKey == null ? "" : processKey;
  }

  /** The longest dimension the statistics table holds ({@code DIMENSION_ varchar(255)}). */
  static final int DIMENSION_LENGTH = 255;

  /**
   * A dimension as the statistics table holds it: as it is up to 255 characters; a longer one (a
   * flow's id may be any length: Camunda never stores it) as its first 238 characters, {@code #}
   * and 16 hex digits of its SHA-256, so that two long ids never share a count. Whoever asks the
   * statistics about an element or flow by its id asks with this.
   */
  public static String storedDimension(String dimension) {
    if (dimension == null || dimension.length() <= DIMENSION_LENGTH) {
      return dimension;
    }
    return dimension.substring(0, DIMENSION_LENGTH - 17) + "#" + shortDigest(dimension);
  }

  /** 16 hex digits of the SHA-256 of a text's UTF-8 bytes: enough to tell texts apart. */
  static String shortDigest(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  StatKey withPeriod(long start) {
    return new StatKey(tenantId, processKey, metric, dimension, start);
  }

  StatKey withDimension(String newDimension) {
    return new StatKey(tenantId, processKey, metric, newDimension, periodStart);
  }

  StatKey withProcessKey(String newProcessKey) {
    return new StatKey(tenantId, newProcessKey, metric, dimension, periodStart);
  }

  StatKey withTenant(String newTenant) {
    return new StatKey(newTenant, processKey, metric, dimension, periodStart);
  }
}
