package dev.replaytwin.scenario.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo programs' command lines: values, flags, defaults, and one line for each mistake. */
class DemoOptionsTest {
  private static final List<String> VALUED = List.of("--host", "--port", "--rate", "--release", "--duration");
  private static final List<String> FLAGS = List.of("--plan-only");

  private static DemoOptions parse(String... args) {
    return DemoOptions.parse(args, VALUED, FLAGS, "expected: --host, --port, --rate, --release, --duration, --plan-only");
  }

  @Test
  void readsValuesAndFlagsInAnyOrderTheLastOfARepeatedOneWinning() {
    DemoOptions o = parse("--port", "8081", "--plan-only", "--host", "0.0.0.0", "--port", "8082", "--rate", "2.5");
    assertThat(o.text("--host", "127.0.0.1")).isEqualTo("0.0.0.0");
    assertThat(o.port("--port", 0)).isEqualTo(8082);
    assertThat(o.number("--rate", 20)).isEqualTo(2.5);
    assertThat(o.flag("--plan-only")).isTrue();
    assertThat(parse("--duration", "4m48s").duration("--duration", null)).isEqualTo(Duration.ofSeconds(288));
  }

  @Test
  void anOptionNotGivenIsItsDefault() {
    DemoOptions o = parse();
    assertThat(o.text("--host", "127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(o.port("--port", 8080)).isEqualTo(8080);
    assertThat(o.whole("--seed", 1)).isEqualTo(1);
    assertThat(o.number("--rate", 20)).isEqualTo(20);
    assertThat(o.value("--release", Release::parse, Release.V1_4)).isEqualTo(Release.V1_4);
    assertThat(o.duration("--duration", Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(8));
    assertThat(o.flag("--plan-only")).isFalse();
  }

  @Test
  void aValueIsReadByTheGivenReaderWhoseErrorIsTheMessage() {
    assertThat(parse("--release", "1.5").value("--release", Release::parse, Release.V1_4)).isEqualTo(Release.V1_5);
    assertThatThrownBy(() -> parse("--release", "2.0").value("--release", Release::parse, Release.V1_4))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--release 2.0 (expected: 1.4 or 1.5)");
  }

  @Test
  void eachMistakeIsOneLineNamingTheOption() {
    assertThatThrownBy(() -> parse("--prot", "8080")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--prot: unknown option (expected: --host, --port, --rate, --release, --duration, --plan-only)");
    assertThatThrownBy(() -> parse("--host", "::1", "--port")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port: no value (expected: --host, --port, --rate, --release, --duration, --plan-only)");
    assertThatThrownBy(() -> parse("--port", "80a").whole("--port", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port 80a: not a whole number");
    assertThatThrownBy(() -> parse("--port", "65536").port("--port", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port 65536: not a port (expected: 0..65535, 0 for any free one)");
    assertThatThrownBy(() -> parse("--port", "-1").port("--port", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--port -1: not a port");
    assertThatThrownBy(() -> parse("--duration", "soon").duration("--duration", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--duration soon: not a duration (expected: like 10m, 90s, 1m30s)");
    assertThatThrownBy(() -> parse("--rate", "fast").number("--rate", 20)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rate fast: not a number");
  }

  @Test
  void aFlagTakesNoValue() {
    // The word after a flag is read as the next option, so a stray value is an unknown option.
    assertThatThrownBy(() -> parse("--plan-only", "yes")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("yes: unknown option");
  }
}
