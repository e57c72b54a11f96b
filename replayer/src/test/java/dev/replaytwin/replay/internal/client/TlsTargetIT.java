package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS targets with certificates made at test time by a throwaway CA, served by the JDK's HttpsServer. */
class TlsTargetIT {
  static X509Bundle ca;
  static X509Bundle localhost;
  static EventLoopGroup group;

  @BeforeAll
  static void makeCertificatesAndLoop() throws Exception {
    ca = new CertificateBuilder().subject("CN=twin test CA").setIsCertificateAuthority(true).ecp256()
        .buildSelfSigned();
    localhost = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
        .addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  }

  @AfterAll
  static void stopLoop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void speaksTlsToATargetWhoseCertificateTheGivenCaIssued(@TempDir Path dir) throws Exception {
    HttpsServer server = serve(localhost);
    try (TargetClient client = NettyTargetClient.create(TargetClientOptions.of(uri(server, "localhost"))
        .withTrustedCa(write(dir, ca.getCertificatePEM())), group)) {
      Responses responses = new Responses();
      for (int i = 0; i < 3; i++) {
        client.send(OutgoingRequest.of("GET", "/hello"), responses);
        ClientResponse r = responses.take();
        assertThat(r.error()).isEqualTo(ErrorKind.NONE);
        assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("secure GET /hello localhost:" + server.getAddress().getPort());
      }
      assertThat(client.stats().openConnections()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesACertificateNoTrustedCaIssuedAsTls() throws Exception {
    HttpsServer server = serve(localhost);
    try (TargetClient client = NettyTargetClient.create(TargetClientOptions.of(uri(server, "localhost")), group)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/hello"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.TLS);
      assertThat(r.errorDetail()).isNotEmpty().doesNotContain("\n");
      assertThat(client.stats().connectFailures()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesACertificateForAnotherHostAsTls(@TempDir Path dir) throws Exception {
    X509Bundle elsewhere = new CertificateBuilder().subject("CN=elsewhere").addSanDnsName("elsewhere.example")
        .addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
    HttpsServer server = serve(elsewhere);
    try (TargetClient client = NettyTargetClient.create(TargetClientOptions.of(uri(server, "localhost"))
        .withTrustedCa(write(dir, ca.getCertificatePEM())), group)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/hello"), responses);

      assertThat(responses.take().error()).isEqualTo(ErrorKind.TLS);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void reportsAnUnusableCaFileWhenCreated(@TempDir Path dir) throws Exception {
    Path garbage = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    assertThatThrownBy(() -> NettyTargetClient.create(
        TargetClientOptions.of(URI.create("https://localhost:8443")).withTrustedCa(garbage), group))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot use CA file " + garbage + ": ");
  }

  /** An HTTPS server that answers "secure", the method, the path and the Host field it got. */
  private static HttpsServer serve(X509Bundle certificate) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(certificate.toKeyManagerFactory().getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      byte[] body = ("secure " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + exchange.getRequestHeaders().getFirst("Host")).getBytes(UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static URI uri(HttpsServer server, String host) {
    return URI.create("https://" + host + ":" + server.getAddress().getPort());
  }

  private static Path write(Path dir, String pem) throws Exception {
    return Files.writeString(dir.resolve("ca.pem"), pem);
  }
}
