package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as people write them in settings. */
class DurationsTest {

  @Test
  void shortFormsIsoAndBareNumbers() {
    assertThat(Durations.parse("60s", "x", "s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Durations.parse("5m", "x", "s")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("12h", "x", "s")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("14d", "x", "s")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse("250ms", "x", "s")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT1M", "x", "s")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("30", "x", "s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("30", "x", "d")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void nonsenseNamesTheSetting() {
    assertThatThrownBy(() -> Durations.parse("soon", "statsFlushInterval", "s"))
        .hasMessageContaining("statsFlushInterval")
        .hasMessageContaining("'soon'");
  }
}
