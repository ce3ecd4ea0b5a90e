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

  @Test
  void namesWithDifferentLegalFormsAreDifferentParties() {
    assertThat(Names.similarity("MUELLER SOFTWARE B.V.", "Müller Software AB")).isEqualTo(0.5);
    assertThat(Names.similarity("PAPADOPOULOS CATERING GMBH", "Papadopoulos Catering B.V."))
        .isEqualTo(0.5);
    assertThat(Names.legalForms("Acme Holding GmbH & Co. KG"))
        .isEqualTo(new Names.Forms(java.util.List.of("GMBH", "KG"), true));
    assertThat(Names.legalForms("S.A.R.L. Dupont Freres"))
        .isEqualTo(new Names.Forms(java.util.List.of("SARL"), false));
  }

  @Test
  void oneLegalFormSpelledTwoWaysOrOnOneSideOnlyIsNoDifference() {
    assertThat(Names.similarity("ACME TRADING LIMITED", "Acme Trading Ltd")).isEqualTo(1.0);
    assertThat(Names.similarity("ACME TRADING", "Acme Trading Ltd")).isEqualTo(1.0);
    // the bank names the first of the ledger name's two forms
    assertThat(Names.similarity("MUELLER HANDEL GMBH", "Müller Handel GmbH & Co. KG"))
        .isEqualTo(1.0);
  }

  @Test
  void aBanksCutOfALongerWordIsNoLegalForm() {
    // SA is the start of SARL, AG of AGENTUR: truncations, not other companies
    assertThat(Names.similarity("QUANTUM TEXTILES SA", "Quantum Textiles SARL")).isEqualTo(1.0);
    assertThat(Names.similarity("NAKAMURA HANDEL AG", "Nakamura Handel Agentur GmbH"))
        .isGreaterThan(0.85);
  }

  @Test
  void aBanksCutOfTheLedgerNamesLegalFormIsNoOtherWord() {
    // LT is what the bank left of Ltd: the name is the same, not one word apart
    assertThat(Names.similarity("OCONNOR ELEKTRO LT", "O'Connor Elektro Ltd")).isGreaterThan(0.85);
    assertThat(Names.similarity("OBRIEN BAU G", "O'Brien Bau GmbH")).isGreaterThan(0.85);
    // a cut word that starts no legal form of the other name is still a word apart
    assertThat(Names.similarity("OCONNOR ELEKTRO LT", "O'Connor Elektro")).isLessThanOrEqualTo(0.5);
    assertThat(Names.similarity("OCONNOR LT ELEKTRO", "O'Connor Elektro Ltd"))
        .isLessThanOrEqualTo(0.5);
  }

  @Test
  void aBanksCutOfAnAndSpelledOutIsNoOtherWord() {
    // the bank wrote "Print & Media" as PRINT AND MEDIA and cut it after two letters
    assertThat(Names.similarity("JOHANSSON PRINT AN", "Johansson Print & Media KG"))
        .isGreaterThan(0.5);
    assertThat(Names.similarity("JOHANSSON PRINT AN", "Kowalczyk Print & Media KG"))
        .isLessThanOrEqualTo(0.5);
  }
}
