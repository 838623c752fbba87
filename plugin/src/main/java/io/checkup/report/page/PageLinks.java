package io.checkup.report.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the report's pages link to one another: the other view of the same report, and a client's
 * history. Each is relative to the page's own address, so the links hold behind a proxy that serves
 * the REST API or Cockpit under another path; null where whoever serves the page serves no such
 * page.
 *
 * @param triage the triage view of the report the page shows
 * @param full the full view of the report the page shows
 * @param root the way from the page to the root its pages lie under ({@code "../"} from {@code
 *     /report/acme}), or null where the histories are not served
 * @param rest the REST API's addresses ({@code /history/acme?format=html}, {@code
 *     /history?withoutTenantId=true&format=html}), else Cockpit's ({@code history/acme}, {@code
 *     history-without-tenant})
 */
public record PageLinks(String triage, String full, String root, boolean rest) {

  /** No links: pages served where none of the others are. */
  public static final PageLinks NONE = new PageLinks(null, null, null, true);

  /**
   * The links of a page the REST API serves.
   *
   * @param depth how many path segments the page's address has below the check-up's root: 1 for
   *     {@code /report}, 2 for {@code /report/acme} or {@code /history/acme}
   * @param withoutTenantId the page shows the tenant-less part ({@code ?withoutTenantId=true})
   */
  public static PageLinks rest(int depth, boolean withoutTenantId) {
    String view = withoutTenantId ? "?withoutTenantId=true&format=html" : "?format=html";
    return new PageLinks(view, view + "&view=full", up(depth), true);
  }

  /**
   * The links of a page the plugin serves in Cockpit ({@code .../dashboard/report/acme}), which has
   * a tenant's full report and history only.
   *
   * @param depth how many path segments the page's address has below the dashboard's: 1 for {@code
   *     report-without-tenant}, 2 for {@code report/acme} or {@code history/acme}
   */
  public static PageLinks cockpit(int depth) {
    return new PageLinks(null, null, up(depth), false);
  }

  private static String up(int depth) {
    return "../".repeat(Math.max(0, depth - 1));
  }

  /** A client's history page (null: the tenant-less part's), or null where none is served. */
  public String history(String tenantId) {
    return page("history", tenantId);
  }

  /** A tenant's report page (null: the tenant-less part's), or null where none is served. */
  public String report(String tenantId) {
    return page("report", tenantId);
  }

  /**
   * The page, or null where there is none to link to: also for a tenant id that cannot be one path
   * segment, so that no link leads to an error page: one with {@code /} or {@code \}, which the web
   * server refuses in a path even encoded (docs/report.md), and {@code .} or {@code ..}, which a
   * browser resolves as steps up the path even written {@code %2E}.
   */
  private String page(String resource, String tenantId) {
    if (root == null || tenantId != null && !segmentable(tenantId)) {
      return null;
    }
    if (!rest) {
      return root + resource + (tenantId == null ? "-without-tenant" : "/" + segment(tenantId));
    }
    return tenantId == null
        ? root + resource + "?withoutTenantId=true&format=html"
        : root + resource + "/" + segment(tenantId) + "?format=html";
  }

  /** Whether a tenant id can be one segment of a path a browser asks for as it is written. */
  static boolean segmentable(String id) {
    return !id.contains("/") && !id.contains("\\") && !id.equals(".") && !id.equals("..");
  }

  /** A tenant id as one path segment: everything but unreserved characters percent-encoded. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
