package dev.replaytwin.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of exchanges run twice against the same scripted upstream, once directly and once
 * through the proxy: the client must see the same status lines, end-to-end header fields (order and
 * case), decoded bodies and trailers, and the upstream must receive the same requests, apart from
 * the hop-by-hop changes a proxy makes (chunk framing, Connection, X-Forwarded-*).
 */
class TransparencyIT {
  private static final int MIB = 1024 * 1024;
  static final byte[] FIVE_MIB = randomBytes(5 * MIB, 7);

  /** One exchange of the corpus: what the upstream answers and what the client does. */
  record Case(String name, List<Reply> replies, ClientScript client) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface ClientScript {
    List<WireMessage> run(RawClient client) throws IOException;
  }

  /** What one run saw at both ends. */
  record Observed(List<WireMessage> responses, List<WireMessage> requests) {}

  static Stream<Case> corpus() throws IOException {
    byte[] gzipped = gzip("{\"items\":[" + "{\"sku\":\"A-1\",\"qty\":2},".repeat(200) + "{}]}");
    return Stream.of(
        one("GET answered with Content-Length",
            "GET /hello?x=1&y=%2F HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: raw/1\r\nAccept: */*\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Request-Id: r-1\r\n"
                + "Content-Length: 5\r\n\r\nhello")),
        one("chunked response with trailer fields",
            "GET /stream HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Trailer: X-Checksum\r\n\r\n" + chunks("{\"a\":", "1,\"b\"", ":[1,2,3]}")
                + "0\r\nX-Checksum: 5f3a\r\n\r\n")),
        one("chunked request body",
            "POST /upload HTTP/1.1\r\nHost: shop.example\r\nContent-Type: text/csv\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks("a,b\n", "1,2\n", "3,4\n") + "0\r\n\r\n",
            Reply.ok("stored")),
        one("gzip-encoded response",
            "GET /cart HTTP/1.1\r\nHost: shop.example\r\nAccept-Encoding: gzip\r\n\r\n",
            Reply.withBody("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                + "Vary: Accept-Encoding\r\nContent-Length: " + gzipped.length + "\r\n\r\n", gzipped)),
        one("5 MiB binary response",
            "GET /download HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.withBody("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + FIVE_MIB.length + "\r\n\r\n", FIVE_MIB)),
        new Case("5 MiB binary request body",
            List.of(Reply.ok("got it")),
            client -> {
              client.send(concat(("PUT /blob HTTP/1.1\r\nHost: shop.example\r\n"
                  + "Content-Type: application/octet-stream\r\nContent-Length: " + FIVE_MIB.length + "\r\n\r\n")
                  .getBytes(ISO_8859_1), FIVE_MIB));
              return List.of(client.read("PUT"));
            }),
        one("empty bodies",
            "POST /ping HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 0\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")),
        one("HEAD keeps the Content-Length of the body it has not",
            "HEAD /page HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1234\r\nETag: \"v1\"\r\n\r\n")),
        one("HEAD answered with a chunked head",
            "HEAD /stream HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")),
        one("204 No Content",
            "DELETE /cart/1 HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 204 No Content\r\nX-Trace: t-1\r\n\r\n")),
        one("304 Not Modified",
            "GET /page HTTP/1.1\r\nHost: shop.example\r\nIf-None-Match: \"v1\"\r\n\r\n",
            Reply.raw("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nCache-Control: max-age=60\r\n\r\n")),
        one("304 Not Modified with the Content-Length of the representation",
            "GET /page HTTP/1.1\r\nHost: shop.example\r\nIf-None-Match: \"v2\"\r\n\r\n",
            Reply.raw("HTTP/1.1 304 Not Modified\r\nETag: \"v2\"\r\nContent-Length: 1234\r\n\r\n")),
        new Case("Expect: 100-continue",
            List.of(Reply.ok("stored")),
            client -> {
              client.send("POST /upload HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 11\r\n"
                  + "Expect: 100-continue\r\n\r\n");
              WireMessage interim = client.read("POST");
              client.send("hello world");
              return List.of(interim, client.read("POST"));
            }),
        one("many header fields, repeated and in every case",
            "GET /headers HTTP/1.1\r\nHost: shop.example\r\n" + manyFields("X-Req", 100)
                + "Cookie: s=1\r\nCookie: t=2\r\naccept: text/plain\r\nACCEPT-LANGUAGE: de\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\n" + manyFields("X-Resp", 60)
                + "Set-Cookie: a=1; Path=/\r\nset-cookie: b=2\r\nSET-COOKIE: c=3\r\nx-lower: l\r\nX-MiXeD: m\r\n"
                + "Content-Length: 2\r\n\r\nok")),
        new Case("pipelined requests in one packet, answered in order",
            List.of(Reply.ok("a"), Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n"), Reply.ok("c"),
                Reply.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks("d") + "0\r\n\r\n")),
            client -> {
              client.send("GET /a HTTP/1.1\r\nHost: shop.example\r\n\r\n"
                  + "HEAD /b HTTP/1.1\r\nHost: shop.example\r\n\r\n"
                  + "POST /c HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 5\r\n\r\nhello"
                  + "GET /d HTTP/1.1\r\nHost: shop.example\r\n\r\n");
              return List.of(client.read("GET"), client.read("HEAD"), client.read("POST"), client.read("GET"));
            }),
        new Case("40 pipelined GETs and HEADs in one packet",
            IntStream.range(0, 40).mapToObj(i -> i % 3 == 1
                ? Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n") : Reply.ok("r" + i)).toList(),
            client -> {
              StringBuilder burst = new StringBuilder();
              for (int i = 0; i < 40; i++) {
                burst.append(i % 3 == 1 ? "HEAD" : "GET").append(" /r").append(i)
                    .append(" HTTP/1.1\r\nHost: s\r\n\r\n");
              }
              client.send(burst.toString());
              List<WireMessage> responses = new ArrayList<>();
              for (int i = 0; i < 40; i++) {
                responses.add(client.read(i % 3 == 1 ? "HEAD" : "GET"));
              }
              return responses;
            }),
        new Case("interim 103 Early Hints ahead of a pipelined HEAD",
            List.of(Reply.raw("HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"),
                Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n")),
            client -> {
              client.send("GET /page HTTP/1.1\r\nHost: shop.example\r\n\r\n"
                  + "HEAD /page HTTP/1.1\r\nHost: shop.example\r\n\r\n");
              return List.of(client.read("GET"), client.read("GET"), client.read("HEAD"));
            }),
        one("response delimited by the upstream closing",
            "GET /legacy HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end").then(Reply.Then.CLOSE)),
        one("reason phrase and encoded target as sent",
            "GET /a%20b/%E2%82%AC;p=1?q=a+b&r=%26 HTTP/1.1\r\nHost: shop.example\r\n\r\n",
            Reply.raw("HTTP/1.1 404 Nothing Here\r\nContent-Length: 4\r\n\r\nnope")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void proxiedExchangeMatchesDirectExchange(Case c) throws Exception {
    Observed direct = run(c, false);
    Observed proxied = run(c, true);

    assertThat(proxied.responses()).as("responses").hasSameSizeAs(direct.responses());
    for (int i = 0; i < direct.responses().size(); i++) {
      WireMessage d = direct.responses().get(i);
      WireMessage p = proxied.responses().get(i);
      assertThat(p.complete()).as("response %d complete", i).isTrue();
      assertThat(p.startLine()).as("response %d status line", i).isEqualTo(d.startLine());
      assertThat(p.endToEndHeaders()).as("response %d header fields", i).containsExactlyElementsOf(d.endToEndHeaders());
      assertThat(p.body()).as("response %d body", i).isEqualTo(d.body());
      assertThat(p.trailers()).as("response %d trailers", i).containsExactlyElementsOf(d.trailers());
    }
    assertThat(proxied.requests()).as("requests at the upstream").hasSameSizeAs(direct.requests());
    for (int i = 0; i < direct.requests().size(); i++) {
      WireMessage d = direct.requests().get(i);
      WireMessage p = proxied.requests().get(i);
      assertThat(p.startLine()).as("request %d line", i).isEqualTo(d.startLine());
      assertThat(p.endToEndHeadersWithoutForwarded()).as("request %d header fields", i)
          .containsExactlyElementsOf(d.endToEndHeaders());
      assertThat(p.body()).as("request %d body", i).isEqualTo(d.body());
    }
  }

  private static Observed run(Case c, boolean throughProxy) throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = throughProxy ? ProxyUnderTest.start(upstream.url()) : null) {
      c.replies().forEach(upstream::enqueue);
      InetSocketAddress target = proxy == null ? upstream.address() : proxy.address();
      List<WireMessage> responses;
      try (RawClient client = RawClient.connect(target)) {
        responses = c.client().run(client);
      }
      return new Observed(responses, upstream.requests());
    }
  }

  /** A case of one request and its reply. */
  private static Case one(String name, String request, Reply reply) {
    return new Case(name, List.of(reply), client -> List.of(client.exchange(request)));
  }

  static String chunks(String... chunks) {
    StringBuilder out = new StringBuilder();
    for (String c : chunks) {
      out.append(Integer.toHexString(c.getBytes(UTF_8).length)).append("\r\n").append(c).append("\r\n");
    }
    return out.toString();
  }

  private static String manyFields(String prefix, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String name = i % 3 == 0 ? prefix.toLowerCase() : i % 3 == 1 ? prefix.toUpperCase() : prefix;
      out.append(name).append("-Field-").append(i).append(": value ").append(i).append("\r\n");
    }
    return out.toString();
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(UTF_8));
    }
    return out.toByteArray();
  }
}
