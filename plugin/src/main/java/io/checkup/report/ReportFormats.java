package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.checkup.lint.PlainText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON (the fixed shape) and as CSV (one row per tenant and indicator, for
 * spreadsheets).
 */
public final class ReportFormats {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema CSV_COLUMNS =
      CsvSchema.builder()
          .addColumn("tenantId")
          .addColumn("tenantName")
          .addColumn("plan")
          .addColumn("sizeClass")
          .addColumn("riskLevel")
          .addColumn("score")
          .addColumn("indicator")
          .addColumn("title")
          .addColumn("value")
          .addColumn("min")
          .addColumn("max")
          .addColumn("status")
          .addColumn("details")
          .addColumn("explanation")
          .addColumn("previousValue")
          .addColumn("scoreChange7d")
          .addColumn("scoreChange30d")
          .addColumn("levelSince")
          .addColumn("worsening")
          .build()
          .withHeader();

  private ReportFormats() {}

  public static String json(Object report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code message} of an error answer in Camunda's JSON shape ({@code {"type", "message"}}).
   */
  public static String message(String errorJson) {
    try {
      return JSON.readTree(errorJson).path("message").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an error answer: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * CSV with a header row. Every text cell that a spreadsheet would take for a formula (starting
   * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is prefixed with
   * an apostrophe; numbers stay numbers.
   */
  public static String csv(Report report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Report.TenantReport tenant : report.tenants()) {
      for (Report.IndicatorResult indicator : tenant.indicators()) {
        Map<String, Object> row = new LinkedHashMap<>();
        // the tenant-less part's cell stays empty: no tenant id, "default" included, can be
        // mistaken for it
        row.put("tenantId", text(tenant.tenantId()));
        row.put("tenantName", text(tenant.tenantName()));
        row.put("plan", text(tenant.plan()));
        row.put("sizeClass", text(tenant.sizeClass()));
        row.put("riskLevel", tenant.riskLevel().label());
        row.put("score", tenant.score());
        row.put("indicator", indicator.id());
        row.put("title", indicator.title());
        row.put("value", indicator.value());
        row.put("min", indicator.norm().min());
        row.put("max", indicator.norm().max());
        row.put("status", indicator.status().label());
        row.put("details", text(details(indicator.details())));
        row.put("explanation", text(indicator.explanation()));
        // the trends, so that a spreadsheet sees what the pages show ("7 days ago")
        row.put("previousValue", indicator.previousValue());
        row.put("scoreChange7d", tenant.scoreChange7d());
        row.put("scoreChange30d", tenant.scoreChange30d());
        row.put("levelSince", tenant.levelSince());
        row.put("worsening", text(String.join("; ", tenant.worsening())));
        rows.add(row);
      }
    }
    try {
      return CSV.writer(CSV_COLUMNS).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report cannot be written as CSV: " + e.getMessage(), e);
    }
  }

  /** The details in one cell: "key=value, key=value; key=value, ...". */
  static String details(List<Map<String, Object>> details) {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> item : details) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      StringBuilder one = new StringBuilder();
      for (Map.Entry<String, Object> field : item.entrySet()) {
        if (field.getValue() == null) {
          continue;
        }
        if (!one.isEmpty()) {
          one.append(", ");
        }
        one.append(field.getKey()).append('=').append(field.getValue());
      }
      text.append(one);
    }
    return text.toString();
  }

  /**
   * Neutralises a text cell against formula injection, and writes out the characters that turn text
   * around (as the report's pages do: a spreadsheet would show a spoofed name reversed) and control
   * characters (an escape sequence acts when the file is printed in a terminal). A formula behind
   * white space counts too: spreadsheets that trim a cell on import would read " =1+1" as one.
   */
  static String text(String raw) {
    if (raw == null || raw.isEmpty()) {
      return raw;
    }
    String value = PlainText.withoutControls(raw);
    int first = 0;
    while (first < value.length() && isBlank(value.charAt(first))) {
      first++;
    }
    if (first < value.length() && "=+-@".indexOf(value.charAt(first)) >= 0
        || value.charAt(0) == '\t'
        || value.charAt(0) == '\r') {
      return "'" + value;
    }
    return value;
  }

  /** White space of any kind, the no-break and ideographic spaces included. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
