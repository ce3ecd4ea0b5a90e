package org.tieout.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void parsesAtTheCurrencyScale() {
    assertThat(Money.parse("-1250.4", "EUR").minor()).isEqualTo(-125040);
    assertThat(Money.parse("1250", "JPY").minor()).isEqualTo(1250);
    assertThat(Money.parse("0.125", "BHD").minor()).isEqualTo(125);
    assertThat(Money.parse("12.5000", "EUR").minor()).isEqualTo(1250);
  }

  @Test
  void refusesWhatIsNotAPlainDecimal() {
    assertThatThrownBy(() -> Money.parse("1,250.40", "EUR"))
        .hasMessageContaining("not a plain decimal");
    assertThatThrownBy(() -> Money.parse("1.255", "EUR"))
        .hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> Money.parse("1e3", "EUR")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Money.parse("", "EUR")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Money.parse("-", "EUR")).hasMessageContaining("no digits");
    assertThatThrownBy(() -> Money.parse("10", "XYZ")).hasMessageContaining("unknown ISO 4217");
  }

  @Test
  void refusesMixedCurrencies() {
    assertThatThrownBy(() -> Money.parse("1", "EUR").plus(Money.parse("1", "USD")))
        .hasMessageContaining("cannot combine EUR with USD");
  }

  @Test
  void formatsForPeopleAndForFiles() {
    assertThat(Money.parse("-1234567.05", "EUR").format()).isEqualTo("EUR -1,234,567.05");
    assertThat(Money.parse("999", "JPY").format()).isEqualTo("JPY 999");
    assertThat(Money.parse("0.5", "USD").format()).isEqualTo("USD 0.50");
    assertThat(Money.parse("-0.05", "USD").toPlainString()).isEqualTo("-0.05");
    assertThat(Money.of(new BigDecimal("12.30"), "GBP").toPlainString()).isEqualTo("12.30");
  }
}
