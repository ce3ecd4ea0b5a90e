package org.tieout.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
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

  /**
   * keysIn compacts each token once and skips runs with too few digits: the same keys, in the same
   * order, as keying every run of up to three tokens joined as written.
   */
  @Property(tries = 2000)
  void keysInIsTheKeyOfEveryRunOfTokens(
      @ForAll
          @StringLength(max = 40)
          @Chars({
            ' ', ' ', '-', '/', ',', ':', '0', '0', '1', '2', '3', 'a', 'I', 'N', 'V', '\u0131'
          })
          @CharRange(from = '4', to = '9')
          String text) {
    Set<String> expected = new LinkedHashSet<>();
    String[] tokens = text.split("[\\s,;|():+]+");
    java.util.List<String> words =
        java.util.Arrays.stream(tokens).filter(t -> !t.isEmpty()).toList();
    for (int i = 0; i < words.size(); i++) {
      for (int j = i; j < Math.min(words.size(), i + 3); j++) {
        String k = References.key(String.join("", words.subList(i, j + 1)));
        if (k != null) {
          expected.add(k);
        }
      }
    }
    assertThat(References.keysIn(text)).containsExactlyElementsOf(expected);
  }
}
