package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads a report as a client does: from its JSON. */
final class ReportAssertions {

  private ReportAssertions() {}

  static JsonNode json(Report report) throws Exception {
    return new ObjectMapper().readTree(ReportFormats.json(report));
  }

  static JsonNode tenant(JsonNode report, String tenantId) {
    for (JsonNode tenant : report.get("tenants")) {
      if (tenantId == null
          ? tenant.get("tenantId").isNull()
          : tenantId.equals(tenant.get("tenantId").asText())) {
        return tenant;
      }
    }
    throw new AssertionError("no tenant " + tenantId + " in " + report);
  }

  static JsonNode indicator(JsonNode tenant, String id) {
    for (JsonNode indicator : tenant.get("indicators")) {
      if (indicator.get("id").asText().equals(id)) {
        return indicator;
      }
    }
    throw new AssertionError("no indicator " + id + " in " + tenant.get("tenantId"));
  }

  /** Asserts value and status of an indicator. */
  static void check(JsonNode tenant, String id, Object value, String status) {
    JsonNode indicator = indicator(tenant, id);
    if (value == null) {
      assertThat(indicator.get("value").isNull())
          .as(id + " value of " + tenant.get("tenantId"))
          .isTrue();
    } else if (value instanceof Double number) {
      assertThat(indicator.get("value").asDouble())
          .as(id + " value of " + tenant.get("tenantId"))
          .isEqualTo(number);
    } else {
      assertThat(indicator.get("value").asLong())
          .as(id + " value of " + tenant.get("tenantId"))
          .isEqualTo(((Number) value).longValue());
    }
    assertThat(indicator.get("status").asText())
        .as(id + " status of " + tenant.get("tenantId"))
        .isEqualTo(status);
  }

  static List<String> field(JsonNode items, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : items) {
      values.add(item.get(field).asText());
    }
    return values;
  }
}
