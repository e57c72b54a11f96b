package dev.replaytwin.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointNamerTest {

  private static final EndpointNamer DEFAULTS = EndpointNamer.defaults();

  @Test
  void collapsesIdsAndUuidsAndDropsQuery() {
    assertThat(DEFAULTS.name("GET", "/users/123/orders/3f2c5e1a-8b1d-4c2e-9f00-1a2b3c4d5e6f?x=1"))
        .isEqualTo("GET /users/{id}/orders/{uuid}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      123                                          | {id}
      0                                            | {id}
      00012345678901234567890                      | {id}
      -12                                          | {num}
      +7                                           | {num}
      3.14                                         | {num}
      -0.5                                         | {num}
      3f2c5e1a-8b1d-4c2e-9f00-1a2b3c4d5e6f         | {uuid}
      3F2C5E1A-8B1D-4C2E-9F00-1A2B3C4D5E6F         | {uuid}
      00000000-0000-0000-0000-000000000000         | {uuid}
      0123456789abcdef                             | {hex}
      507F1F77BCF86CD799439011                     | {hex}
      da39a3ee5e6b4b0d3255bfef95601890afd80709     | {hex}
      eyJhbGciOiJIUzI1NiJ9                         | {token}
      Ab3_x-Yz9Qw8Er7Ty6Ui                         | {token}
      dGhpcyBpcyBhIHRva2VuMQ==                     | {token}
      dGhpcyBpcyBhIHRva2VuMTI=                     | {token}
      how-to-cook-pasta-in-2023                    | {token}
      ch_bGjBMzkusxkJZMfJNjjmpqTv                  | {token}
      cus_QwERtyUIopASdfGHjkLZxc                   | {token}
      2024-01-15                                   | {date}
      ALD-BLE-90766                                | {code}
      INV12345                                     | {code}
      ORD_2024.0042                                | {code}
      report-2024.pdf                              | {code}
      0123456789abcde                              | {code}
      Ab3xYz9Qw8Er7Ty6Ui0                          | {code}
      """)
  void collapsesSegment(String segment, String placeholder) {
    assertThat(DEFAULTS.name("GET", "/a/" + segment + "/b")).isEqualTo("GET /a/" + placeholder + "/b");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "orders", "api", "v2", "2fa", "x1", "1.2.3", "1.", ".5", "-", "+-1", "1e5",
    "sha256", "iphone15", "abc123", "a1234",   // fewer than 4 digits, or shorter than 6: not a {code}
    "2024-1-15", "2024-01-155",     // not quite a date
    "abc+12345",                    // + is not a code character
    "deadbeefdeadbeefdeadbeef",     // hex without a digit
    "abcdefabc-def-abcd-efab-cdefabcdefab",  // wrong UUID groups, no digit for {token}
    "Ab3xYzQwErTy6Ui9",             // 16 characters, 3 digits: neither {token} nor {code}
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9",    // dots are not token characters; 3 digits
    "authorizationCallbackUrl",     // 24 letters, no digit
    "getAllOrdersForTheCustomerAccount",    // camel case: capitals never side by side
    "ListAllOrdersOfTheCustomer",   // capitals never side by side
    "the_quick_brown_fox_jumps",    // no capitals
    "dGhpcyBpcyBhIHRva2VuMQ===",    // three padding characters
    "abc=def0123456789abcdef",      // = not trailing
    "%31%32%33",                    // percent-encoded 123, judged as written
    "caf%C3%A9",
    "0123456789abcdef%20",
    "Ab3xYz9Qw8Er7Ty6Ui0%3D",
  })
  void keepsSegment(String segment) {
    assertThat(DEFAULTS.name("GET", "/a/" + segment + "/b")).isEqualTo("GET /a/" + segment + "/b");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "3f2c5e1a8-b1d-4c2e-9f00-1a2b3c4d5e6f",  // 9-3-4-4-12, still 36 characters
    "3f2c5e1a-8b1d-4c2e-9f00-1a2b3c4d5e6",   // 8-4-4-4-11
    "3f2c5e1a-8b1d-4c2e-9f00-1a2b3c4d5e6f0", // 8-4-4-4-13
    "3f2c5e1a_8b1d_4c2e_9f00_1a2b3c4d5e6f",  // underscores
  })
  void uuidWithWrongShapeFallsThroughToTokenRule(String segment) {
    assertThat(DEFAULTS.name("GET", "/" + segment)).isEqualTo("GET /{token}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /a?x=1                   | GET /a
      /a#top                   | GET /a
      /a?x=1#top               | GET /a
      /a#top?x=1               | GET /a
      /users/1?next=/users/2   | GET /users/{id}
      /redirect?to=http://h/x  | GET /redirect
      ?x=1                     | GET /
      #top                     | GET /
      ''                       | GET /
      /                        | GET /
      """)
  void dropsQueryAndFragment(String target, String name) {
    assertThat(DEFAULTS.name("GET", target)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      http://example.com:8080/users/5?x=1  | GET /users/{id}
      https://example.com                  | GET /
      http://example.com?x=1               | GET /
      http://example.com#top               | GET /
      http://user@example.com/a/           | GET /a
      HTTP://EXAMPLE.COM/Orders            | GET /Orders
      h2c+x://example.com/a                | GET /a
      /proxy/http://example.com/a          | GET /proxy/http://example.com/a
      """)
  void absoluteFormUsesOnlyThePath(String target, String name) {
    assertThat(DEFAULTS.name("GET", target)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /a/        | GET /a
      /a         | GET /a
      /users/1/  | GET /users/{id}
      /a//       | GET /a/
      /a//b      | GET /a//b
      /users/1// | GET /users/{id}/
      /a//1      | GET /a//{id}
      /1/a/2/    | GET /{id}/a/{id}
      //         | GET /
      """)
  void stripsOneTrailingSlashExceptFromRoot(String target, String name) {
    assertThat(DEFAULTS.name("GET", target)).isEqualTo(name);
  }

  @Test
  void keepsTargetsThatAreNotPathsAsWritten() {
    assertThat(DEFAULTS.name("OPTIONS", "*")).isEqualTo("OPTIONS *");
    assertThat(DEFAULTS.name("CONNECT", "example.com:443")).isEqualTo("CONNECT example.com:443");
    assertThat(EndpointNamer.builder().route("/**").build().name("options", "*")).isEqualTo("OPTIONS *");
  }

  @Test
  void upperCasesAsciiLettersOfMethodRegardlessOfLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertThat(DEFAULTS.name("options", "/a")).isEqualTo("OPTIONS /a");
      assertThat(DEFAULTS.name("Patch", "/a")).isEqualTo("PATCH /a");
      assertThat(DEFAULTS.name("gét", "/a")).isEqualTo("GéT /a");
      assertThat(EndpointNamer.builder().route("list /a").build().name("LIST", "/a")).isEqualTo("LIST /a");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void rejectsEmptyOrNullArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.name("", "/a"))
        .withMessage("method: \"\" (expected: an HTTP method such as GET)");
    assertThatNullPointerException().isThrownBy(() -> DEFAULTS.name(null, "/a")).withMessage("method");
    assertThatNullPointerException().isThrownBy(() -> DEFAULTS.name("GET", null)).withMessage("target");
  }

  @Test
  void routeWinsOverDefaultCollapsing() {
    EndpointNamer namer = EndpointNamer.builder().route("GET /users/{userId}/orders/{orderId}").build();

    assertThat(namer.name("GET", "/users/123/orders/3f2c5e1a-8b1d-4c2e-9f00-1a2b3c4d5e6f?x=1"))
        .isEqualTo("GET /users/{userId}/orders/{orderId}");
    assertThat(namer.name("GET", "http://h/users/me/orders/latest/#x"))
        .isEqualTo("GET /users/{userId}/orders/{orderId}");
  }

  @Test
  void firstMatchingRouteWins() {
    EndpointNamer meFirst = EndpointNamer.builder().route("/users/me").route("/users/{userId}").build();
    EndpointNamer variableFirst = EndpointNamer.builder().route("/users/{userId}").route("/users/me").build();

    assertThat(meFirst.name("GET", "/users/me")).isEqualTo("GET /users/me");
    assertThat(meFirst.name("GET", "/users/7")).isEqualTo("GET /users/{userId}");
    assertThat(variableFirst.name("GET", "/users/me")).isEqualTo("GET /users/{userId}");
  }

  @Test
  void routeWithMethodMatchesOnlyThatMethodInAnyCase() {
    EndpointNamer namer = EndpointNamer.builder().route("get /users/{userId}").route("/users/{who}").build();

    assertThat(namer.name("get", "/users/7")).isEqualTo("GET /users/{userId}");
    assertThat(namer.name("POST", "/users/7")).isEqualTo("POST /users/{who}");
    assertThat(EndpointNamer.builder().route("GET /users/{userId}").build().name("DELETE", "/users/7"))
        .isEqualTo("DELETE /users/{id}");
  }

  @Test
  void routeWithoutMethodTakesTheRequestMethod() {
    EndpointNamer namer = EndpointNamer.builder().route("/orders/{orderId}").build();

    assertThat(namer.name("head", "/orders/7")).isEqualTo("HEAD /orders/{orderId}");
    assertThat(namer.name("PUT", "/orders/7")).isEqualTo("PUT /orders/{orderId}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /static               | GET /static/**
      /static/              | GET /static/**
      /static/site.css      | GET /static/**
      /static/css/a/b.css   | GET /static/**
      /staticx/a            | GET /staticx/a
      /other/static/a       | GET /other/static/a
      /                     | GET /
      """)
  void trailingDoubleStarMatchesZeroOrMoreSegments(String target, String name) {
    EndpointNamer namer = EndpointNamer.builder().route("/static/**").build();

    assertThat(namer.name("GET", target)).isEqualTo(name);
  }

  @Test
  void rootDoubleStarMatchesEveryPath() {
    EndpointNamer namer = EndpointNamer.builder().route("POST /**").build();

    assertThat(namer.name("POST", "")).isEqualTo("POST /**");
    assertThat(namer.name("POST", "/a/1/b")).isEqualTo("POST /**");
    assertThat(namer.name("GET", "/a/1/b")).isEqualTo("GET /a/{id}/b");
  }

  @Test
  void routeMatchesWholeSegmentsAsWritten() {
    EndpointNamer namer = EndpointNamer.builder().route("/a/{x}/b").route("/Users/{u}").route("/").build();

    assertThat(namer.name("GET", "/a/1/b")).isEqualTo("GET /a/{x}/b");
    assertThat(namer.name("GET", "/a//b")).isEqualTo("GET /a//b");
    assertThat(namer.name("GET", "/a/1/b/c")).isEqualTo("GET /a/{id}/b/c");
    assertThat(namer.name("GET", "/a/1")).isEqualTo("GET /a/{id}");
    assertThat(namer.name("GET", "/users/1")).isEqualTo("GET /users/{id}");
    assertThat(namer.name("GET", "/Users/1")).isEqualTo("GET /Users/{u}");
    assertThat(namer.name("GET", "?q=1")).isEqualTo("GET /");
    assertThat(namer.name("GET", "/ab/1/b")).isEqualTo("GET /ab/{id}/b");
  }

  @Test
  void ignoresWhitespaceAroundAndBetweenMethodAndPath() {
    EndpointNamer namer = EndpointNamer.builder().route("  GET \t /a/{x}  ").build();

    assertThat(namer.name("GET", "/a/1")).isEqualTo("GET /a/{x}");
    assertThat(namer).hasToString("EndpointNamer[GET /a/{x}]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      GET users/{id}       | a path starting with /
      ''                   | a path starting with /
      GET                  | a path starting with /
      GET /a b             | a method and a path separated by a space
      G(T /a               | an HTTP method token before the path
      /a?x=1               | a path without query or fragment
      /a#top               | a path without query or fragment
      /a//b                | no empty segment and no trailing /
      /a/                  | no empty segment and no trailing /
      /a/**/b              | * only in a trailing /**
      /files/*.png         | * only in a trailing /**
      /a/***               | * only in a trailing /**
      /a/{}                | {name} as a whole segment, the name made of letters, digits or _
      /a/{id               | {name} as a whole segment, the name made of letters, digits or _
      /a/x{id}             | {name} as a whole segment, the name made of letters, digits or _
      /a/{id}}             | {name} as a whole segment, the name made of letters, digits or _
      /a/{i-d}             | {name} as a whole segment, the name made of letters, digits or _
      /a/{id}/b/{id}       | distinct variable names; {id} appears twice
      """)
  void rejectsInvalidRoutePatternWithOneLineMessage(String pattern, String expected) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointNamer.builder().route(pattern))
        .withMessage("route: \"%s\" (expected: %s)", pattern, expected);
  }

  @Test
  void rejectsNullRoutePattern() {
    assertThatNullPointerException().isThrownBy(() -> EndpointNamer.builder().route(null)).withMessage("pattern");
  }

  @Test
  void builtNamerIsUnaffectedByLaterBuilderChanges() {
    EndpointNamer.Builder builder = EndpointNamer.builder().route("/a/{x}");
    EndpointNamer namer = builder.build();
    builder.route("/b/{y}");

    assertThat(namer.name("GET", "/b/1")).isEqualTo("GET /b/{id}");
    assertThat(builder.build().name("GET", "/b/1")).isEqualTo("GET /b/{y}");
  }

  @Test
  void defaultsIsSharedAndEqualToAnEmptyBuilder() {
    assertThat(EndpointNamer.defaults()).isSameAs(DEFAULTS).isSameAs(EndpointNamer.builder().build());
  }
}
