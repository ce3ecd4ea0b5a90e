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
  void aReferenceInPartsAlsoMeetsItsNumberWrittenWithoutThePadding() {
    assertThat(References.keys("INV/2026/04521")).containsExactly("202604521", "2026-4521");
    assertThat(References.keysIn("Payment INV 2026/4521 thanks")).contains("2026-4521");
    assertThat(References.keysIn("inv 2026 04521")).contains("202604521", "2026-4521");
    assertThat(References.keysIn("INV202604521")).contains("202604521");
    assertThat(References.keys("SO-04630-A")).containsExactly("4630A", "4630-A");
    // a part of zeros keeps one; one part has no segmented key
    assertThat(References.keys("RE-2026-000")).containsExactly("2026000", "2026-0");
    assertThat(References.keys("INV-000123")).containsExactly("123");
    assertThat(References.keys("po_1NX77AB")).containsExactly("1NX77AB");
    assertThat(References.keys("AB-1")).isEmpty();
    assertThat(References.keys(null)).isEmpty();
  }

  @Test
  void aDateInTheTextDoesNotMeetANumberInParts() {
    // compacted, 2026-04-02 and RE-2026-0042 would be 20260402 and 20260042; dropping every
    // zero without the parts' bounds would make both 202642
    assertThat(References.keysIn("TRANSFER 2026-04-02"))
        .doesNotContainAnyElementsOf(java.util.Arrays.asList(References.keys("RE-2026-0042")));
    // a part too short to count once its zeros are gone
    assertThat(References.keys("A-1-001")).containsExactly("1001");
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
   * order, as keying every run of up to three tokens joined by a blank, its compact key first.
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
        expected.addAll(
            java.util.Arrays.asList(References.keys(String.join(" ", words.subList(i, j + 1)))));
      }
    }
    assertThat(References.keysIn(text)).containsExactlyElementsOf(expected);
  }

  @Test
  void aReferenceIsQuotedWholeByItsPrefixAndNumberNotByTheNumberAlone() {
    assertThat(References.quotedWhole("F0004807", "FACTURE F 0004807 KREF 1")).isTrue();
    assertThat(References.quotedWhole("INV0004807", "Payment inv-4807")).isTrue();
    assertThat(References.quotedWhole("RG-4206", "RG4206 /ROC/")).isTrue();
    assertThat(References.quotedWhole("INV0004807", "ORDER 4807")).isFalse();
    assertThat(References.quotedWhole("INV0004807", "INV 48071")).isFalse();
    assertThat(References.quotedWhole("4807", "INV 4807")).isFalse();
  }
}
