package io.checkup.demo.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin in the demo's real Cockpit, in a real browser: Debian's headless Chromium
 * driven through Debian's chromedriver (nothing is downloaded). Runs with {@code
 * -Dcheckup.test.browser=true} ({@code .ci/run} installs both programs). With {@code
 * -Dcheckup.screenshots=<folder>} it leaves the screenshots docs/cockpit.md shows there.
 */
@EnabledIfSystemProperty(named = "checkup.test.browser", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "spring.datasource.url=jdbc:h2:mem:checkup-cockpit-browser;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort private int port;
  @Autowired private ProcessEngine engine;
  @Autowired private CheckupProcessEnginePlugin checkup;

  private CockpitFixture fixture;
  private Path profile;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void worldAndBrowser() throws Exception {
    fixture = CockpitFixture.create(engine, checkup);
    profile = Files.createTempDirectory("checkup-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("checkup.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("checkup.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
    // an element of the page being left may go while it is looked at: look again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    try (var files = Files.walk(profile)) {
      files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void aMemberSeesTheFindingsTheHeatmapAndOnlyTheirTenant() throws Exception {
    logIn("ulla", "secret");

    // the dashboard: the check-up of the member's tenant, and of no other
    List<WebElement> rows =
        wait.until(
            ExpectedConditions.presenceOfAllElementsLocatedBy(
                By.cssSelector(".checkup-dashboard tr[data-tenant]")));
    assertThat(rows).extracting(row -> row.getAttribute("data-tenant")).containsExactly("alpha");
    assertThat(rows.get(0).getText()).contains("Alpha Inc");
    assertThat(browser.findElement(By.cssSelector(".checkup-dashboard")).getText())
        .doesNotContain("Beta");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView()",
            browser.findElement(By.cssSelector(".checkup-dashboard")));
    screenshot("cockpit-dashboard.png");

    // the diagram: the deadlock on the join, with the rule in its hover text
    browser.get(cockpit() + "#/process-definition/" + fixture.alphaDefinition + "/runtime");
    WebElement deadlock =
        shown(".checkup-finding[data-rule='deadlock'][data-element='" + CockpitFixture.JOIN + "']");
    assertThat(deadlock.getAttribute("aria-label"))
        .startsWith("error: ")
        .contains("(deadlock)")
        .contains("waits");
    // the severities are told apart without colour: an error round, a warning square, each saying
    // its severity to a screen reader
    WebElement warning =
        shown(
            ".checkup-finding.checkup-warn[data-rule='superfluous-termination'][data-element='end']");
    assertThat(warning.getAttribute("aria-label")).startsWith("warning: ");
    assertThat(deadlock.getText()).isEqualTo("!");
    assertThat(deadlock.getCssValue("border-radius")).isEqualTo("9px");
    assertThat(warning.getCssValue("border-radius")).isEqualTo("3px");
    new Actions(browser).moveToElement(deadlock).perform();
    WebElement tip = deadlock.findElement(By.cssSelector(".checkup-tip"));
    wait.until(ExpectedConditions.visibilityOf(tip));
    assertThat(tip.getText()).contains("deadlock");
    assertThat(tip.findElement(By.tagName("a")).getAttribute("href"))
        .endsWith("/docs/rules/deadlock.md");
    // the join's name is markup from the model: shown as text, never run
    assertThat(tip.getText()).contains("<img src=x");
    assertThat(
            ((JavascriptExecutor) browser).executeScript("return window.checkupXss === undefined"))
        .isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    // the branch the 100 runs never took
    assertThat(shown(".checkup-dead[data-flow='large']").getText()).isEqualTo("dead");
    screenshot("cockpit-finding.png");

    // the heatmap of the traffic driven, in the last 24 hours
    shown(".checkup-heatmap-toggle button[data-window='24h']").click();
    WebElement heat = shown(".checkup-heat[data-element='checkSmall']");
    assertThat(heat.getText()).isEqualTo(String.valueOf(CockpitFixture.ALPHA_RUNS));
    // on the task's top edge, clear of the bottom left where Cockpit puts its own badges
    Rectangle task = shown(".djs-element[data-element-id='checkSmall'] .djs-visual").getRect();
    assertThat(heat.getRect().y + heat.getRect().height).isLessThan(task.y + task.height / 2);
    assertThat(shown(".checkup-heat[data-flow='small']").getText())
        .isEqualTo(String.valueOf(CockpitFixture.ALPHA_RUNS));
    assertThat(browser.findElements(By.cssSelector(".checkup-heat[data-element='checkLarge']")))
        .isEmpty();
    new Actions(browser).moveToElement(shown(".checkup-heatmap-toggle")).perform();
    wait.until(ExpectedConditions.invisibilityOf(tip));
    screenshot("cockpit-heatmap.png");
    shown(".checkup-heatmap-toggle button[data-window='']").click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".checkup-heat"), 0));

    // in a small window Cockpit fits the diagram right up to the top left: the toolbar fits it into
    // the room below itself, covering none of it and cutting none of it off
    browser.manage().window().setSize(new Dimension(1024, 768));
    browser.navigate().refresh();
    WebElement bar = shown(".checkup-heatmap-toggle");
    shown(".checkup-finding[data-rule='deadlock']");
    wait.until(
        page -> {
          Rectangle toolbar = bar.getRect();
          Rectangle pane = shown(".djs-container").getRect();
          List<Rectangle> shapes =
              page.findElements(By.cssSelector(".djs-shape")).stream()
                  .filter(WebElement::isDisplayed)
                  .map(WebElement::getRect)
                  .toList();
          return shapes.size() >= 6
              && shapes.stream().noneMatch(shape -> overlap(toolbar, shape))
              && shapes.stream().allMatch(shape -> inside(shape, pane));
        });
    screenshot("cockpit-small-window.png");
    // a finding's text opens inside the diagram wherever its badge sits: upwards near the bottom,
    // leftwards near the right edge (it opened downwards and was cut off after a line)
    Rectangle pane = shown(".djs-container").getRect();
    int checked = 0;
    for (WebElement badge : browser.findElements(By.cssSelector(".checkup-finding"))) {
      if (!badge.isDisplayed()) {
        continue;
      }
      new Actions(browser).moveToElement(badge).perform();
      WebElement text = badge.findElement(By.cssSelector(".checkup-tip"));
      wait.until(ExpectedConditions.visibilityOf(text));
      Rectangle shown = text.getRect();
      assertThat(inside(shown, pane))
          .as(
              "%s: its text at %s, the diagram at %s",
              badge.getAttribute("aria-label"), shown.y, pane.y)
          .isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
    browser.manage().window().setSize(new Dimension(1400, 900));

    // the tab of findings
    browser.findElement(By.xpath("//a[normalize-space()='Lint findings']")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".checkup-findings tr[data-rule='deadlock']")));
    assertThat(row.getText()).contains(CockpitFixture.JOIN).contains("error");
    // counted, and the errors first, whatever their place in the file
    assertThat(shown(".checkup-findings-summary").getText())
        .matches("\\d+ finding\\(s\\): [1-9]\\d* error\\(s\\), \\d+ warning\\(s\\), \\d+ info");
    List<String> severities =
        browser.findElements(By.cssSelector(".checkup-findings tbody tr td:first-child")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(severities).contains("warn");
    assertThat(severities)
        .isSortedAccordingTo(
            Comparator.comparing(severity -> List.of("error", "warn", "info").indexOf(severity)));
    screenshot("cockpit-findings-tab.png");

    // the definition without a tenant: its findings, but no heatmap or dead branches offered to a
    // member, who may not see its statistics (and no request the server would refuse)
    browser.get(cockpit() + "#/process-definition/" + fixture.tenantLessDefinition + "/runtime");
    shown(".checkup-finding[data-rule='deadlock'][data-element='" + CockpitFixture.JOIN + "']");
    // (Cockpit may still be taking the previous definition's page down: look again until settled)
    Boolean noToggle =
        wait.until(
            page ->
                page.findElements(By.cssSelector(".checkup-heatmap-toggle")).stream()
                    .noneMatch(WebElement::isDisplayed));
    assertThat(noToggle).isTrue();

    // the dashboard's link opens the tenant's full report in the same Cockpit session
    browser.get(cockpit() + "#/dashboard");
    String report =
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(
                        ".checkup-dashboard tr[data-tenant='alpha'] a.checkup-report-link")))
            .getAttribute("href");
    browser.get(report);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Alpha Inc")
        .contains("Dead branches")
        .doesNotContain("Beta Ltd");
    // and on to the tenant's history, and back
    browser.findElement(By.cssSelector("header a.history")).click();
    wait.until(ExpectedConditions.urlContains("/dashboard/history/alpha"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check-up history");
    browser.findElement(By.cssSelector("a.view")).click();
    wait.until(ExpectedConditions.urlContains("/dashboard/report/alpha"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dead branches");
  }

  private static boolean inside(Rectangle shape, Rectangle pane) {
    return shape.x >= pane.x
        && shape.y >= pane.y
        && shape.x + shape.width <= pane.x + pane.width
        && shape.y + shape.height <= pane.y + pane.height;
  }

  private static boolean overlap(Rectangle a, Rectangle b) {
    return a.x < b.x + b.width
        && b.x < a.x + a.width
        && a.y < b.y + b.height
        && b.y < a.y + a.height;
  }

  /**
   * The first element of this selector that is on screen, once there is one (Cockpit may keep
   * another, hidden diagram viewer of the same definition).
   */
  private WebElement shown(String selector) {
    return wait.until(
        page ->
            page.findElements(By.cssSelector(selector)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  private void logIn(String user, String password) {
    browser.get(cockpit());
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] input[type='text']")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .sendKeys(password);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  private void screenshot(String name) throws Exception {
    String folder = System.getProperty("checkup.screenshots");
    if (folder == null || folder.isBlank()) {
      return;
    }
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of(folder));
    Files.copy(shot, Path.of(folder, name), StandardCopyOption.REPLACE_EXISTING);
  }
}
