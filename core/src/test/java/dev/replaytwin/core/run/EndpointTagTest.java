package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTagTest {
  /** Characters that HdrHistogram's log reader splits lines on or that end a line. */
  private static final String SPLITTERS = " ,\r\n";

  @Test
  void firstSpaceBecomesAColon() {
    assertThat(EndpointTag.encode("GET /users/{id}")).isEqualTo("GET:/users/{id}");
    assertThat(EndpointTag.decode("GET:/users/{id}")).isEqualTo("GET /users/{id}");
  }

  @Test
  void escapesWhatATagCannotHold() {
    assertThat(EndpointTag.encode("GET /search/a,b c%d")).isEqualTo("GET:/search/a%2Cb%20c%25d");
    assertThat(EndpointTag.encode("GET /tab\there\u00A0nbsp\u2028sep\u0000nul")).isEqualTo(
        "GET:/tab%09here%C2%A0nbsp%E2%80%A8sep%00nul");
  }

  @Test
  void keepsColonsAfterTheMethodButEscapesThemBeforeIt() {
    assertThat(EndpointTag.encode("GET /a:b/c:d")).isEqualTo("GET:/a:b/c:d");
    assertThat(EndpointTag.encode("X:Y /a")).isEqualTo("X%3AY:/a");
    assertThat(EndpointTag.encode("no-space:here")).isEqualTo("no-space%3Ahere");
    assertThat(EndpointTag.decode("no-space%3Ahere")).isEqualTo("no-space:here");
  }

  @Test
  void keepsUnicodeAsItIs() {
    assertThat(EndpointTag.encode("GET /städte/東京/😀")).isEqualTo("GET:/städte/東京/😀");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "  ", ":", "%", "%25", ",,", "GET", "GET ", " /a", "GET /a b c", "A:B C:D",
      "GET /%2C already escaped", "GET /\uD800 lone surrogate", "GET /\uDE00\uD83D reversed pair",
      "GET\t/tab before path", "\u0085next line \u3000ideographic"})
  void roundTripsEdgeCases(String endpoint) {
    String tag = EndpointTag.encode(endpoint);

    assertThat(EndpointTag.decode(tag)).isEqualTo(endpoint);
    assertThat(tag).doesNotContainAnyWhitespaces().doesNotContain(",");
  }

  @Test
  void roundTripsRandomTrickyNames() {
    char[] alphabet = ("aZ09/{}-_.~:;=?&+ ,%\t\n\r\u000B\u001F\u007F\u0085\u00A0\u2007\u2028\u3000"
        + "éü東京\uD83D\uDE00\uD800\uDFFF").toCharArray();
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder endpoint = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--) {
        endpoint.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String name = endpoint.toString();
      String tag = EndpointTag.encode(name);

      assertThat(EndpointTag.decode(tag)).as("decode(encode(%s))", name).isEqualTo(name);
      assertThat(tag.chars().noneMatch(c -> SPLITTERS.indexOf(c) >= 0 || Character.isWhitespace(c)
          || Character.isSpaceChar(c) || Character.isISOControl(c))).as("tag %s", tag).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "GET:/a%2", "%zz", "%C3", "%E2%80", "%FF", "%\u0663\u0663"})
  void rejectsMalformedEscapes(String tag) {
    assertThatIllegalArgumentException().isThrownBy(() -> EndpointTag.decode(tag))
        .withMessageStartingWith("tag: \"" + tag + "\" (expected: an encoded endpoint name; ");
  }
}
