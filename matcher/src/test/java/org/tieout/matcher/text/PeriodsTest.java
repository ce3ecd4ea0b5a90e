package org.tieout.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  private static final int OCT_2025 = 2025 * 12 + 9;

  @Test
  void readsTheMonthsTextsName() {
    assertThat(Periods.in("SALARY OCT 2025")).containsExactly(OCT_2025);
    assertThat(Periods.in("Rent / subscription October 2025")).containsExactly(OCT_2025);
    assertThat(Periods.in("Miete Okt. 25")).containsExactly(OCT_2025);
    assertThat(Periods.in("rent 10/2025")).containsExactly(OCT_2025);
    assertThat(Periods.in("payroll 2025-10")).containsExactly(OCT_2025);
    assertThat(Periods.in("STANDING ORDER SEP 2025 / OCT 2025"))
        .containsExactly(OCT_2025 - 1, OCT_2025);
  }

  @Test
  void namesNoMonthWhereThereIsNone() {
    assertThat(Periods.in("INVOICE 4563/2025")).isEmpty();
    assertThat(Periods.in("DECATHLON STORE 12")).isEmpty();
    assertThat(Periods.in(null)).isEmpty();
    assertThat(Periods.in("Card sale order 500100")).isEmpty();
  }

  @Test
  void tellsWhetherTwoTextsShareAMonth() {
    assertThat(Periods.share(Periods.in("SALARY OCT 2025"), Periods.in("Salary 10/2025"))).isTrue();
    assertThat(Periods.share(Periods.in("SALARY OCT 2025"), Periods.in("Salary SEP 2025")))
        .isFalse();
  }

  /** Skipping the patterns a text cannot match changes nothing: the same months as running all. */
  @Property(tries = 3000)
  void theSkippedPatternsCouldNotHaveMatched(
      @ForAll
          @StringLength(max = 30)
          @Chars({' ', '/', '.', '-', 'O', 'C', 'T', 'K', 'S', 'E', 'P', 'J', 'A', 'N', 'x'})
          @CharRange(from = '0', to = '9')
          String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    assertThat(Periods.in(text)).containsExactly(Periods.in(upper, true, true));
  }

  /** The same, on texts made of the pieces dates are written with, so that forms do match. */
  @Property(tries = 3000)
  void theSkippedPatternsCouldNotHaveMatchedDatesEither(
      @ForAll @Size(max = 8) List<@From("pieces") String> pieces) {
    String text = String.join("", pieces);
    assertThat(Periods.in(text))
        .as(text)
        .containsExactly(Periods.in(text.toUpperCase(Locale.ROOT), true, true));
  }

  @Provide
  Arbitrary<String> pieces() {
    return Arbitraries.of(
        "1", "09", "10", "12", "13", "20", "2025", "2026", "202", "25", "0", "001167", "/", "-",
        ".", " ", "OCT", "Okt", "INV", "x");
  }
}
