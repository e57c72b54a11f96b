package dev.replaytwin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanFormatTest {

  @Test
  void bytesUseBinaryUnitsWithOneDecimal() {
    assertThat(HumanFormat.bytes(0)).isEqualTo("0 B");
    assertThat(HumanFormat.bytes(1023)).isEqualTo("1023 B");
    assertThat(HumanFormat.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(HumanFormat.bytes(5L << 30)).isEqualTo("5.0 GiB");
  }

  @Test
  void durationsPickTheirUnitBySize() {
    assertThat(HumanFormat.duration(850_000_000L)).isEqualTo("850 ms");
    assertThat(HumanFormat.duration(12_345_000_000L)).isEqualTo("12.345 s");
    assertThat(HumanFormat.duration(302_100_000_000L)).isEqualTo("5m 02.100s");
    assertThat(HumanFormat.duration(7_500_000_000_000L)).isEqualTo("2h 05m 00s");
  }

  @Test
  void instantsHaveMillisecondsInUtc() {
    assertThat(HumanFormat.instantMillis(1_795_255_200_123_456_789L)).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(HumanFormat.instantMillis(0)).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  void printableEscapesControlCharactersOnly() {
    assertThat(HumanFormat.printable("/café/日本")).isEqualTo("/café/日本");
    assertThat(HumanFormat.printable("a\r\nb\u001b[31m")).isEqualTo("a\\u000d\\u000ab\\u001b[31m");
  }
}
