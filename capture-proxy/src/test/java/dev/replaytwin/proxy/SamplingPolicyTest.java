package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingPolicyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10%     | 0.1",
      "0.5%    | 0.005",
      "' 25 %' | 0.25",
      "100%    | 1.0",
      "0%      | 0.0",
      "0.1     | 0.1",
      "1       | 1.0",
      "0       | 0.0"})
  void parsesPercentagesAndFractions(String text, double expected) {
    assertThat(SamplingPolicy.parseRate(text)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"150%", "-1%", "1.5", "-0.1", "abc", "", "%", "ten%", "NaN", "Infinity"})
  void rejectsRatesOutside0To1SayingWhatIsExpected(String text) {
    assertThatThrownBy(() -> SamplingPolicy.parseRate(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample rate \"" + text + "\" (expected: a percentage such as 10% or a fraction 0..1)");
  }

  @Test
  void parsesSamplingKeys() {
    assertThat(SamplingPolicy.Key.parse("header:X-User"))
        .isEqualTo(new SamplingPolicy.Key(SamplingPolicy.Source.HEADER, "X-User"));
    assertThat(SamplingPolicy.Key.parse("COOKIE:session"))
        .isEqualTo(new SamplingPolicy.Key(SamplingPolicy.Source.COOKIE, "session"));
    assertThat(SamplingPolicy.Key.parse("query:user")).hasToString("query:user");
  }

  @Test
  void rejectsSamplingKeysWithoutKindOrName() {
    assertThatThrownBy(() -> SamplingPolicy.Key.parse("session"))
        .hasMessage("sampling key \"session\" (expected: header:NAME, cookie:NAME or query:NAME)");
    assertThatThrownBy(() -> SamplingPolicy.Key.parse("body:user"))
        .hasMessage("sampling key \"body:user\" (expected: header:NAME, cookie:NAME or query:NAME)");
    assertThatThrownBy(() -> SamplingPolicy.Key.parse("header:"))
        .hasMessage("sampling key name: \"\" (expected: a header, cookie or query name)");
  }

  @Test
  void validatesFractionAndGlobs() {
    assertThatThrownBy(() -> SamplingPolicy.ALL.withFraction(1.5))
        .hasMessage("fraction: 1.5 (expected: 0..1)");
    assertThatThrownBy(() -> SamplingPolicy.ALL.withFraction(Double.NaN))
        .hasMessage("fraction: NaN (expected: 0..1)");
    assertThatThrownBy(() -> new SamplingPolicy(1, null, List.of("api/*"), List.of(), Set.of()))
        .hasMessage("path glob \"api/*\" (expected: starts with /)");
  }

  @Test
  void upperCasesMethodsAndKeepsTheRestWhenTheFractionChanges() {
    SamplingPolicy p = new SamplingPolicy(1, SamplingPolicy.Key.parse("header:X-User"), List.of("/api/**"),
        List.of("/api/health"), Set.of("get"));

    SamplingPolicy tenth = p.withFraction(0.1);

    assertThat(tenth.methods()).containsExactly("GET");
    assertThat(tenth).isEqualTo(new SamplingPolicy(0.1, p.key(), p.include(), p.exclude(), p.methods()));
  }
}
