package dev.replaytwin.cli.internal;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.scrub.ScrubKey;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.core.scrub.ScrubPolicyException;
import dev.replaytwin.core.scrub.Scrubber;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The scrubbing a command applies before anything is written: the policy (the safe defaults when
 * none is given) and the pseudonym key, from {@code --scrub-key-file}, else {@code TWIN_SCRUB_KEY},
 * else a random key for this run.
 */
public record ScrubSetup(UnaryOperator<Exchange> scrubber, String digest, boolean ephemeralKey) {
  public static ScrubSetup load(@Nullable Path policyFile, @Nullable Path keyFile) throws IOException {
    ScrubPolicy policy;
    try {
      policy = policyFile == null ? ScrubPolicy.defaults() : ScrubPolicy.load(policyFile);
    } catch (ScrubPolicyException e) {
      throw new InvalidInputException(String.join("; ", e.problems()), e);
    }
    ScrubKey key;
    boolean ephemeral = false;
    try {
      if (keyFile != null) {
        key = ScrubKey.fromFile(keyFile);
      } else {
        key = ScrubKey.fromEnvironment().orElse(null);
        if (key == null) {
          key = ScrubKey.ephemeral();
          ephemeral = true;
        }
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    Scrubber scrubber = Scrubber.create(policy, key);
    return new ScrubSetup(scrubber::scrub, policy.digest(), ephemeral);
  }
}
