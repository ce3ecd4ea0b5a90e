package org.tieout.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void datesInsideAndOutsideTheSharedYearsReadAsWritten() {
    for (String s :
        new String[] {
          "1899-12-31",
          "1900-01-01",
          "2024-02-29",
          "2026-12-31",
          "2199-12-31",
          "2200-01-01",
          "0001-01-01"
        }) {
      assertThat(Fields.isoDate(s)).isEqualTo(LocalDate.parse(s));
      assertThat(Fields.isoDate(s)).isEqualTo(LocalDate.parse(s)); // the second read, shared
    }
  }

  @Test
  void anImpossibleDateIsRefusedEvenAfterItsNeighboursWereRead() {
    Fields.isoDate("2025-02-28");
    Fields.isoDate("2025-03-01");
    assertThatThrownBy(() -> Fields.isoDate("2025-02-29"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a real date");
    assertThatThrownBy(() -> Fields.isoDate("2025-13-01")).hasMessageContaining("not a real date");
    assertThatThrownBy(() -> Fields.isoDate("2025-00-10")).hasMessageContaining("not a real date");
    assertThatThrownBy(() -> Fields.isoDate("2025-1-10")).hasMessageContaining("not an ISO date");
  }

  @Test
  void timestampsShareTheirDateButKeepTimeAndOffset() {
    assertThat(Fields.timestamp("2026-03-01T17:45:00Z").toString()).isEqualTo("2026-03-01T17:45Z");
    assertThat(Fields.timestamp("2026-03-01T17:45:00.250+02:00").toString())
        .isEqualTo("2026-03-01T17:45:00.250+02:00");
  }
}
