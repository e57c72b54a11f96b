package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Exchange;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS on both sides, with certificates made at test time by a throwaway CA. */
@Timeout(60)
class TlsProxyIT {
  static X509Bundle ca;
  static X509Bundle localhost;

  @BeforeAll
  static void makeCertificates() throws Exception {
    ca = new CertificateBuilder().subject("CN=twin test CA").setIsCertificateAuthority(true).ecp256()
        .buildSelfSigned();
    localhost = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
        .addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
  }

  @Test
  void terminatesTlsAndSpeaksTlsToAnHttpsUpstreamTrustedThroughTheGivenCa(@TempDir Path dir) throws Exception {
    ServerTls tls = new ServerTls(write(dir, "cert.pem", localhost.getCertificatePathPEM()),
        write(dir, "key.pem", localhost.getPrivateKeyPEM()));
    Path caFile = write(dir, "ca.pem", ca.getCertificatePEM());
    try (JdkUpstream upstream = JdkUpstream.https("secure", serverContext());
         ProxyUnderTest f = ProxyUnderTest.start("https://localhost:" + upstream.port(),
             o -> o.tls(tls).upstreamCa(caFile))) {
      HttpResponse<String> r = trustingClient().send(HttpRequest.newBuilder(
              URI.create("https://localhost:" + f.proxy.address().getPort() + "/hello")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("secure GET /hello ");
      Exchange captured = f.nextCapture();
      f.close();
      assertThat(f.capturedCount()).isZero();
      assertThat(captured).satisfies(e ->
          assertThat(e.request().headers().first("X-Forwarded-Proto")).contains("https"));
    }
  }

  @Test
  void mirrorsToAnHttpsTwinTrustedThroughTheGivenCa(@TempDir Path dir) throws Exception {
    try (JdkUpstream production = JdkUpstream.http("prod");
         JdkUpstream twin = JdkUpstream.https("twin", serverContext());
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + production.port());
         Mirror mirror = new Mirror(Route.parse("mirror", "https://localhost:" + twin.port()), false, 4,
             Duration.ofSeconds(5), 1024, write(dir, "ca.pem", ca.getCertificatePEM()), f.metrics)) {
      f.tap.mirrorTo(mirror);
      assertThat(JdkClient.get(JdkClient.client(), f.url("/items")).statusCode()).isEqualTo(200);
      Await.until("the copy at the twin", () -> !twin.seen.isEmpty());
      assertThat(twin.seen).extracting(JdkUpstream.Seen::target).containsExactly("/items");
    }
  }

  @Test
  void refusesAnUpstreamWhoseCertificateIsNotTrustedWith502() throws Exception {
    try (JdkUpstream upstream = JdkUpstream.https("secure", serverContext());
         ProxyUnderTest f = ProxyUnderTest.start("https://localhost:" + upstream.port())) {
      HttpResponse<String> r = JdkClient.get(JdkClient.client(), f.url("/hello"));

      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).startsWith("twin proxy: upstream connection failed");
      assertThat(upstream.seen).isEmpty();
    }
  }

  @Test
  void refusesAnUpstreamWhoseCertificateNamesAnotherHost(@TempDir Path dir) throws Exception {
    X509Bundle other = new CertificateBuilder().subject("CN=elsewhere").addSanDnsName("elsewhere.example")
        .addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(other.toKeyManagerFactory().getKeyManagers(), null, null);
    Path caFile = write(dir, "ca.pem", ca.getCertificatePEM());
    try (JdkUpstream upstream = JdkUpstream.https("secure", tls);
         ProxyUnderTest f = ProxyUnderTest.start("https://localhost:" + upstream.port(), o -> o.upstreamCa(caFile))) {
      assertThat(JdkClient.get(JdkClient.client(), f.url("/")).statusCode()).isEqualTo(502);
      assertThat(upstream.seen).isEmpty();
    }
  }

  @Test
  void reportsAnUnusableCertificateFileClearly(@TempDir Path dir) throws Exception {
    Path garbage = write(dir, "cert.pem", "not a certificate");
    assertThatThrownBy(() -> ProxyUnderTest.start("http://127.0.0.1:9", o -> o
        .tls(new ServerTls(garbage, garbage))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot use TLS certificate " + garbage);
  }

  private static SSLContext serverContext() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(localhost.toKeyManagerFactory().getKeyManagers(), null, null);
    return tls;
  }

  private static HttpClient trustingClient() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, ca.toTrustManagerFactory().getTrustManagers(), null);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
