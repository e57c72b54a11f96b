package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.replaytwin.core.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeTest {
  private static final long T = 1_763_700_000_000_000_000L;

  private static Outcome withStatus(int status) {
    return new Outcome("ex-1", 0, "GET /a", "GET", T, T, 10, 5, status, ErrorKind.NONE, "", 0, "", "", Body.EMPTY);
  }

  private static Outcome refused() {
    return new Outcome("ex-1", 0, "GET /a", "GET", T, T, -1, -1, 0, ErrorKind.REFUSED, "", -1, "", "", Body.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100, 200, 599})
  void acceptsNoStatusAndEveryHttpStatus(int status) {
    assertThat(withStatus(status).status()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1, 99, 600, 700})
  void rejectsStatusOutsideHttpRange(int status) {
    assertThatIllegalArgumentException().isThrownBy(() -> withStatus(status))
        .withMessage("status: " + status + " (expected: 0 or 100..599)");
  }

  @Test
  void rejectsNegativeTimesOtherThanNone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "GET /a", "GET", -1, -1, -1, -1, 0, ErrorKind.DROPPED, "", -1, "",
            "", Body.EMPTY))
        .withMessage("intendedEpochNanos: -1 (expected: >= 0)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "GET /a", "GET", T, -2, -1, -1, 0, ErrorKind.DROPPED, "", -1, "",
            "", Body.EMPTY))
        .withMessage("sentEpochNanos: -2 (expected: >= 0, or -1 when never sent)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "GET /a", "GET", T, T, -5, -1, 0, ErrorKind.RESET, "", -1, "",
            "", Body.EMPTY))
        .withMessage("latencyNanos: -5 (expected: >= 0, or -1 when no response)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "GET /a", "GET", T, T, 9, 9, 200, ErrorKind.NONE, "", -3, "",
            "", Body.EMPTY))
        .withMessage("responseSize: -3 (expected: >= 0, or -1 when no response)");
  }

  @Test
  void rejectsNegativeLoopAndEmptyNames() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", -1, "GET /a", "GET", T, T, 1, 1, 200, ErrorKind.NONE, "", 0, "", "",
            Body.EMPTY))
        .withMessage("loop: -1 (expected: >= 0)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("", 0, "GET /a", "GET", T, T, 1, 1, 200, ErrorKind.NONE, "", 0, "", "",
            Body.EMPTY))
        .withMessage("exchangeId: \"\" (expected: non-empty)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "", "GET", T, T, 1, 1, 200, ErrorKind.NONE, "", 0, "", "",
            Body.EMPTY))
        .withMessage("endpoint: \"\" (expected: non-empty)");
    assertThatNullPointerException()
        .isThrownBy(() -> new Outcome("ex-1", 0, "GET /a", "GET", T, T, 1, 1, 200, null, "", 0, "", "", Body.EMPTY))
        .withMessage("error");
  }

  @Test
  void answeredOnlyWithAStatusAndNoError() {
    assertThat(withStatus(503).answered()).isTrue();
    assertThat(withStatus(0).answered()).isFalse();
    assertThat(refused().answered()).isFalse();
  }
}
