package io.checkup.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page (no scripts, no external files) that a partner opens
 * or prints: the tenants most at risk first, out-of-norm values highlighted, every indicator
 * explained, and a chart of launches per day over the last 4 weeks per tenant. Everything that came
 * from a model or a user is escaped.
 */
public final class ReportHtml {

  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2329;\
      margin:24px auto;max-width:1200px;padding:0 16px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:0}h3{font-size:15px;margin:18px 0 6px}
      .muted{color:#5f6b76}.small{font-size:12px}
      table{border-collapse:collapse;width:100%;margin:8px 0}
      th,td{border-bottom:1px solid #dde3e8;padding:6px 8px;text-align:left;vertical-align:top}
      th{background:#f3f6f8;font-weight:600}
      td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap}
      .healthy{background:#dff3e4;color:#17692f}.attention{background:#fff1cc;color:#7a5400}\
      .at-risk{background:#fbdcdc;color:#9b1c1c}
      td.status{white-space:nowrap}.st-ok{color:#17692f}.st-warning{color:#7a5400;font-weight:600}.st-out-of-norm{color:#9b1c1c;font-weight:700}\
      .st-na{color:#5f6b76}
      tr.row-out-of-norm{background:#fdeeee}tr.row-warning{background:#fff8e5}
      section.tenant{border:1px solid #dde3e8;border-radius:8px;padding:16px;margin:20px 0;break-inside:auto}
      section.tenant header{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
      .score{font-size:22px;font-weight:700}
      ul.reasons{margin:6px 0 0 18px;padding:0}
      .explain{font-size:12.5px;color:#38434d}
      .details{font-size:12px;color:#38434d;margin:4px 0 0 16px;padding:0}
      svg.chart{display:block;margin:6px 0}
      @media print{body{margin:0;max-width:none}section.tenant{break-before:page;border:none;padding:0}\
      a{color:inherit;text-decoration:none}}
      """;

  private ReportHtml() {}

  public static String render(Report report) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Camunda check-up</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    html.append("<h1>Camunda check-up</h1><p class=\"muted\">Generated ")
        .append(escape(report.generatedAt()))
        .append(" &middot; ")
        .append(report.tenants().size())
        .append(report.tenants().size() == 1 ? " tenant" : " tenants")
        .append(" &middot; ")
        .append(count(report, "at-risk"))
        .append(" at risk, ")
        .append(count(report, "attention"))
        .append(" need attention, ")
        .append(count(report, "healthy"))
        .append(" healthy</p>\n");
    summary(html, report);
    int index = 0;
    for (Report.TenantReport tenant : report.tenants()) {
      tenant(html, tenant, ++index);
    }
    html.append(
        "<p class=\"muted small\">Score: 100 is perfectly healthy, 0 certain to churn; each indicator out of "
            + "norm takes its weight off, a warning (just outside the norm) half of it. Windows are UTC days; "
            + "&ldquo;last 7 days&rdquo; is today and the 6 days before.</p>\n</body></html>\n");
    return html.toString();
  }

  private static long count(Report report, String level) {
    return report.tenants().stream()
        .filter(tenant -> tenant.riskLevel().label().equals(level))
        .count();
  }

  private static void summary(StringBuilder html, Report report) {
    html.append(
            "<table class=\"summary\"><thead><tr><th>Tenant</th><th>Risk</th><th class=\"num\">Score</th>")
        .append(
            "<th>Plan</th><th class=\"num\">Users</th><th>Top reasons</th></tr></thead><tbody>\n");
    int index = 0;
    for (Report.TenantReport tenant : report.tenants()) {
      index++;
      html.append("<tr><td><a href=\"#tenant-")
          .append(index)
          .append("\">")
          .append(escape(name(tenant)))
          .append("</a></td><td>")
          .append(badge(tenant.riskLevel().label()))
          .append("</td><td class=\"num\">")
          .append(tenant.score())
          .append("</td><td>")
          .append(escape(orDash(tenant.plan())))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(tenant.users() == null ? "&ndash;" : tenant.users())
          .append("</td><td>")
          .append(escape(String.join(" ", tenant.reasons())))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private static void tenant(StringBuilder html, Report.TenantReport tenant, int index) {
    html.append("<section class=\"tenant\" id=\"tenant-")
        .append(index)
        .append("\"><header><h2>")
        .append(escape(name(tenant)))
        .append("</h2>")
        .append(badge(tenant.riskLevel().label()))
        .append("<span class=\"score\">")
        .append(tenant.score())
        .append("</span><span class=\"muted\">")
        .append("tenant id ")
        .append(escape(tenant.tenantId() == null ? "(none)" : tenant.tenantId()))
        .append(" &middot; size class ")
        .append(escape(orDash(tenant.sizeClass())))
        .append(tenant.plan() == null ? "" : " &middot; plan " + escape(tenant.plan()))
        .append(tenant.profile() == null ? "" : " &middot; profile " + escape(tenant.profile()))
        .append(" &middot; ")
        .append(tenant.users() == null ? "users unknown" : tenant.users() + " users")
        .append(" &middot; ")
        .append(
            tenant.ageDays() == null
                ? "nothing deployed"
                : "first deployed " + tenant.ageDays() + " days ago")
        .append("</span></header>\n");
    if (!tenant.reasons().isEmpty()) {
      html.append("<ul class=\"reasons\">");
      for (String reason : tenant.reasons()) {
        html.append("<li>").append(escape(reason)).append("</li>");
      }
      html.append("</ul>\n");
    }
    html.append("<h3>Launches per day, last 4 weeks</h3>");
    chart(html, tenant.launches());
    html.append(
            "<table class=\"indicators\"><thead><tr><th>Indicator</th><th class=\"num\">Value</th>")
        .append(
            "<th>Norm</th><th>Status</th><th>What it means and what to do</th></tr></thead><tbody>\n");
    for (Report.IndicatorResult indicator : tenant.indicators()) {
      String status =
          indicator.status() == Status.NOT_APPLICABLE ? "na" : indicator.status().label();
      html.append("<tr class=\"row-")
          .append(status)
          .append("\"><td>")
          .append(escape(indicator.title()))
          .append("<br><span class=\"muted small\">")
          .append(escape(indicator.id()))
          .append("</span></td><td class=\"num\">")
          .append(escape(indicator.valueText()))
          .append("</td><td>")
          .append(escape(indicator.normText()))
          .append("</td><td class=\"status st-")
          .append(status)
          .append("\">")
          .append(escape(indicator.status().label().replace('-', ' ')))
          .append("</td><td><div class=\"explain\">")
          .append(escape(indicator.explanation()))
          .append("</div>");
      details(html, indicator.details());
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");
  }

  private static void details(StringBuilder html, List<Map<String, Object>> details) {
    if (details.isEmpty()) {
      return;
    }
    html.append("<ul class=\"details\">");
    for (Map<String, Object> item : details) {
      html.append("<li>").append(escape(ReportFormats.details(List.of(item)))).append("</li>");
    }
    html.append("</ul>");
  }

  /**
   * Bars of launches per day, today's (still running) lighter; each bar has its date and count as a
   * tooltip.
   */
  static void chart(StringBuilder html, Report.Launches launches) {
    List<Long> values = launches.perDay();
    List<LocalDate> days = chartDays(launches);
    long max = 1;
    for (long value : values) {
      max = Math.max(max, value);
    }
    int width = 560;
    int height = 110;
    int left = 44;
    int bottom = 18;
    double slot = (width - left) / (double) values.size();
    html.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"launches per day\">");
    int plot = height - bottom - 6;
    html.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(height - bottom)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(height - bottom)
        .append("\" stroke=\"#9aa5ae\"/>");
    html.append("<text x=\"")
        .append(left - 6)
        .append("\" y=\"12\" text-anchor=\"end\" font-size=\"10\" ")
        .append("fill=\"#5f6b76\">")
        .append(IndicatorTexts.format(max))
        .append("</text>");
    html.append("<text x=\"")
        .append(left - 6)
        .append("\" y=\"")
        .append(height - bottom)
        .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#5f6b76\">0</text>");
    for (int i = 0; i < values.size(); i++) {
      long value = values.get(i);
      double barHeight = value == 0 ? 0 : Math.max(1, plot * value / (double) max);
      boolean today = i == values.size() - 1;
      html.append("<rect x=\"")
          .append(fmt(left + i * slot + 1))
          .append("\" y=\"")
          .append(fmt(height - bottom - barHeight))
          .append("\" width=\"")
          .append(fmt(slot - 2))
          .append("\" height=\"")
          .append(fmt(barHeight))
          .append("\" fill=\"")
          .append(today ? "#9cc3e6" : "#3a7dc1")
          .append("\"><title>")
          .append(days.get(i))
          .append(": ")
          .append(value)
          .append(today ? " (today so far)" : "")
          .append("</title></rect>");
    }
    html.append("<text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(height - 4)
        .append("\" font-size=\"10\" fill=\"#5f6b76\">")
        .append(days.get(0))
        .append("</text>");
    html.append("<text x=\"")
        .append(width)
        .append("\" y=\"")
        .append(height - 4)
        .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#5f6b76\">")
        .append(days.get(days.size() - 1))
        .append(" (today)</text></svg>\n");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String badge(String level) {
    return "<span class=\"badge "
        + escape(level)
        + "\">"
        + escape(level.replace('-', ' '))
        + "</span>";
  }

  private static String name(Report.TenantReport tenant) {
    if (tenant.tenantId() == null) {
      return "(default)";
    }
    return tenant.tenantName() == null || tenant.tenantName().isBlank()
        ? tenant.tenantId()
        : tenant.tenantName();
  }

  private static String orDash(String value) {
    return value == null ? "–" : value;
  }

  /** Days of the launch chart, oldest first. */
  private static List<LocalDate> chartDays(Report.Launches launches) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate from = LocalDate.parse(launches.from());
    for (int i = 0; i < launches.perDay().size(); i++) {
      days.add(from.plusDays(i));
    }
    return days;
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
