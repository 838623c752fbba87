package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The docs cannot drift from the code: every rule has docs/rules/&lt;id&gt;.md naming its default
 * severity and carrying its {@code @RuleInfo} summary word for word, with a correct and an
 * incorrect example; the index lists every rule.
 */
class RuleDocsTest {

  private static final Path DOCS = ProjectPaths.docs("rules");

  @Test
  void everyRuleHasItsPage() throws IOException {
    for (Rule rule : RuleCatalog.standard().rules()) {
      Path page = DOCS.resolve(rule.id() + ".md");
      assertThat(page).as("docs page of " + rule.id()).isRegularFile();
      String text = Files.readString(page);
      assertThat(text)
          .as(page.toString())
          .startsWith("# " + rule.id() + "\n")
          .contains("**Default severity:** " + rule.info().severity().label())
          .contains(rule.info().summary())
          .contains("## Incorrect")
          .contains("## Correct");
    }
  }

  /**
   * SARIF's helpUri and Cockpit link the two findings that are not rules to pages of their own too.
   */
  @Test
  void theFindingsThatAreNotRulesHaveTheirPages() throws IOException {
    for (String id : new String[] {Finding.PARSE_ERROR, Finding.INTERNAL_ERROR}) {
      Path page = DOCS.resolve(id + ".md");
      assertThat(page).as("docs page of " + id).isRegularFile();
      assertThat(Files.readString(page)).startsWith("# " + id + "\n").contains("## What to do");
      assertThat(RulePages.of(id)).endsWith("/docs/rules/" + id + ".md");
    }
  }

  @Test
  void theIndexListsEveryRule() throws IOException {
    String index = Files.readString(DOCS.resolve("README.md"));
    for (Rule rule : RuleCatalog.standard().rules()) {
      assertThat(index)
          .as("index entry of " + rule.id())
          .contains("[" + rule.id() + "](" + rule.id() + ".md)");
    }
  }
}
