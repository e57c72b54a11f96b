package dev.replaytwin.core.scrub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.scrub.internal.JsonPath.AnyChild;
import dev.replaytwin.core.scrub.internal.JsonPath.AnyDepth;
import dev.replaytwin.core.scrub.internal.JsonPath.Element;
import dev.replaytwin.core.scrub.internal.JsonPath.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  @Test
  void parsesMembersWildcardsIndexesAndAnyDepth() {
    assertThat(JsonPath.parse("$.user.email").steps())
        .containsExactly(new Member(new NamePattern("user")), new Member(new NamePattern("email")));
    assertThat(JsonPath.parse("$.items[*].card").steps())
        .containsExactly(new Member(new NamePattern("items")), new AnyChild(), new Member(new NamePattern("card")));
    assertThat(JsonPath.parse("$..password").steps()).containsExactly(new AnyDepth(), new Member(new NamePattern("password")));
    assertThat(JsonPath.parse("$.**.password").steps()).isEqualTo(JsonPath.parse("$..password").steps());
    assertThat(JsonPath.parse("$['odd name'][2].*").steps())
        .containsExactly(new Member(new NamePattern("odd name")), new Element(2), new AnyChild());
    assertThat(JsonPath.parse("$").steps()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      user.email | must start with $
      $.a[ | unclosed [ at column 4
      $.a[x] | [x] at column 4 (expected: [*], [index] or ['name'])
      $.** | ** must be followed by a step, as in $.**.name
      $.a b | unexpected ' ' at column 4 in a name (use ['...'] for names with spaces or quotes)
      $a | unexpected 'a' at column 2 (expected: . or [)
      $. | missing name at column 3
      """)
  void refusesMalformedPathsSayingWhere(String path, String message) {
    assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void namePatternsAreCaseInsensitiveGlobs() {
    assertThat(new NamePattern("*-token").matches("X-CSRF-Token")).isTrue();
    assertThat(new NamePattern("*-token").matches("tokens")).isFalse();
    assertThat(new NamePattern("*api-key*").matches("X-Api-Key-V2")).isTrue();
    assertThat(new NamePattern("a*b*c").matches("aXXbYYc")).isTrue();
    assertThat(new NamePattern("a*b*c").matches("acb")).isFalse();
    assertThat(new NamePattern("Authorization").matches("authorization")).isTrue();
    assertThat(new NamePattern("*").matches("")).isTrue();
  }
}
