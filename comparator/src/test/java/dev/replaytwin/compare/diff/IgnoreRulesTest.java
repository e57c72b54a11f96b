package dev.replaytwin.compare.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
  private static boolean ignores(String pattern, String field) {
    return IgnoreRules.of(List.of(pattern)).ignores(field);
  }

  @ParameterizedTest(name = "{0} ignores {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      $.meta.requestId      | $.meta.requestId            | true
      $.meta.requestId      | $.meta.requestId.part       | true
      $.meta.requestId      | $.meta.requestIds           | false
      $.meta.requestId      | $.meta                      | false
      $.meta.requestId      | $.Meta.requestId            | false
      $.meta                | $.meta.requestId            | true
      $.items[*].updatedAt  | $.items[*].updatedAt        | true
      $.items[*].updatedAt  | $.items[3].updatedAt        | true
      $.items[*].updatedAt  | $.items[*].createdAt        | false
      $.items[*].updatedAt  | $.items.updatedAt           | false
      $.items.*.updatedAt   | $.items[*].updatedAt        | true
      $.*.id                | $.user.id                   | true
      $.*.id                | $.user.address.id           | false
      $..timestamp          | $.timestamp                 | true
      $..timestamp          | $.a[*].b.timestamp          | true
      $..timestamp          | $.a.timestamps              | false
      $..id                 | $.idempotencyKey            | false
      $..id                 | $.order.idempotency_key     | false
      $..['x-id']           | $.a['x-id']                 | true
      $.a..b.c              | $.a.x.y.b.c                 | true
      $.a..b.c              | $.a.b.x.c                   | false
      $['a.b']              | $['a.b']                    | true
      $['a.b']              | $.a.b                       | false
      $['it\\'s']           | $['it\\'s'].x               | true
      $                     | $.anything[*].at.all        | true
      $                     | body                        | false
      body                  | body                        | true
      body                  | $.body                      | false
      status                | status                      | true
      error                 | status                      | false
      header:date           | header:date                 | true
      header:Date           | header:date                 | true
      header:date           | header:DATE                 | true
      header:date           | header:date-x               | false
      header:*              | header:cache-control        | true
      header:*              | status                      | false
      """)
  void matchesWholeStepsAndDescendants(String pattern, String field, boolean ignored) {
    assertThat(ignores(pattern, field)).isEqualTo(ignored);
  }

  @Test
  void namesTheFirstRuleThatMatches() {
    IgnoreRules rules = IgnoreRules.of(List.of("header:date", "$..timestamp", "$.meta"));
    assertThat(rules.ruleFor("$.meta.timestamp")).contains("$..timestamp");
    assertThat(rules.ruleFor("$.meta.requestId")).contains("$.meta");
    assertThat(rules.ruleFor("$.price")).isEmpty();
    assertThat(rules.ruleFor("not a field")).isEmpty();
    assertThat(IgnoreRules.NONE.ignores("status")).isFalse();
    assertThat(rules.patterns()).containsExactly("header:date", "$..timestamp", "$.meta");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ``              | ignore rule "": empty pattern (expected: status, error, body, header:NAME, or a JSON path such as $.meta.requestId, $.items[*].updatedAt or $..timestamp)
      meta.requestId  | ignore rule "meta.requestId": unknown field "meta" (expected: status, error, body, header:NAME, or a JSON path such as $.meta.requestId, $.items[*].updatedAt or $..timestamp)
      $.items[3].id   | ignore rule "$.items[3].id": array index [3] at column 8 (expected: [*]; differences are counted across all elements of an array)
      $.a[            | ignore rule "$.a[": unclosed [ at column 4 (expected: ['name'] or [*])
      $.a[x]          | ignore rule "$.a[x]": [x] at column 4 (expected: ['name'] or [*])
      $.*Id           | ignore rule "$.*Id": '*' inside the name "*Id" at column 3 (expected: names match exactly; * is a whole step, .* or [*])
      $..             | ignore rule "$..": nothing after .. (expected: a step, as in $..timestamp)
      $.              | ignore rule "$.": missing name at column 3 (expected: .name, ['name'] or .*)
      $.a b           | ignore rule "$.a b": unexpected ' ' at column 4 in a name (expected: ['...'] around names with such characters)
      $a              | ignore rule "$a": unexpected 'a' at column 2 (expected: . or [)
      $['a'           | ignore rule "$['a'": missing ] after the name opened at column 2 (expected: ['name'])
      $['a            | ignore rule "$['a": unterminated name at column 3 (expected: ['name'])
      $['a\\q']       | ignore rule "$['a\\q']": unknown escape \\q at column 5 (expected: \\\\, \\', \\" or \\uXXXX)
      header:         | ignore rule "header:": missing header name after header: (expected: header:NAME such as header:cache-control, or header:*)
      header:a b      | ignore rule "header:a b": ' ' at column 9 is not allowed in a header name (expected: header:NAME such as header:cache-control, or header:*)
      """)
  void refusesBadPatternsSayingWhatIsWrongAndTheExpectedForm(String pattern, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> IgnoreRules.of(List.of("status", pattern)))
        .withMessage(message)
        .withMessageNotContaining("\n");
  }
}
