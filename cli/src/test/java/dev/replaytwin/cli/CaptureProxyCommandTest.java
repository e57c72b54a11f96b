package dev.replaytwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin capture proxy} refusing bad input with one line and exit code 2, before serving. */
class CaptureProxyCommandTest {
  @TempDir Path dir;

  @Test
  void refusesAnUpstreamThatIsNotHttp() {
    CliRun run = run("--upstream", "ftp://127.0.0.1:21");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: --upstream \"ftp://127.0.0.1:21\": scheme \"ftp\" (expected: http or https)");
  }

  @Test
  void refusesABadSampleRate() {
    CliRun run = run("--upstream", "http://127.0.0.1:9", "--sample", "150%");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: sample rate \"150%\" (expected: a percentage such as 10% or a fraction 0..1)");
  }

  @Test
  void refusesAListenAddressWithoutAPort() {
    CliRun run = twinProxy("--upstream", "http://127.0.0.1:9", "--listen", "localhost", "--out",
        dir.resolve("c.twcap").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'localhost' (expected: HOST:PORT, e.g. 127.0.0.1:8080)");
  }

  @Test
  void refusesAnExistingCaptureFileWithoutOverwrite() throws Exception {
    Path out = Files.writeString(dir.resolve("prod.twcap"), "keep me");

    CliRun run = twinProxy("--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: " + out + ": already exists (use --overwrite or another --out)");
    assertThat(Files.readString(out)).isEqualTo("keep me");
  }

  @Test
  void refusesAnAddressInUseAndLeavesNoHalfWrittenCapture() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path out = dir.resolve("prod.twcap");
      CliRun run = twinProxy("--listen", "127.0.0.1:" + taken.getLocalPort(), "--upstream", "http://127.0.0.1:9",
          "--out", out.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
          .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .endsWith("(is another process using it?)"));
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void refusesAMissingScrubPolicyFile() {
    CliRun run = run("--upstream", "http://127.0.0.1:9", "--scrub", dir.resolve("rules.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: " + dir.resolve("rules.yaml") + ": no such file or not readable (check the path)");
  }

  @Test
  void refusesRoutesWithoutAnEgressListener() {
    CliRun run = run("--upstream", "http://127.0.0.1:9", "--route", "payments=http://127.0.0.1:9");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: --route needs --egress HOST:PORT (the listener the service calls out through)");
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--listen";
    all[1] = "127.0.0.1:0";
    all[2] = "--out";
    all[3] = dir.resolve("c.twcap").toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return twinProxy(all);
  }

  private static CliRun twinProxy(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "capture";
    all[1] = "proxy";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.twin(all);
  }
}
