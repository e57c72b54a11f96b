package dev.replaytwin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void acceptsEveryLengthOfSequence() {
    assertThat(Utf8.isValid("plain ascii".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.isValid("é € 😀".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.isValid(new byte[0])).isTrue();
  }

  @Test
  void refusesOverlongFormsSurrogatesValuesBeyondUnicodeAndCutSequences() {
    assertThat(Utf8.isValid(bytes(0xC0, 0xAF))).as("overlong /").isFalse();
    assertThat(Utf8.isValid(bytes(0xE0, 0x80, 0xAF))).as("overlong, three bytes").isFalse();
    assertThat(Utf8.isValid(bytes(0xED, 0xA0, 0x80))).as("surrogate U+D800").isFalse();
    assertThat(Utf8.isValid(bytes(0xF4, 0x90, 0x80, 0x80))).as("U+110000").isFalse();
    assertThat(Utf8.isValid(bytes(0xE2, 0x82))).as("cut short").isFalse();
    assertThat(Utf8.isValid(bytes(0x80))).as("lone continuation").isFalse();
  }

  @Test
  void checksOnlyTheRangeGiven() {
    byte[] b = bytes('a', 0xE2, 0x82, 0xAC, 0xFF);
    assertThat(Utf8.isValid(b, 0, 4)).isTrue();
    assertThat(Utf8.isValid(b, 0, 3)).as("the euro sign cut").isFalse();
    assertThat(Utf8.isValid(b, 1, 5)).as("with the 0xFF").isFalse();
    assertThatThrownBy(() -> Utf8.isValid(b, 2, 9)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void agreesWithTheJdksStrictDecoderOnRandomBytes() {
    Random random = new Random(5);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[random.nextInt(6)];
      for (int i = 0; i < b.length; i++) {
        // Mostly bytes that start or continue sequences, where the edge cases are.
        b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
      }
      assertThat(Utf8.isValid(b)).as("%s", java.util.HexFormat.of().formatHex(b)).isEqualTo(strictlyDecodes(b));
    }
  }

  private static boolean strictlyDecodes(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
