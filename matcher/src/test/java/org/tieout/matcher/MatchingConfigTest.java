package org.tieout.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingConfigTest {
  @TempDir Path dir;

  @Test
  void accountOverridesAreKeptInAccountOrderWhateverTheFileSays() throws Exception {
    Path yaml = dir.resolve("matching.yml");
    Files.writeString(
        yaml,
        """
        defaults:
          date_window_days: 5
        accounts:
          NL02ABNA0123456789: {date_window_days: 3}
          DE89370400440532013000: {date_window_days: 9}
          GB29NWBK60161331926819: {name_similarity_min: 0.7}
          AT611904300234573201: {subset_max_items: 4, late_window_days: 45}
          FR1420041010050500013M02606: {date_window_days: 2}
        """);
    MatchingConfig config = MatchingConfig.load(yaml);

    // the run record's configuration, and so the key a rerun is found by, is the same in every JVM
    assertThat(config.accounts().keySet())
        .containsExactly(
            "AT611904300234573201",
            "DE89370400440532013000",
            "FR1420041010050500013M02606",
            "GB29NWBK60161331926819",
            "NL02ABNA0123456789");
    assertThat(config.forAccount("DE89370400440532013000").dateWindowDays()).isEqualTo(9);
    assertThat(config.forAccount("GB29NWBK60161331926819").dateWindowDays()).isEqualTo(5);
    assertThat(config.forAccount("GB29NWBK60161331926819").nameSimilarityMin()).isEqualTo(0.7);
    assertThat(config.forAccount("AT611904300234573201").lateWindowDays()).isEqualTo(45);
    assertThat(config.forAccount("GB29NWBK60161331926819").lateWindowDays()).isEqualTo(35);
  }
}
