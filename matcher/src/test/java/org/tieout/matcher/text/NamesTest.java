package org.tieout.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void aBanksTruncationOfTheLedgerNameIsAlike() {
    assertThat(Names.similarity("ACME INDUSTRIES GM", "Acme Industries GmbH")).isGreaterThan(0.85);
    assertThat(Names.similarity("NORTHSTAR WESTFIE", "Northstar Westfield Services Inc."))
        .isGreaterThan(0.8);
  }

  @Test
  void umlautsAndTheirSpellingsMeet() {
    assertThat(Names.similarity("MUELLER HANDEL", "Müller Handel GmbH")).isEqualTo(1.0);
  }

  @Test
  void namesThatDifferInAWordAreDifferentParties() {
    assertThat(Names.similarity("SCHNEIDER VENTURES ZJ", "Schneider Ventures DZ"))
        .isLessThanOrEqualTo(0.5);
    assertThat(Names.similarity("MEYER LOGISTICS", "Baltic Logistics Ltd")).isLessThan(0.6);
  }

  @Test
  void normalisingKeepsTheWordsLessNoiseJoinedByOneBlank() {
    assertThat(Names.normalise("  Acme,  Industries -- GmbH. ")).isEqualTo("ACME INDUSTRIES");
    assertThat(Names.normalise("GmbH & Co. KG Müller")).isEqualTo("MULLER");
    assertThat(Names.normalise("Ltd")).isEmpty();
    assertThat(Names.normalise("O'Brien   Ltd   Dublin")).isEqualTo("O BRIEN DUBLIN");
  }
}
