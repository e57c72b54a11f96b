package dev.replaytwin.core.scrub;

import static dev.replaytwin.core.scrub.TestMessages.exchange;
import static dev.replaytwin.core.scrub.TestMessages.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubKeyTest {
  private static final String SECRET = "0123456789abcdef-not-for-prod";
  private static final Exchange WITH_EMAIL = exchange(get("/?email=alice@example.com"), null);

  @TempDir Path dir;

  private static String pseudonymOf(ScrubKey key) {
    return Scrubber.create(ScrubPolicy.defaults(), key).scrub(WITH_EMAIL).request().target();
  }

  @Test
  void anUnsetOrEmptyVariableGivesNoKey() {
    assertThat(ScrubKey.fromEnvironmentValue("TWIN_SCRUB_KEY", null)).isEmpty();
    assertThat(ScrubKey.fromEnvironmentValue("TWIN_SCRUB_KEY", "")).isEmpty();
    assertThat(ScrubKey.fromEnvironment("TWIN_TEST_SURELY_UNSET_VARIABLE")).isEmpty();
  }

  @Test
  void aShortKeyIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> ScrubKey.fromEnvironmentValue("TWIN_SCRUB_KEY", "hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environment variable TWIN_SCRUB_KEY: 7 bytes (expected: at least 16 bytes, e.g. from"
            + " openssl rand -hex 32)")
        .message().doesNotContain("hunter2");
  }

  @Test
  void aKeyFileIsReadWithoutItsTrailingLineBreak() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), SECRET + "\n");

    ScrubKey fromFile = ScrubKey.fromFile(file);

    assertThat(pseudonymOf(fromFile)).isEqualTo(pseudonymOf(ScrubKey.of(SECRET.getBytes(StandardCharsets.UTF_8))));
    assertThat(pseudonymOf(fromFile))
        .isEqualTo(pseudonymOf(ScrubKey.fromEnvironmentValue("TWIN_SCRUB_KEY", SECRET).orElseThrow()));
    assertThat(fromFile.origin()).isEqualTo("key file " + file);
  }

  @Test
  void ephemeralKeysDifferFromEachOther() {
    ScrubKey a = ScrubKey.ephemeral();
    ScrubKey b = ScrubKey.ephemeral();

    assertThat(a.isEphemeral()).isTrue();
    assertThat(pseudonymOf(a)).isNotEqualTo(pseudonymOf(b));
  }

  @Test
  void theKeyAppearsInNoTextTheApiGivesOut() throws Exception {
    ScrubKey key = ScrubKey.fromEnvironmentValue("TWIN_SCRUB_KEY", SECRET).orElseThrow();
    Scrubber scrubber = Scrubber.create(ScrubPolicy.defaults(), key);

    assertThat(key.toString()).isEqualTo("ScrubKey[environment variable TWIN_SCRUB_KEY]");
    assertThat(key.toString() + scrubber + scrubber.policy() + scrubber.policy().digest() + scrubber.ruleHits())
        .doesNotContain(SECRET);
  }
}
