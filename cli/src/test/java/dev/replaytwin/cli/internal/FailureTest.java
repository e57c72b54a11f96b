package dev.replaytwin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.capture.CaptureFormatException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailureTest {

  @Test
  void captureFormatProblemsAreInvalidInputWithCoreMessage() {
    Failure failure = Failure.of(new CaptureFormatException(Path.of("x.twcap"), 8,
        "x.twcap: capture format version 9 is not readable by this ReplayTwin (reads version 1); upgrade ReplayTwin"));

    assertThat(failure).isEqualTo(new Failure(2, "error: x.twcap: capture format version 9 is not readable by"
        + " this ReplayTwin (reads version 1); upgrade ReplayTwin"));
  }

  @Test
  void missingFileWithoutReasonSaysNoSuchFile() {
    assertThat(Failure.of(new NoSuchFileException("a.twcap")))
        .isEqualTo(new Failure(2, "error: a.twcap: no such file (check the path)"));
  }

  @Test
  void permissionProblemIsInvalidInput() {
    assertThat(Failure.of(new AccessDeniedException("a.twcap")))
        .isEqualTo(new Failure(2, "error: a.twcap: permission denied (check the file's permissions)"));
  }

  @Test
  void ioErrorsInsideStreamsAreUnwrapped() {
    assertThat(Failure.of(new UncheckedIOException(new EOFException("a.twcap: shrank while being read at byte 9"))))
        .isEqualTo(new Failure(2, "error: cannot read: a.twcap: shrank while being read at byte 9"));
  }

  @Test
  void anythingElseIsAnInternalError() {
    assertThat(Failure.of(new NullPointerException()))
        .isEqualTo(new Failure(4, "internal error: java.lang.NullPointerException (rerun with --verbose for details)"));
  }
}
