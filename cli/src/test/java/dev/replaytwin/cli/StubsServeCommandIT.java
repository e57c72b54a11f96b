package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twin stubs serve}, in-process, called over real sockets. */
class StubsServeCommandIT {
  @TempDir
  Path dir;

  @Test
  void serveRunsTheSimulatorsUntilStopped() throws Exception {
    Path out = dir.resolve("stubs");
    assertThat(twin("stubs", "--capture", StubsCommandTest.egress(dir).toString(), "--out", out.toString()).exitCode()).isZero();
    CommandLine commandLine = TwinCommand.commandLine();
    StringWriter stdout = new StringWriter();
    commandLine.setOut(new PrintWriter(stdout, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    StubsServeCommand serve = commandLine.getSubcommands().get("stubs").getSubcommands().get("serve").getCommand();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread runner = new Thread(() -> exitCode.set(commandLine.execute("stubs", "serve", out.toString(), "--no-latency")));
    runner.start();
    try {
      for (int i = 0; i < 200 && !stdout.toString().contains("twin stubs serve:"); i++) {
        Thread.sleep(50);
      }
      assertThat(stdout.toString()).contains("twin stubs serve: 2 simulators from " + out);
      String payments = stdout.toString().lines().filter(l -> l.startsWith("payments ")).findFirst().orElseThrow()
          .substring("payments ".length());
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(payments + "/v1/charges/1001")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("{\"status\":\"pending\"}");
    } finally {
      serve.shutdown();
      runner.join(10_000);
    }
    assertThat(exitCode.get()).isEqualTo(ExitCodes.OK);
  }

}
