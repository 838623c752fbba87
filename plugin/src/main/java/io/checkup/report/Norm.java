package io.checkup.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The acceptable range of an indicator. Every part is optional: {@code min} and {@code max} bound the value,
 * {@code minAfterAgeDays} makes the lower bound apply only to tenants at least that many days old (the age rule),
 * {@code minShareOfUsers} turns the lower bound into a share of the tenant's users, and {@code off} switches the
 * indicator off (status n/a), for a size class for instance.
 */
public record Norm(Double min, Double max, Integer minAfterAgeDays, Double minShareOfUsers, boolean off) {

  static final Norm NONE = new Norm(null, null, null, null, false);

  static Norm min(double min) {
    return new Norm(min, null, null, null, false);
  }

  static Norm max(double max) {
    return new Norm(null, max, null, null, false);
  }

  static Norm range(double min, double max) {
    return new Norm(min, max, null, null, false);
  }

  Norm minAfterAge(int days) {
    return new Norm(min, max, days, minShareOfUsers, off);
  }

  static Norm shareOfUsers(double share) {
    return new Norm(null, null, null, share, false);
  }

  /**
   * This norm with the fields an override sets replaced. In the override, a field that is present replaces the
   * one here, {@code null} removes it, and an absent field is kept.
   *
   * @throws IllegalArgumentException when a field is not a number (or boolean for {@code off})
   */
  Norm with(JsonNode override, String where) {
    Double newMin = override.has("min") ? number(override.get("min"), where + ".min") : min;
    Double newMax = override.has("max") ? number(override.get("max"), where + ".max") : max;
    Double ageDays = override.has("minAfterAgeDays")
        ? number(override.get("minAfterAgeDays"), where + ".minAfterAgeDays") : null;
    Integer newAge = override.has("minAfterAgeDays") ? (ageDays == null ? null : ageDays.intValue())
        : minAfterAgeDays;
    Double newShare = override.has("minShareOfUsers")
        ? number(override.get("minShareOfUsers"), where + ".minShareOfUsers") : minShareOfUsers;
    boolean newOff = off;
    if (override.has("off")) {
      JsonNode value = override.get("off");
      if (value.isBoolean()) {
        newOff = value.booleanValue();
      } else if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
        newOff = Boolean.parseBoolean(value.textValue());
      } else {
        throw new IllegalArgumentException(where + ".off must be true or false, not " + value);
      }
    }
    for (String field : iterable(override.fieldNames())) {
      if (!field.equals("min") && !field.equals("max") && !field.equals("minAfterAgeDays")
          && !field.equals("minShareOfUsers") && !field.equals("off")) {
        throw new IllegalArgumentException(where + ": unknown field '" + field
            + "' (known: min, max, minAfterAgeDays, minShareOfUsers, off)");
      }
    }
    return new Norm(newMin, newMax, newAge, newShare, newOff);
  }

  private static Iterable<String> iterable(java.util.Iterator<String> iterator) {
    return () -> iterator;
  }

  /** A number, also when written as text (Spring Boot hands over YAML and properties values as text). */
  static Double number(JsonNode value, String where) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.textValue().trim().replace("_", ""));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(where + " must be a number, not " + value);
  }
}
