package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's daily snapshots as JSON ({@code {"tenantId", "days": [...]}}, oldest first) and as CSV
 * in long form (one row per day and indicator), as ../shared/spec/interfaces.md fixes them.
 */
public final class HistoryFormats {

  private static final CsvSchema CSV_COLUMNS =
      CsvSchema.builder()
          .addColumn("date")
          .addColumn("tenantId")
          .addColumn("indicator")
          .addColumn("value")
          .addColumn("status")
          .build()
          .withHeader();

  private HistoryFormats() {}

  public static String json(String tenantId, List<Snapshot> snapshots) {
    List<Map<String, Object>> days = new ArrayList<>();
    for (Snapshot snapshot : snapshots) {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("date", snapshot.day().toString());
      day.put("score", snapshot.score());
      day.put("riskLevel", snapshot.riskLevel().label());
      day.put("levelSince", snapshot.levelSince().toString());
      Map<String, Object> indicators = new LinkedHashMap<>();
      snapshot
          .indicators()
          .forEach(
              (id, value) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value.value());
                entry.put("status", value.status().label());
                indicators.put(id, entry);
              });
      day.put("indicators", indicators);
      days.add(day);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenantId", tenantId);
    body.put("days", days);
    return ReportFormats.json(body);
  }

  /** Long form: date, tenantId (empty for the tenant-less part), indicator, value, status. */
  public static String csv(String tenantId, List<Snapshot> snapshots) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Snapshot snapshot : snapshots) {
      snapshot
          .indicators()
          .forEach(
              (id, value) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", snapshot.day().toString());
                row.put("tenantId", ReportFormats.text(tenantId));
                row.put("indicator", id);
                row.put("value", value.value());
                row.put("status", value.status().label());
                rows.add(row);
              });
    }
    try {
      return new CsvMapper().writer(CSV_COLUMNS).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the history cannot be written as CSV: " + e.getMessage(), e);
    }
  }
}
