package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message read without its element beside it (a code-scanning alert, Camunda's problem report)
 * names the element's id once.
 */
class FindingTest {

  @Test
  void aMessageThatNamesTheElementIsLeftAsItIs() {
    assertThat(on("a", "'Approve' (a) can never be reached").messageNamingElement())
        .isEqualTo("'Approve' (a) can never be reached");
    assertThat(on("Task_1", "Element Task_1 can never be reached").messageNamingElement())
        .isEqualTo("Element Task_1 can never be reached");
    assertThat(on("Task_1", "The gateway waits for Task_1.").messageNamingElement())
        .isEqualTo("The gateway waits for Task_1.");
  }

  @Test
  void anIdThatIsOnlyPartOfAWordIsAdded() {
    assertThat(on("a", "Element is missing label/name").messageNamingElement())
        .isEqualTo("Element is missing label/name (element a)");
    assertThat(on("t1", "Element t10 can never be reached").messageNamingElement())
        .isEqualTo("Element t10 can never be reached (element t1)");
    assertThat(on("Task", "Element Task.1 can never be reached").messageNamingElement())
        .isEqualTo("Element Task.1 can never be reached (element Task)");
    assertThat(on("1", "Element Task_1 can never be reached").messageNamingElement())
        .isEqualTo("Element Task_1 can never be reached (element 1)");
  }

  /** {@code id=""}: an empty id is found at every place of a text; the search used never to end. */
  @Test
  void anElementWithAnEmptyIdIsNotNamedAndTheSearchEnds() {
    assertThat(
            assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> on("", "Element is missing label/name").messageNamingElement()))
        .isEqualTo("Element is missing label/name");
  }

  @Test
  void aFindingWithoutElementIsItsMessage() {
    assertThat(on(null, "Process has no start event").messageNamingElement())
        .isEqualTo("Process has no start event");
  }

  private static Finding on(String elementId, String message) {
    return new Finding("rule", Severity.ERROR, message, elementId, 1, 1, "process", List.of());
  }
}
