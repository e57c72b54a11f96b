package dev.replaytwin.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay to an HTTPS twin whose certificate a test CA issued. */
class ReplayTlsIT {
  @TempDir Path dir;

  @Test
  void replaysToAnHttpsTargetTrustingTheGivenCaAndFailsAsTlsWithoutIt() throws Exception {
    X509Bundle ca = new CertificateBuilder().subject("CN=twin test CA").setIsCertificateAuthority(true).ecp256()
        .buildSelfSigned();
    X509Bundle localhost = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
        .addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(localhost.toKeyManagerFactory().getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    // Threads of its own: with none, the JDK server handles one connection at a time, and a
    // connection the replayer opened ahead (warm-up) would hold up the next one's handshake.
    ExecutorService threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      byte[] body = ("secure " + exchange.getRequestURI()).getBytes(UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      Path capture = Captures.write(dir.resolve("c.twcap"),
          List.of(Captures.get("a", 0, "/one"), Captures.get("b", 10, "/two")));
      Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.getCertificatePEM());
      String url = "https://localhost:" + server.getAddress().getPort();

      RunManifest trusted = new Replay(ReplayOptions.builder(capture, dir.resolve("trusted"))
          .target(Target.parse("secure=" + url, true)).trustedCa(caFile).build(), ReplayListener.NONE).run();
      assertThat(trusted.targets().get(0).answered()).isEqualTo(2);
      assertThat(rows(dir.resolve("trusted"))).extracting(o -> o.body().toUtf8())
          .containsExactlyInAnyOrder("secure /one", "secure /two");

      RunManifest untrusted = new Replay(ReplayOptions.builder(capture, dir.resolve("untrusted"))
          .target(Target.parse("secure=" + url, true)).build(), ReplayListener.NONE).run();
      assertThat(untrusted.targets().get(0).errors()).containsEntry("tls", 2L);
      assertThat(rows(dir.resolve("untrusted"))).extracting(Outcome::error).containsOnly(ErrorKind.TLS);
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static List<Outcome> rows(Path run) throws Exception {
    try (OutcomeReader reader = OutcomeReader.open(RunDirectory.at(run).outcomes("secure"))) {
      return reader.stream().toList();
    }
  }
}
