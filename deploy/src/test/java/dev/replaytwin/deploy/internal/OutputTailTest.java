package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputTailTest {

  @Test
  void keepsTheLastLinesAndCopiesEverything() throws InterruptedException {
    String text = "one\r\ntwo\nthree\n\nfour\nfive without newline";
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    OutputTail tail = OutputTail.start(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), log, 3,
        "test-output");
    assertThat(tail.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(tail.lastLines()).containsExactly("three", "four", "five without newline");
    assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void longLineIsCutInMemoryButNotInTheLog() throws InterruptedException {
    String line = "x".repeat(OutputTail.MAX_LINE_BYTES * 3);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    OutputTail tail = OutputTail.start(new ByteArrayInputStream((line + "\nend\n").getBytes(StandardCharsets.UTF_8)),
        log, 5, "test-output");
    assertThat(tail.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(tail.lastLines()).containsExactly("x".repeat(OutputTail.MAX_LINE_BYTES), "end");
    assertThat(log.size()).isEqualTo(line.length() + 5);
  }
}
