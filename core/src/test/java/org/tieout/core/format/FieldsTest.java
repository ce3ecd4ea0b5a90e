package org.tieout.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
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

  @Test
  void timestampsReadAsTheJdkReadsThemInEveryFormExportsWrite() {
    Random random = new Random(7);
    for (int k = 0; k < 20_000; k++) {
      // toString writes no seconds when they and the fraction are zero, and 3, 6 or 9 digits
      LocalDateTime local =
          LocalDateTime.of(
              1990 + random.nextInt(60),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(4) == 0 ? 0 : random.nextInt(60),
              switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
              });
      ZoneOffset offset =
          random.nextBoolean()
              ? ZoneOffset.UTC
              : ZoneOffset.ofHoursMinutes(random.nextInt(25) - 12, 0);
      String written = OffsetDateTime.of(local, offset).toString();
      assertThat(Fields.timestamp(written)).as(written).isEqualTo(OffsetDateTime.parse(written));
    }
    assertThat(Fields.timestamp("2025-12-26T08:00Z").toString()).isEqualTo("2025-12-26T08:00Z");
    assertThat(Fields.timestamp("2025-12-26T08:00-05:30").getOffset().getTotalSeconds())
        .isEqualTo(-(5 * 3600 + 30 * 60));
    // odd forms: read exactly when the JDK reads them, to the same value
    for (String odd :
        List.of(
            "2025-12-26T08Z",
            "2025-12-26T8:00Z",
            "2025-12-26T08:00",
            "2025-12-26T08:00:0Z",
            "2025-12-26T08:00:00.Z",
            "2025-12-26T08:00:00.1234567891Z",
            "2025-12-26T25:00Z",
            "2025-12-26T08:60Z",
            "2025-02-30T08:00Z",
            "2025-12-26T08:00+2:00",
            "2025-12-26T08:00+02:00:30",
            "2025-12-26T08:00-00:00")) {
      OffsetDateTime jdk;
      try {
        jdk = OffsetDateTime.parse(odd);
      } catch (DateTimeParseException e) {
        jdk = null;
      }
      if (jdk != null) {
        assertThat(Fields.timestamp(odd)).as(odd).isEqualTo(jdk);
      } else {
        assertThatThrownBy(() -> Fields.timestamp(odd))
            .as(odd)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an ISO-8601 timestamp");
      }
    }
  }
}
