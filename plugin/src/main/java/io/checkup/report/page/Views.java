package io.checkup.report.page;

import java.util.List;

/** What the report's HTML templates show, worked out beforehand: the templates only lay it out. */
public final class Views {

  private Views() {}

  /**
   * A page of the check-up.
   *
   * @param full every indicator of every tenant (the full page) or only what needs attention
   * @param otherView the link to the same report's other view (full or triage), or null
   */
  public record Page(
      String title,
      String generatedAt,
      boolean full,
      String otherView,
      int tenants,
      long atRisk,
      long attention,
      long healthy,
      List<Client> clients,
      List<GlossaryEntry> glossary,
      String note) {}

  /**
   * One client (tenant) on a page.
   *
   * @param costliest the titles of the (up to 3) indicators that cost the most score
   * @param notJudged for a client younger than some indicators' windows, which of them are not
   *     judged yet and from when ("the last 7 days (from 2026-12-12 on)"); null otherwise
   * @param unlisted how many elements behind the values the rows leave out that the full page lists
   * @param beyondLimit how many elements behind the values no page lists: the report's details stop
   *     at {@code detailsLimit} per indicator
   * @param history the link to the client's history page, or null
   */
  public record Client(
      String anchor,
      String name,
      String tenantId,
      String level,
      String levelText,
      int score,
      String change7d,
      String changeClass,
      String change30d,
      String levelSince,
      Sparkline sparkline,
      List<String> worsening,
      List<String> reasons,
      String costliest,
      String facts,
      List<Row> rows,
      String notJudged,
      int unlisted,
      long beyondLimit,
      Chart chart,
      String history) {}

  /**
   * An indicator of one client.
   *
   * @param listed what the details list, where their lines alone do not say it, or null
   * @param moreDetails how many elements behind the value the row does not list
   * @param beyondLimit how many of those the report itself does not list (its details' limit)
   */
  public record Row(
      String id,
      String title,
      String value,
      String previous,
      String norm,
      String status,
      String statusText,
      String glossary,
      String explanation,
      String listed,
      List<Detail> details,
      long moreDetails,
      long beyondLimit) {}

  /** One element behind a value, in words, with a link to it in Cockpit where there is one. */
  public record Detail(String text, String href, String linkText) {}

  /**
   * The score over the last days as an inline line (no script), or empty without history.
   *
   * @param from the first day drawn, {@code to} the last
   */
  public record Sparkline(
      boolean empty,
      int width,
      int height,
      String points,
      String lastX,
      String lastY,
      String title,
      String from,
      String to) {}

  /** Launches per day, as bars. */
  public record Chart(List<Bar> bars, String max, String from, String to) {}

  /** One bar of a chart. */
  public record Bar(String x, String y, String width, String height, String fill, String title) {}

  /** An indicator explained once, at the end of the page. */
  public record GlossaryEntry(
      String anchor, String id, String title, String norm, String meaning, String advice) {}

  /**
   * An error answered as a page, to a request for one.
   *
   * @param status the HTTP status and its reason, "404 Not Found"
   * @param message what went wrong, as the JSON answer says it
   */
  public record ErrorPage(String title, String status, String message) {}

  /**
   * A client's history page: a day a row.
   *
   * @param report the link to the client's report page, or null
   */
  public record History(
      String title,
      String name,
      String tenantId,
      Sparkline sparkline,
      List<Day> days,
      String report) {}

  /**
   * One day of a client's history.
   *
   * @param changes the indicators whose status changed since the day before, "title: ok → warning"
   */
  public record Day(
      String date,
      int score,
      String level,
      String levelText,
      String outOfNorm,
      String warnings,
      String changes) {}
}
