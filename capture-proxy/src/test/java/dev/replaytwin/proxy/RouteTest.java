package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void parsesHostPortAndBasePath() {
    Route r = Route.parse("upstream", "http://shop.internal:9000/base/");

    assertThat(r).isEqualTo(new Route("upstream", false, "shop.internal", 9000, "/base"));
    assertThat(r.authority()).isEqualTo("shop.internal:9000");
    assertThat(r).hasToString("upstream=http://shop.internal:9000/base");
  }

  @Test
  void defaultsThePortByScheme() {
    assertThat(Route.parse("a", "http://shop.internal").port()).isEqualTo(80);
    assertThat(Route.parse("a", "HTTPS://shop.internal").port()).isEqualTo(443);
    assertThat(Route.parse("a", "https://shop.internal").secure()).isTrue();
    assertThat(Route.parse("a", "https://shop.internal:443").authority()).isEqualTo("shop.internal");
  }

  @Test
  void takesHostNamesWithUnderscoresAsDockerComposeNamesThem() {
    Route r = Route.parse("a", "http://shop_api:8080/v1");

    assertThat(r).isEqualTo(new Route("a", false, "shop_api", 8080, "/v1"));
    assertThat(Route.parse("a", "http://shop_api").port()).isEqualTo(80);
  }

  @Test
  void takesIpv6LiteralsWithoutBrackets() {
    Route r = Route.parse("a", "http://[::1]:8080");

    assertThat(r.host()).isEqualTo("::1");
    assertThat(r.authority()).isEqualTo("[::1]:8080");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not a url             | '\"not a url\" is not a URL: Illegal character in path'",
      "ftp://files.internal  | '\"ftp://files.internal\": scheme \"ftp\" (expected: http or https)'",
      "shop.internal:9000    | '\"shop.internal:9000\": scheme \"shop.internal\" (expected: http or https)'",
      "/just/a/path          | '\"/just/a/path\": scheme \"\" (expected: http or https)'",
      "http:///path          | '\"http:///path\" has no host (expected: http://host:port)'",
      "http://shop/?debug=1  | '\"http://shop/?debug=1\": an upstream URL takes no query or fragment'",
      "http://shop/#top      | '\"http://shop/#top\": an upstream URL takes no query or fragment'",
      "http://shop:0         | 'port: 0 (expected: 1..65535)'",
      "http://shop:70000     | 'port: 70000 (expected: 1..65535)'"})
  void rejectsWhatIsNotAnUpstreamUrlSayingWhy(String url, String message) {
    assertThatThrownBy(() -> Route.parse("upstream", url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void rejectsANameThatCannotBeADependencyName() {
    assertThatThrownBy(() -> Route.parse("pay ments", "http://payments"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route name: \"pay ments\" (expected: letters, digits, '.', '_' or '-')");
    assertThatThrownBy(() -> Route.parse("", "http://payments"))
        .hasMessageStartingWith("route name: \"\"");
  }
}
