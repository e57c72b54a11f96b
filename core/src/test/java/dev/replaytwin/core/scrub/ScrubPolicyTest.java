package dev.replaytwin.core.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubPolicyTest {
  @TempDir Path dir;

  @Test
  void reportsEveryProblemWithItsFileLineAndField() throws IOException {
    Path file = Files.writeString(dir.resolve("rules.yaml"), """
        defaults: true
        headers:
          - header: X-Customer-Email
            action: pseudonymise
          - header: X-Session
            action: drop
          - header: X-Secret-Thing
            action: hide
        query:
          - param: email
        json:
          - path: $.user..
            action: redact
        detectors:
          emial: redact
          phone: off
        """);

    assertThatThrownBy(() -> ScrubPolicy.load(file))
        .isInstanceOfSatisfying(ScrubPolicyException.class, e -> assertThat(e.problems()).containsExactly(
            file + ":8: headers[2].action: \"hide\" (expected: drop, redact, pseudonymise, keep)",
            file + ":10: query[0]: missing \"action\" (expected: drop, redact, pseudonymise, keep)",
            file + ":12: json[0].path: \"$.user..\": missing name at column 9"
                + " (expected: a path like $.user.email, $.items[*].card or $..password)",
            file + ":15: detectors.emial: unknown key (did you mean \"email\"?)",
            file + ":16: detectors.phone: off (expected: drop, redact, pseudonymise, keep)"));
  }

  @Test
  void unknownKeysAreErrorsSoATypoCannotWeakenAPolicy() {
    assertThatThrownBy(() -> ScrubPolicy.parse("hedaers:\n  - header: X-Token\n    action: redact\n"))
        .hasMessage("<policy>:1: hedaers: unknown key (did you mean \"headers\"?)");
    assertThatThrownBy(() -> ScrubPolicy.parse("headers:\n  - header: X-Token\n    acton: redact\n"))
        .hasMessageContaining("<policy>:3: headers[0].acton: unknown key (did you mean \"action\"?)");
    assertThatThrownBy(() -> ScrubPolicy.parse("whatever: 1\n"))
        .hasMessageStartingWith("<policy>:1: whatever: unknown key (expected one of: version, defaults, ");
  }

  @Test
  void aNameCoveredTwiceIsAnError() {
    assertThatThrownBy(() -> ScrubPolicy.parse("""
        cookies:
          - cookie: session
            action: keep
          - cookie: SESSION
            action: redact
        """)).hasMessage("<policy>:4: cookies[1].cookie: \"SESSION\" is already covered by cookies[0] (one rule per name)");
  }

  @Test
  void wrongTypesSayWhatWasExpected() {
    assertThatThrownBy(() -> ScrubPolicy.parse("""
        defaults: maybe
        keepBinary: image/*
        maxDecodedBodyBytes: 10
        redactMarker: ""
        headers: {header: X-A, action: drop}
        """)).isInstanceOfSatisfying(ScrubPolicyException.class, e -> assertThat(e.problems()).containsExactly(
            "<policy>:1: defaults: \"maybe\" (expected: true or false)",
            "<policy>:2: keepBinary: \"image/*\" (expected: a list of media types, e.g. [image/*, application/octet-stream])",
            "<policy>:3: maxDecodedBodyBytes: 10 (expected: a number of bytes from 1024 to 268435456)",
            "<policy>:4: redactMarker: \"\" (expected: 1 to 64 printable ASCII characters)",
            "<policy>:5: headers: a mapping (expected: a list of rules, each with header and action)"));
  }

  @Test
  void yamlThatDoesNotParseNamesTheLine() {
    assertThatThrownBy(() -> ScrubPolicy.parse("headers:\n  - header: X-A\n    action: [drop\n"))
        .hasMessageStartingWith("<policy>:3: not valid YAML: ");
    assertThatThrownBy(() -> ScrubPolicy.parse("defaults: true\n---\ndefaults: false\n"))
        .hasMessage("<policy>:3: a second YAML document (expected: one policy per file)");
  }

  @Test
  void anEmptyPolicyIsTheDefaults() throws ScrubPolicyException {
    assertThat(ScrubPolicy.parse("").digest()).isEqualTo(ScrubPolicy.defaults().digest());
    assertThat(ScrubPolicy.parse("# nothing but a comment\n").usesDefaults()).isTrue();
  }

  @Test
  void digestIgnoresCommentsLayoutAndKeyOrder() throws ScrubPolicyException {
    ScrubPolicy a = ScrubPolicy.parse("""
        headers:
          - header: X-Customer-Id
            action: pseudonymise
        redactMarker: "<gone>"
        """);
    ScrubPolicy b = ScrubPolicy.parse("""
        # the same policy, written differently
        redactMarker: '<gone>'
        headers: [{action: pseudonymise, header: x-customer-id}]
        """);

    assertThat(a.digest()).isEqualTo(b.digest()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void digestChangesWithAnyRuleActionOrSetting() throws ScrubPolicyException {
    String base = ScrubPolicy.parse("headers:\n  - header: X-A\n    action: redact\n").digest();

    assertThat(ScrubPolicy.parse("headers:\n  - header: X-B\n    action: redact\n").digest()).isNotEqualTo(base);
    assertThat(ScrubPolicy.parse("headers:\n  - header: X-A\n    action: drop\n").digest()).isNotEqualTo(base);
    assertThat(ScrubPolicy.parse("headers:\n  - header: X-A\n    action: redact\ndefaults: false\n").digest())
        .isNotEqualTo(base);
    assertThat(ScrubPolicy.parse("headers:\n  - header: X-A\n    action: redact\ndetectors: {ipv4: keep}\n").digest())
        .isNotEqualTo(base);
    assertThat(base).isNotEqualTo(ScrubPolicy.defaults().digest());
  }

  @Test
  void withoutDefaultsOnlyTheGivenRulesAndDetectorsApply() throws ScrubPolicyException {
    ScrubPolicy policy = ScrubPolicy.parse("""
        defaults: false
        headers:
          - header: X-Customer-Id
            action: pseudonymize
            name: customer-id
        detectors:
          email: redact
        """);

    assertThat(policy.usesDefaults()).isFalse();
    assertThat(policy.ruleNames()).contains("customer-id", "detector:email")
        .doesNotContain("header:authorization", "detector:phone", "cookie:*");
    assertThat(ScrubPolicy.defaults().ruleNames()).contains("header:authorization", "header:*-token", "cookie:*",
        "query:*token", "form:*password*", "json:$..*password*", "detector:phone", "detector:ipv6");
  }

  @Test
  void aPolicyFileLargerThanAMebibyteIsRefused() throws IOException {
    Path big = Files.writeString(dir.resolve("big.yaml"), "#".repeat(2 << 20));

    assertThatThrownBy(() -> ScrubPolicy.load(big)).isInstanceOf(ScrubPolicyException.class)
        .hasMessageContaining("expected: a policy file under 1 MiB");
  }
}
