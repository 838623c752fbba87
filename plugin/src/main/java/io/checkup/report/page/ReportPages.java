package io.checkup.report.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.checkup.lint.PlainText;
import io.checkup.report.Indicator;
import io.checkup.report.IndicatorTexts;
import io.checkup.report.Report;
import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import io.checkup.report.Snapshot;
import io.checkup.report.Status;
import io.checkup.report.page.Views.Bar;
import io.checkup.report.page.Views.Chart;
import io.checkup.report.page.Views.Client;
import io.checkup.report.page.Views.Day;
import io.checkup.report.page.Views.Detail;
import io.checkup.report.page.Views.ErrorPage;
import io.checkup.report.page.Views.GlossaryEntry;
import io.checkup.report.page.Views.History;
import io.checkup.report.page.Views.Page;
import io.checkup.report.page.Views.Row;
import io.checkup.report.page.Views.Sparkline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's HTML pages, from templates compiled at build time (src/main/jte), which escape
 * everything they print: the triage page (what needs attention, those getting worse first, the
 * explanations once in a glossary), the full page (every indicator), and a client's history.
 */
public final class ReportPages {

  /** How many elements the triage page lists behind one indicator; the rest are counted. */
  static final int TRIAGE_DETAILS = 3;

  /**
   * How many elements the triage page lists per client, to the costliest indicators first: with
   * every indicator out of norm a client still fits on one printed A4 page.
   */
  static final int TRIAGE_CLIENT_DETAILS = 6;

  private static final TemplateEngine TEMPLATES = templates();

  private ReportPages() {}

  /**
   * jte finds precompiled templates through the thread's context class loader as it is when the
   * engine is made: made with the plugin's own, whatever the caller's (a servlet container's).
   */
  private static TemplateEngine templates() {
    Thread thread = Thread.currentThread();
    ClassLoader callers = thread.getContextClassLoader();
    thread.setContextClassLoader(ReportPages.class.getClassLoader());
    try {
      return TemplateEngine.createPrecompiled(
          null, ContentType.Html, null, "io.checkup.report.html");
    } finally {
      thread.setContextClassLoader(callers);
    }
  }

  private static String render(String template, String parameter, Object value) {
    StringOutput out = new StringOutput(64 * 1024);
    TEMPLATES.render(template, Map.of(parameter, value), new BidiSafeOutput(out));
    return out.toString();
  }

  /**
   * jte's HTML escaping, plus: direction controls in anything a model or user wrote are shown, not
   * obeyed, so a name cannot show itself reversed or turn the text after it around.
   */
  private static final class BidiSafeOutput extends OwaspHtmlTemplateOutput {
    BidiSafeOutput(TemplateOutput out) {
      super(out);
    }

    @Override
    public void writeUserContent(String value) {
      super.writeUserContent(value == null ? null : PlainText.withoutControls(value));
    }
  }

  /**
   * The triage page: every client in the summary, those getting worse ({@link
   * io.checkup.report.Decline}) first; per client only the indicators out of norm or in warning,
   * heaviest first, each with its value 7 days ago; the explanations once, at the end.
   *
   * @param cockpit the Cockpit address details link to, e.g. {@code /camunda/app/cockpit/default/}
   * @param links where the full page and the clients' histories are
   */
  public static String triage(Report report, String cockpit, PageLinks links) {
    List<Client> clients = new ArrayList<>();
    String today = day(report);
    for (TenantReport tenant : report.tenants()) {
      clients.add(client(tenant, cockpit, false, links, today));
    }
    clients.sort(Comparator.comparing((Client client) -> client.worsening().isEmpty()));
    return render("report/triage.jte", "page", page(report, clients, false, links.full()));
  }

  /** The triage page, linking to no other page. */
  public static String triage(Report report, String cockpit) {
    return triage(report, cockpit, PageLinks.NONE);
  }

  /**
   * The full page: every indicator of every client, with its explanation and the launches chart.
   *
   * @param links where the triage page and the clients' histories are
   */
  public static String full(Report report, String cockpit, PageLinks links) {
    List<Client> clients = new ArrayList<>();
    String today = day(report);
    for (TenantReport tenant : report.tenants()) {
      clients.add(client(tenant, cockpit, true, links, today));
    }
    return render("report/full.jte", "page", page(report, clients, true, links.triage()));
  }

  /** The full page, linking to no other page. */
  public static String full(Report report, String cockpit) {
    return full(report, cockpit, PageLinks.NONE);
  }

  /**
   * A client's daily snapshots, newest first (the sparkline above runs oldest to newest, left to
   * right), so that this week is read first: per day what was out of norm and in warning, by title,
   * and which indicators changed their status since the day before, which is what moved the score.
   */
  public static String history(String tenantId, String name, List<Snapshot> snapshots) {
    return history(tenantId, name, snapshots, null, PageLinks.NONE);
  }

  /**
   * The history page of the days from {@code shownFrom} on; an earlier snapshot among {@code
   * snapshots} (the day before the first shown) is not a row, only what the first row's changes are
   * measured against.
   *
   * @param links where the client's report page is
   */
  public static String history(
      String tenantId,
      String name,
      List<Snapshot> snapshots,
      LocalDate shownFrom,
      PageLinks links) {
    List<Day> days = new ArrayList<>();
    List<HistoryPoint> points = new ArrayList<>();
    Snapshot before = null;
    for (Snapshot snapshot : snapshots) {
      List<String> outOfNorm = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> changes = new ArrayList<>();
      // the day before only: after a day without a snapshot there is nothing to compare with
      boolean hasBefore = before != null && before.day().equals(snapshot.day().minusDays(1));
      Map<String, Snapshot.Value> previous = hasBefore ? before.indicators() : Map.of();
      snapshot
          .indicators()
          .forEach(
              (id, value) -> {
                // with the value: a list the same every day still shows where it moved
                if (value.status() == Status.OUT_OF_NORM) {
                  outOfNorm.add(title(id) + " (" + value(id, value.value()) + ")");
                } else if (value.status() == Status.WARNING) {
                  warnings.add(title(id) + " (" + value(id, value.value()) + ")");
                }
                Snapshot.Value then = previous.get(id);
                if (hasBefore && then != null && then.status() != value.status()) {
                  changes.add(
                      title(id)
                          + ": "
                          + then.status().words()
                          + " → "
                          + value.status().words()
                          + " ("
                          + value(id, then.value())
                          + " → "
                          + value(id, value.value())
                          + ")");
                }
              });
      if (shownFrom != null && snapshot.day().isBefore(shownFrom)) {
        before = snapshot;
        continue;
      }
      days.add(
          new Day(
              snapshot.day().toString(),
              snapshot.score(),
              snapshot.riskLevel().label(),
              snapshot.riskLevel().words(),
              String.join("; ", outOfNorm),
              String.join("; ", warnings),
              String.join("; ", changes)));
      points.add(
          new HistoryPoint(snapshot.day().toString(), snapshot.score(), snapshot.riskLevel()));
      before = snapshot;
    }
    // the latest first: a reader comes for what changed lately, not for how it began
    Collections.reverse(days);
    return render(
        "report/history.jte",
        "history",
        new History(
            "Check-up history",
            name,
            tenantId == null ? "(none)" : tenantId,
            sparkline(points, 320, 48),
            days,
            links.report(tenantId)));
  }

  /**
   * The page that answers a request for a page with an error: the status and what went wrong, so
   * that a reader who follows a link sees a sentence, not Camunda's JSON.
   */
  public static String error(String status, String message) {
    return render("report/error.jte", "error", new ErrorPage("Camunda check-up", status, message));
  }

  /** The report's UTC day, {@code 2026-12-06}, from its ISO-8601 moment. */
  private static String day(Report report) {
    return report.generatedAt().substring(0, Math.min(10, report.generatedAt().length()));
  }

  /** An indicator's title; its id when this version does not know it (a newer node wrote it). */
  private static String title(String indicatorId) {
    Indicator indicator = Indicator.of(indicatorId);
    return indicator == null ? indicatorId : indicator.title();
  }

  /** A day's value with its unit; a plain number when this version does not know the indicator. */
  private static String value(String indicatorId, Number value) {
    Indicator indicator = Indicator.of(indicatorId);
    if (indicator == null) {
      return value == null ? "n/a" : IndicatorTexts.format(value.doubleValue());
    }
    return IndicatorTexts.value(indicator, value);
  }

  private static Page page(Report report, List<Client> clients, boolean full, String otherView) {
    long atRisk = 0;
    long attention = 0;
    for (TenantReport tenant : report.tenants()) {
      atRisk += tenant.riskLevel() == RiskLevel.AT_RISK ? 1 : 0;
      attention += tenant.riskLevel() == RiskLevel.ATTENTION ? 1 : 0;
    }
    List<GlossaryEntry> glossary = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      glossary.add(
          new GlossaryEntry(
              anchor(indicator.id()),
              indicator.id(),
              indicator.title(),
              IndicatorTexts.defaultNorm(indicator),
              indicator.meaning(),
              indicator.advice()));
    }
    return new Page(
        "Camunda check-up",
        Words.moment(report.generatedAt()),
        full,
        otherView,
        report.tenants().size(),
        atRisk,
        attention,
        report.tenants().size() - atRisk - attention,
        clients,
        glossary,
        "Score: 100 is perfectly healthy, 0 certain to churn; each indicator out of norm takes its "
            + "weight off, a warning (just outside the norm) half of it. Windows are UTC: the last 24 "
            + "hours, the last 7 days (168 hours), the last 30 days; \"7 days ago\" is the daily "
            + "snapshot of that day.");
  }

  /**
   * The daily snapshots and, after the last, the score now: the line ends where the score beside it
   * stands (the latest snapshot is yesterday's); no line yet without snapshots.
   */
  private static List<HistoryPoint> withNow(TenantReport tenant, String today) {
    List<HistoryPoint> points = new ArrayList<>(tenant.history());
    if (!points.isEmpty() && !points.get(points.size() - 1).date().equals(today)) {
      points.add(new HistoryPoint(today, tenant.score(), tenant.riskLevel()));
    }
    return points;
  }

  private static Client client(
      TenantReport tenant, String cockpit, boolean full, PageLinks links, String today) {
    List<Row> rows = new ArrayList<>();
    List<IndicatorResult> costly = costliestFirst(tenant);
    List<IndicatorResult> shown = full ? tenant.indicators() : costly;
    List<String> costliest = new ArrayList<>();
    for (IndicatorResult indicator : costly.subList(0, Math.min(3, costly.size()))) {
      costliest.add(indicator.title());
    }
    int budget = full ? Integer.MAX_VALUE : TRIAGE_CLIENT_DETAILS;
    int unlisted = 0;
    long beyondLimit = 0;
    for (IndicatorResult indicator : shown) {
      List<Detail> details = new ArrayList<>();
      for (Map<String, Object> item : indicator.details()) {
        if (budget == 0 || (!full && details.size() == TRIAGE_DETAILS)) {
          break;
        }
        details.add(Details.describe(item, cockpit, !full));
        budget--;
      }
      unlisted += indicator.details().size() - details.size();
      beyondLimit += indicator.unlisted();
      Indicator kind = Indicator.of(indicator.id());
      rows.add(
          new Row(
              indicator.id(),
              indicator.title(),
              indicator.valueText(),
              indicator.previousValue() == null
                  ? "–"
                  : IndicatorTexts.value(kind, indicator.previousValue()),
              indicator.normText(),
              indicator.status() == Status.NOT_APPLICABLE ? "na" : indicator.status().label(),
              indicator.status().words(),
              anchor(indicator.id()),
              indicator.explanation(),
              kind == null ? null : kind.detailsCaption(),
              details,
              indicator.details().size() - details.size() + indicator.unlisted(),
              indicator.unlisted()));
    }
    return new Client(
        tenant.tenantId() == null ? "without-tenant" : "tenant-" + anchorPart(tenant.tenantId()),
        name(tenant),
        tenant.tenantId(),
        tenant.riskLevel().label(),
        tenant.riskLevel().words(),
        tenant.score(),
        change(tenant.scoreChange7d()),
        tenant.scoreChange7d() == null || tenant.scoreChange7d() == 0
            ? "flat"
            : tenant.scoreChange7d() < 0 ? "down" : "up",
        change(tenant.scoreChange30d()),
        tenant.levelSince(),
        sparkline(withNow(tenant, today), 120, 28),
        tenant.worsening(),
        tenant.reasons(),
        String.join("; ", costliest),
        facts(tenant),
        rows,
        notJudged(tenant),
        unlisted,
        beyondLimit,
        full ? chart(tenant.launches()) : null,
        links.history(tenant.tenantId()));
  }

  /**
   * "the last 24 hours (from 2026-12-06 on) and the last 7 days (from 2026-12-12 on)": the windows
   * of a young client not judged yet, shortest first (without a date while the tenant's first day
   * is not known); null when every window is judged.
   */
  private static String notJudged(TenantReport tenant) {
    Map<Integer, String> from = new TreeMap<>();
    for (IndicatorResult indicator : tenant.indicators()) {
      if (indicator.judgedFrom() != null) {
        from.put(Indicator.of(indicator.id()).windowDays(), indicator.judgedFrom());
      }
    }
    if (from.isEmpty()) {
      return null;
    }
    List<String> windows = new ArrayList<>();
    for (Map.Entry<Integer, String> window : from.entrySet()) {
      windows.add(
          "the last "
              + IndicatorTexts.window(window.getKey())
              + (window.getValue().isEmpty() ? "" : " (from " + window.getValue() + " on)"));
    }
    int last = windows.size() - 1;
    return last == 0
        ? windows.get(0)
        : String.join(", ", windows.subList(0, last)) + " and " + windows.get(last);
  }

  /**
   * The indicators out of norm or in warning, what costs the most score first: its weight out of
   * norm, half of it in warning.
   */
  private static List<IndicatorResult> costliestFirst(TenantReport tenant) {
    List<IndicatorResult> costly = new ArrayList<>();
    for (IndicatorResult indicator : tenant.indicators()) {
      if (indicator.status() == Status.OUT_OF_NORM || indicator.status() == Status.WARNING) {
        costly.add(indicator);
      }
    }
    costly.sort(
        Comparator.comparingDouble(
            (IndicatorResult indicator) ->
                -(indicator.status() == Status.WARNING
                    ? indicator.weight() / 2.0
                    : indicator.weight())));
    return costly;
  }

  private static String change(Integer change) {
    if (change == null) {
      return null;
    }
    return change > 0 ? "+" + change : change < 0 ? "−" + (-change) : "±0";
  }

  private static String facts(TenantReport tenant) {
    StringBuilder facts =
        new StringBuilder("tenant id ")
            .append(tenant.tenantId() == null ? "(none)" : tenant.tenantId());
    facts.append(" · size class ").append(tenant.sizeClass() == null ? "–" : tenant.sizeClass());
    if (tenant.plan() != null) {
      facts.append(" · plan ").append(tenant.plan());
    }
    if (tenant.profile() != null) {
      facts.append(" · profile ").append(tenant.profile());
    }
    facts
        .append(" · ")
        .append(
            tenant.users() == null
                ? "users unknown"
                : tenant.users() + (tenant.users() == 1 ? " user" : " users"));
    facts
        .append(" · ")
        .append(
            tenant.ageDays() == null
                ? "nothing deployed"
                : "first deployed " + tenant.ageDays() + " days ago");
    return facts.toString();
  }

  static String name(TenantReport tenant) {
    if (tenant.tenantId() == null) {
      return "(default)";
    }
    return tenant.tenantName() == null || tenant.tenantName().isBlank()
        ? tenant.tenantId()
        : tenant.tenantName();
  }

  private static String anchor(String indicatorId) {
    return "g-" + anchorPart(indicatorId);
  }

  /**
   * An id part that is safe in a fragment and tells ids apart: letters, digits, dot and dash stay,
   * anything else becomes {@code _hex_}.
   */
  private static String anchorPart(String text) {
    StringBuilder part = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                part.append((char) c);
              } else {
                part.append('_').append(Integer.toHexString(c)).append('_');
              }
            });
    return part.toString();
  }

  /** The score over the days of the history as a line; 100 at the top. */
  static Sparkline sparkline(List<HistoryPoint> points, int width, int height) {
    if (points.isEmpty()) {
      return new Sparkline(true, width, height, "", "0", "0", "", null, null);
    }
    StringBuilder line = new StringBuilder();
    double step = points.size() == 1 ? 0 : (width - 4) / (double) (points.size() - 1);
    double x = 2;
    double y = 2;
    for (int i = 0; i < points.size(); i++) {
      x = 2 + i * step;
      y = 2 + (height - 4) * (100 - points.get(i).score()) / 100.0;
      line.append(line.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
    }
    HistoryPoint first = points.get(0);
    HistoryPoint last = points.get(points.size() - 1);
    return new Sparkline(
        false,
        width,
        height,
        line.toString(),
        fmt(x),
        fmt(y),
        "score "
            + first.score()
            + " on "
            + first.date()
            + ", "
            + last.score()
            + " on "
            + last.date(),
        first.date(),
        last.date());
  }

  /** Bars of launches per day, today's (still running) lighter. */
  private static Chart chart(Report.Launches launches) {
    List<Long> values = launches.perDay();
    long max = 1;
    for (long value : values) {
      max = Math.max(max, value);
    }
    double slot = (560 - 44) / (double) values.size();
    int plot = 110 - 18 - 6;
    LocalDate from = LocalDate.parse(launches.from());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      long value = values.get(i);
      double barHeight = value == 0 ? 0 : Math.max(1, plot * value / (double) max);
      boolean today = i == values.size() - 1;
      bars.add(
          new Bar(
              fmt(44 + i * slot + 1),
              fmt(110 - 18 - barHeight),
              fmt(slot - 2),
              fmt(barHeight),
              today ? "#9cc3e6" : "#3a7dc1",
              from.plusDays(i) + ": " + value + (today ? " (today so far)" : "")));
    }
    return new Chart(
        bars,
        IndicatorTexts.format(max),
        from.toString(),
        from.plusDays(values.size() - 1L).toString());
  }

  /** A coordinate: one decimal, none when it is whole (0 to a few thousand pixels). */
  static String fmt(double value) {
    long tenths = Math.round(value * 10);
    String whole = Long.toString(tenths / 10);
    long decimal = Math.abs(tenths % 10);
    String sign = tenths < 0 && tenths > -10 ? "-" : "";
    return decimal == 0 ? sign + whole : sign + whole + "." + decimal;
  }
}
