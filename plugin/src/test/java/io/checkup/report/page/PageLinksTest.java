package io.checkup.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageLinksTest {

  private static final URI ROOT = URI.create("https://partner.example/api/engine-rest/checkup/");

  /**
   * Where a link on the page at {@code page} (below the check-up's root) leads, from the root, as a
   * browser resolves it (java.net.URI would drop the page's last segment before a bare query).
   */
  private static String followed(String page, String link) {
    String absolute =
        Jsoup.parse("<a>", ROOT.resolve(page).toString())
            .selectFirst("a")
            .attr("href", link)
            .absUrl("href");
    return absolute.substring(ROOT.toString().length());
  }

  @Test
  void theWholeReportLinksToItsOtherViewAndEachClientsHistory() {
    PageLinks links = PageLinks.rest(1, false);
    assertThat(followed("report?format=html", links.full()))
        .isEqualTo("report?format=html&view=full");
    assertThat(followed("report?format=html&view=full", links.triage()))
        .isEqualTo("report?format=html");
    assertThat(followed("report?format=html", links.history("acme")))
        .isEqualTo("history/acme?format=html");
    assertThat(followed("report?format=html", links.history(null)))
        .isEqualTo("history?withoutTenantId=true&format=html");
  }

  @Test
  void aTenantsPagesLinkOneLevelUpToTheOthers() {
    PageLinks links = PageLinks.rest(2, false);
    assertThat(followed("report/acme?format=html", links.full()))
        .isEqualTo("report/acme?format=html&view=full");
    assertThat(followed("report/acme?format=html", links.history("acme")))
        .isEqualTo("history/acme?format=html");
    assertThat(followed("history/acme?format=html", links.report("acme")))
        .isEqualTo("report/acme?format=html");
  }

  @Test
  void theTenantLessPartKeepsItsParameterInEveryLink() {
    PageLinks links = PageLinks.rest(1, true);
    assertThat(followed("report?withoutTenantId=true&format=html", links.full()))
        .isEqualTo("report?withoutTenantId=true&format=html&view=full");
    assertThat(followed("history?withoutTenantId=true&format=html", links.report(null)))
        .isEqualTo("report?withoutTenantId=true&format=html");
  }

  @Test
  void cockpitsPagesLinkOnCockpitsPaths() {
    assertThat(followed("report/acme", PageLinks.cockpit(2).history("acme")))
        .isEqualTo("history/acme");
    assertThat(followed("history/acme", PageLinks.cockpit(2).report("acme")))
        .isEqualTo("report/acme");
    assertThat(followed("report-without-tenant", PageLinks.cockpit(1).history(null)))
        .isEqualTo("history-without-tenant");
    assertThat(followed("history-without-tenant", PageLinks.cockpit(1).report(null)))
        .isEqualTo("report-without-tenant");
    // Cockpit serves no triage page
    assertThat(PageLinks.cockpit(2).triage()).isNull();
  }

  @Test
  void anyTenantIdStaysOneSegment() {
    PageLinks links = PageLinks.rest(1, false);
    for (String id : new String[] {"a b?c#d", "...", ".a", "ünï", "%2F", "x&view=full"}) {
      URI target = URI.create(ROOT + followed("report?format=html", links.history(id)));
      assertThat(target.getPath()).as(id).isEqualTo("/api/engine-rest/checkup/history/" + id);
      assertThat(target.getQuery()).as(id).isEqualTo("format=html");
    }
  }

  /**
   * The web server refuses an encoded slash or backslash in a path, and a browser takes {@code .}
   * and {@code ..} for steps up the path even written {@code %2E}: no link to an error page.
   */
  @Test
  void aTenantIdThatCannotBeOneSegmentGetsNoLink() {
    assertThat(PageLinks.rest(1, false).history("..")).isNull();
    assertThat(PageLinks.cockpit(2).report(".")).isNull();
    assertThat(PageLinks.rest(1, false).history("a/b")).isNull();
    assertThat(PageLinks.rest(2, false).report("a\\b")).isNull();
    assertThat(PageLinks.cockpit(2).history("a/b")).isNull();
    assertThat(PageLinks.rest(1, false).history("a.b")).isNotNull();
  }

  @Test
  void pagesServedAloneLinkNowhere() {
    assertThat(PageLinks.NONE.full()).isNull();
    assertThat(PageLinks.NONE.history("acme")).isNull();
    assertThat(PageLinks.NONE.report(null)).isNull();
  }
}
