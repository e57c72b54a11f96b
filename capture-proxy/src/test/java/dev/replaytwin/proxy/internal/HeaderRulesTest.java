package dev.replaytwin.proxy.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.replaytwin.proxy.ForwardedHeaders;
import dev.replaytwin.proxy.Route;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The header changes a proxy must make, checked on real wire bytes: heads are decoded and encoded
 * by the same Netty codecs the proxy uses, so order and case are as they would be on the socket.
 */
class HeaderRulesTest {
  private static final Route ROUTE = Route.parse("upstream", "http://10.0.0.5:8080");
  private static final String CLIENT = "192.0.2.10";

  @Test
  void forwardsEndToEndFieldsInOrderAndCase() {
    String head = "GET /cart?id=1 HTTP/1.1\r\nHost: shop.example\r\nx-lower: 1\r\nX-UPPER: 2\r\n"
        + "Accept: text/html\r\nAccept: */*\r\nCookie: a=1\r\n\r\n";

    assertThat(sentUpstream(head)).isEqualTo(head);
  }

  @Test
  void removesHopByHopFieldsFromRequests() {
    assertThat(sentUpstream("GET / HTTP/1.1\r\nHost: shop.example\r\nConnection: keep-alive\r\n"
        + "Keep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\nUpgrade: h2c\r\nX-End: 1\r\n\r\n"))
        .isEqualTo("GET / HTTP/1.1\r\nHost: shop.example\r\nX-End: 1\r\n\r\n");
  }

  @Test
  void removesFieldsNamedByConnectionWhateverTheirCase() {
    assertThat(sentUpstream("GET / HTTP/1.1\r\nHost: shop.example\r\nConnection: x-one ,  X-TWO\r\n"
        + "connection: X-Three\r\nX-One: 1\r\nx-two: 2\r\nx-three: 3\r\nX-Four: 4\r\n\r\n"))
        .isEqualTo("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Four: 4\r\n\r\n");
  }

  @Test
  void keepsMessageFramingEvenWhenConnectionNamesIt() {
    assertThat(sentUpstream("POST / HTTP/1.1\r\nHost: shop.example\r\nConnection: Content-Length\r\n"
        + "Content-Length: 3\r\n\r\nabc"))
        .isEqualTo("POST / HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 3\r\n\r\n");
  }

  @Test
  void keepsUpgradeFieldsForAnUpgradeRequest() {
    HttpRequest in = decodeRequest("GET /ws HTTP/1.1\r\nHost: shop.example\r\nConnection: keep-alive, Upgrade\r\n"
        + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n");

    assertThat(HeaderRules.isUpgrade(in.headers())).isTrue();
    HttpRequest out = HeaderRules.forUpstream(in, ROUTE, in.uri(), ForwardedHeaders.OFF, CLIENT, false, true, false);
    assertThat(out.headers().get("Connection")).isEqualTo("upgrade");
    assertThat(out.headers().get("Upgrade")).isEqualTo("websocket");
    assertThat(out.headers().get("Sec-WebSocket-Version")).isEqualTo("13");
  }

  @Test
  void appendModeAddsTheClientToForwardedForAndFillsInWhatIsMissing() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: 203.0.113.7\r\n"
        + "X-Forwarded-Proto: https\r\n\r\n");

    HttpRequest out = forUpstream(in, ForwardedHeaders.APPEND);

    assertThat(out.headers().getAll("X-Forwarded-For")).containsExactly("203.0.113.7, " + CLIENT);
    assertThat(out.headers().getAll("X-Forwarded-Proto")).containsExactly("https");
    assertThat(out.headers().getAll("X-Forwarded-Host")).containsExactly("shop.example");
  }

  @Test
  void appendModeKeepsEveryAddressOfRepeatedForwardedForFields() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: 203.0.113.7\r\n"
        + "X-Forwarded-For: 198.51.100.2, 198.51.100.3\r\n\r\n");

    assertThat(forUpstream(in, ForwardedHeaders.APPEND).headers().getAll("X-Forwarded-For"))
        .containsExactly("203.0.113.7, 198.51.100.2, 198.51.100.3, " + CLIENT);
  }

  @Test
  void appendModeStartsForwardedForWithTheClientWhenAbsentOrBlank() {
    HttpRequest absent = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n");
    HttpRequest blank = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: \r\n\r\n");

    assertThat(forUpstream(absent, ForwardedHeaders.APPEND).headers().getAll("X-Forwarded-For"))
        .containsExactly(CLIENT);
    assertThat(forUpstream(blank, ForwardedHeaders.APPEND).headers().getAll("X-Forwarded-For"))
        .containsExactly(CLIENT);
    assertThat(forUpstream(absent, ForwardedHeaders.APPEND).headers().get("X-Forwarded-Proto")).isEqualTo("http");
  }

  @Test
  void replaceModeDiscardsWhatTheClientSent() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: 203.0.113.7\r\n"
        + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n\r\n");

    HttpRequest out = HeaderRules.forUpstream(in, ROUTE, in.uri(), ForwardedHeaders.REPLACE, CLIENT, false, false,
        false);

    assertThat(out.headers().getAll("X-Forwarded-For")).containsExactly(CLIENT);
    assertThat(out.headers().getAll("X-Forwarded-Proto")).containsExactly("http");
    assertThat(out.headers().getAll("X-Forwarded-Host")).containsExactly("shop.example");
  }

  @Test
  void replaceModeDropsForwardedHostWhenTheRequestHasNoHost() {
    HttpRequest in = decodeRequest("GET / HTTP/1.0\r\nX-Forwarded-Host: evil.example\r\n\r\n");

    HttpRequest out = forUpstream(in, ForwardedHeaders.REPLACE);

    assertThat(out.headers().contains("X-Forwarded-Host")).isFalse();
    assertThat(out.headers().get("Host")).isEqualTo("10.0.0.5:8080");
  }

  @Test
  void offModeNeitherChangesNorAddsForwardedFields() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n");

    HttpRequest out = forUpstream(in, ForwardedHeaders.OFF);

    assertThat(out.headers().getAll("X-Forwarded-For")).containsExactly("203.0.113.7");
    assertThat(out.headers().contains("X-Forwarded-Proto")).isFalse();
    assertThat(out.headers().contains("X-Forwarded-Host")).isFalse();
  }

  @Test
  void tlsClientsAreForwardedAsHttps() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n");

    HttpRequest out = HeaderRules.forUpstream(in, ROUTE, in.uri(), ForwardedHeaders.APPEND, CLIENT, true, false,
        false);

    assertThat(out.headers().get("X-Forwarded-Proto")).isEqualTo("https");
  }

  @Test
  void egressRewritesHostToTheRouteAndIngressKeepsIt() {
    HttpRequest in = decodeRequest("GET / HTTP/1.1\r\nHost: payments\r\n\r\n");

    assertThat(HeaderRules.forUpstream(in, ROUTE, "/", ForwardedHeaders.OFF, CLIENT, false, false, true)
        .headers().get("Host")).isEqualTo("10.0.0.5:8080");
    assertThat(forUpstream(in, ForwardedHeaders.OFF).headers().get("Host")).isEqualTo("payments");
  }

  @Test
  void forwardsHttp10RequestsAsHttp11() {
    assertThat(sentUpstream("GET /old HTTP/1.0\r\nHost: shop.example\r\n\r\n"))
        .isEqualTo("GET /old HTTP/1.1\r\nHost: shop.example\r\n\r\n");
  }

  @Test
  void removesHopByHopFieldsFromResponsesAndKeepsTheRestInOrder() {
    HttpResponse in = decodeResponse("HTTP/1.1 200 OK\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\n"
        + "Keep-Alive: timeout=5\r\nSet-Cookie: a=1\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n"
        + "set-cookie: b=2\r\n\r\n0\r\n\r\n");

    HttpResponse out = HeaderRules.forClient(in, false, false, false);

    assertThat(names(out)).containsExactly("Set-Cookie", "Transfer-Encoding", "Trailer", "set-cookie");
  }

  @Test
  void saysCloseWhenTheClientConnectionEndsAfterTheResponse() {
    HttpResponse in = decodeResponse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    assertThat(HeaderRules.forClient(in, true, false, false).headers().get("Connection")).isEqualTo("close");
    assertThat(HeaderRules.forClient(in, false, false, false).headers().contains("Connection")).isFalse();
    assertThat(HeaderRules.forClient(in, false, true, false).headers().get("Connection")).isEqualTo("keep-alive");
  }

  @Test
  void sendsChunkedBodiesToHttp10ClientsUnframedAndCloses() {
    HttpResponse in = decodeResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

    HttpResponse out = HeaderRules.forClient(in, false, true, false);

    assertThat(out.headers().contains("Transfer-Encoding")).isFalse();
    assertThat(out.headers().get("Connection")).isEqualTo("close");
  }

  @Test
  void keepsUpgradeFieldsOnSwitchingProtocols() {
    HttpResponse in = decodeResponse("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
        + "Upgrade: websocket\r\nSec-WebSocket-Accept: x\r\n\r\n");

    HttpResponse out = HeaderRules.forClient(in, false, false, true);

    assertThat(out.headers().get("Upgrade")).isEqualTo("websocket");
    assertThat(out.headers().get("Connection")).isEqualTo("upgrade");
  }

  @Test
  void capturesEndToEndFieldsWithoutFraming() {
    HttpResponse in = decodeResponse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: X-Hop\r\n"
        + "X-Hop: 1\r\nTransfer-Encoding: chunked\r\nETag: \"1\"\r\n\r\n0\r\n\r\n");

    List<Map.Entry<String, String>> captured = HeaderRules.forCapture(in.headers());

    assertThat(captured).extracting(e -> e.getKey() + ": " + e.getValue())
        .containsExactly("Content-Type: text/plain", "ETag: \"1\"");
  }

  /** The head the upstream receives for {@code raw}, forwarded fields off. */
  private static String sentUpstream(String raw) {
    return encode(forUpstream(decodeRequest(raw), ForwardedHeaders.OFF));
  }

  private static HttpRequest forUpstream(HttpRequest in, ForwardedHeaders mode) {
    return HeaderRules.forUpstream(in, ROUTE, in.uri(), mode, CLIENT, false, false, false);
  }

  private static List<String> names(HttpMessage m) {
    return m.headers().entries().stream().map(Map.Entry::getKey).toList();
  }

  /** Decodes one request head the way the proxy's client-side codec does. */
  private static HttpRequest decodeRequest(String raw) {
    return decodeHead(new EmbeddedChannel(new HttpServerCodec()), raw);
  }

  /** Decodes one response head the way the proxy's upstream-side codec does (after a GET). */
  private static HttpResponse decodeResponse(String raw) {
    EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
    channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
    for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
      b.release();
    }
    return decodeHead(channel, raw);
  }

  private static <T extends HttpMessage> T decodeHead(EmbeddedChannel channel, String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, ISO_8859_1));
    T head = channel.readInbound();
    assertThat(head.decoderResult().isSuccess()).as("%s", head.decoderResult()).isTrue();
    for (Object m; (m = channel.readInbound()) != null; ) {
      ((HttpContent) m).release();
    }
    assertFalse(channel.finishAndReleaseAll());
    return head;
  }

  /** The head as the proxy's upstream-side encoder writes it. */
  private static String encode(HttpRequest request) {
    EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder());
    channel.writeOutbound(request, LastHttpContent.EMPTY_LAST_CONTENT);
    StringBuilder out = new StringBuilder();
    for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
      out.append(b.toString(ISO_8859_1));
      b.release();
    }
    assertFalse(channel.finishAndReleaseAll());
    return out.toString();
  }
}
