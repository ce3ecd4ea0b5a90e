package org.tieout.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferencesTest {
  @Test
  void normalisesCasePunctuationPrefixesAndLeadingZeros() {
    assertThat(References.key("INV-000123")).isEqualTo("123");
    assertThat(References.key("inv 123")).isEqualTo("123");
    assertThat(References.key("RE-2026-0042")).isEqualTo("20260042");
    assertThat(References.key("po_1NX77AB")).isEqualTo("1NX77AB");
    assertThat(References.key("AB12")).isNull();
  }

  @Test
  void findsReferencesInsideRemittanceTextAcrossBlanks() {
    assertThat(References.keysIn("Payment INV 2026 0042 thanks")).contains("20260042");
    assertThat(References.keysIn("/RFB/INV-000777/ ACME")).contains("777");
  }

  @Test
  void oneTypoIsOneEdit() {
    assertThat(References.oneEditApart("20260042", "20260043")).isTrue();
    assertThat(References.oneEditApart("20260042", "20260024")).isTrue();
    assertThat(References.oneEditApart("20260042", "2026004")).isTrue();
    assertThat(References.oneEditApart("20260042", "20261143")).isFalse();
    assertThat(References.isWeak("2026")).isTrue();
    assertThat(References.isWeak("20260042")).isFalse();
  }
}
