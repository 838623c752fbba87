package io.checkup.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as people write them in settings. */
class DurationsTest {

  @Test
  void shortFormsIsoAndBareNumbers() {
    assertThat(Durations.parse("60s", "s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Durations.parse("5m", "s")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("12h", "s")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("14d", "s")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse("250ms", "s")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT1M", "s")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("30", "s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("30", "d")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void writtenBackInTheLargestWholeUnitAsTheyAreReadIn() {
    assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("14d");
    assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
    assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(Durations.format(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
    // finer than a millisecond, or more milliseconds than a long holds: still written, and read
    // back
    assertThat(Durations.format(Duration.ofNanos(100_000))).isEqualTo("PT0.0001S");
    assertThat(Durations.format(Duration.ofDays(999_999_999_999L))).isEqualTo("999999999999d");
    for (Duration odd :
        new Duration[] {Duration.ofNanos(100_000), Duration.ofDays(999_999_999_999L)}) {
      assertThat(Durations.parse(Durations.format(odd), "s")).isEqualTo(odd);
    }
    for (String text : new String[] {"14d", "36h", "90m", "45s", "250ms"}) {
      assertThat(Durations.format(Durations.parse(text, "s"))).isEqualTo(text);
    }
  }

  @Test
  void nonsenseSaysWhatIsWrongAndHowToWriteIt() {
    // the setting's names are added by the setting (PluginSettingsTest)
    assertThatThrownBy(() -> Durations.parse("soon", "s"))
        .hasMessage("'soon' is not a duration (write 60s, 5m, 12h, 14d or ISO 8601 such as PT1M)");
  }
}
