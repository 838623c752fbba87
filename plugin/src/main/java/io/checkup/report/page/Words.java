package io.checkup.report.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Values of the report as the pages write them for people: no brackets, no ISO-8601 "T" and "Z".
 */
final class Words {

  /** The details' fields that hold a moment (ISO-8601, UTC). */
  private static final Set<String> MOMENTS = Set.of("since", "due", "created", "lastDeployment");

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Words() {}

  /**
   * A details field's value: a list as {@code "urgent, vip"}, a moment as {@code "2026-12-03 22:14
   * UTC"}, anything else as it is (a moment that does not parse too).
   */
  static String value(String key, Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return MOMENTS.contains(key) && value instanceof String text
        ? moment(text)
        : String.valueOf(value);
  }

  /** An ISO-8601 instant to the minute, in UTC: {@code "2026-12-06 14:20 UTC"}; else the text. */
  static String moment(String iso) {
    try {
      return MINUTE.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}
