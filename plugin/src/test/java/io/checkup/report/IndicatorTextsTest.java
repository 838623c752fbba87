package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/**
 * Numbers in the report's words: thousands separated, one decimal where there is one, exactly as
 * Java's own formatter writes them (the report writes hundreds of thousands of them, so it does not
 * use that formatter).
 */
class IndicatorTextsTest {

  @Property
  void wholeNumbersAreGroupedByThousands(
      @ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long value) {
    assertThat(IndicatorTexts.format(value)).isEqualTo(String.format(Locale.ENGLISH, "%,d", value));
  }

  @Property
  void fractionsGetOneDecimalRoundedHalfUp(
      @ForAll @DoubleRange(min = -1e9, max = 1e9) @Scale(4) double value) {
    String expected =
        value == Math.rint(value)
            ? String.format(Locale.ENGLISH, "%,d", (long) value)
            : String.format(Locale.ENGLISH, "%,.1f", value);
    if (expected.equals("-0.0")) {
      expected = "0.0"; // a tiny negative value rounds to zero without a sign
    }
    assertThat(IndicatorTexts.format(value)).as("%s", value).isEqualTo(expected);
  }
}
