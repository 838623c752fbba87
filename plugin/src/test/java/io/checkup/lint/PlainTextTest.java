package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from models and users, made safe for a line of a log, a CSV cell or a page. */
class PlainTextTest {

  @Test
  void aCutNeverSplitsACharacterAndCountsWhatIsLeftInCharacters() {
    String name = "a".repeat(119) + "\uD83D\uDE00".repeat(5); // five emoji, two chars each

    String cut = PlainText.oneLine(name, 120);

    assertThat(cut).isEqualTo("a".repeat(119) + "... (5 more characters)");
    assertThat(PlainText.oneLine("a".repeat(118) + "\uD83D\uDE00".repeat(5), 120))
        .isEqualTo("a".repeat(118) + "\uD83D\uDE00... (4 more characters)");
  }

  @Test
  void withoutControlsWritesOutEscapesAndDirectionControlsButKeepsLineBreaks() {
    assertThat(PlainText.withoutControls("red\u001b[31m\u202eevil\u0085"))
        .isEqualTo("red\\u001b[31m\\u202eevil\\u0085");
    assertThat(PlainText.withoutControls("two\nlines\r\nand\ta tab"))
        .isEqualTo("two\nlines\r\nand\ta tab");
  }
}
