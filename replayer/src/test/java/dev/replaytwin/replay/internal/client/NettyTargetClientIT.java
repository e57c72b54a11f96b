package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.replay.internal.client.ScriptedTarget.Received;
import dev.replaytwin.replay.internal.client.ScriptedTarget.Reply;
import dev.replaytwin.replay.internal.client.ScriptedTarget.Then;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against scripted targets on loopback sockets. */
class NettyTargetClientIT {
  static EventLoopGroup group;

  @BeforeAll
  static void startLoop() {
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("client-it", true), NioIoHandler.newFactory());
  }

  @AfterAll
  static void stopLoop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void sendsTheTargetsHostItsOwnContentLengthNoHopByHopFieldsAndTheBodyIntact() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("fine"));
         TargetClient client = client(URI.create(target.uri() + "/base/"), o -> o)) {
      Headers captured = Headers.of("Host", "shop.example.com", "Content-Type", "application/json",
          "Connection", "keep-alive, X-Hop", "X-Hop", "gone", "Keep-Alive", "timeout=5", "Proxy-Connection", "x",
          "TE", "trailers", "Trailer", "X-T", "Transfer-Encoding", "chunked", "Upgrade", "h2c",
          "Content-Length", "999", "X-Request-Id", "r-1", "x-request-id", "r-2");
      byte[] body = "{\"qty\":2,\"note\":\"caf\u00e9\"}".getBytes(UTF_8);
      Responses responses = new Responses();

      client.send(new OutgoingRequest("POST", "/cart/items?x=1", captured, body), responses);

      assertThat(responses.take().status()).isEqualTo(200);
      Received r = target.takeRequest();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.target()).isEqualTo("/base/cart/items?x=1");
      assertThat(r.headers()).containsExactly(
          new Header("Host", "127.0.0.1:" + target.uri().getPort()),
          new Header("Content-Type", "application/json"),
          new Header("X-Request-Id", "r-1"),
          new Header("x-request-id", "r-2"),
          new Header("Content-Length", String.valueOf(body.length)));
      assertThat(r.body()).isEqualTo(body);
    }
  }

  @Test
  void framesAnEmptyPostWithContentLengthZeroAndAnEmptyGetWithNone() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok(""));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("POST", "/a"), responses);
      responses.take();
      client.send(OutgoingRequest.of("GET", "/b"), responses);
      responses.take();

      assertThat(target.takeRequest().header("Content-Length")).isEqualTo("0");
      assertThat(target.takeRequest().header("Content-Length")).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"content-length", "chunked", "until-close"})
  void digestsTheWholeBodyAndKeepsOnlyItsFirstBytes(String framing) throws Exception {
    byte[] body = new byte[200_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31 + i / 7);
    }
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(served(framing, body));
         TargetClient client = client(target.uri(), o -> o.withBodyCap(1000))) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/big"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.NONE);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodySize()).isEqualTo(body.length);
      assertThat(r.bodyDigest()).isEqualTo(sha256(body));
      assertThat(r.cappedBody()).isEqualTo(java.util.Arrays.copyOf(body, 1000));
      assertThat(r.bodyTruncated()).isTrue();
      assertThat(r.contentType()).isEqualTo("application/octet-stream");
      assertThat(r.headers().get("X-Framing")).isEqualTo(framing);
    }
  }

  @Test
  void keepsAWholeBodyShorterThanTheCapAndSaysItIsNotTruncated() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("short body"));
         TargetClient client = client(target.uri(), o -> o.withBodyCap(64))) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("short body");
      assertThat(r.bodyTruncated()).isFalse();
      assertThat(r.bodySize()).isEqualTo(10);
      assertThat(r.bodyDigest()).isEqualTo(sha256("short body".getBytes(UTF_8)));
    }
  }

  @Test
  void givesHeadAnd204And304ResponsesNoBodyAndKeepsTheConnection() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start()
            .enqueue(Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"))
            .enqueue(Reply.raw("HTTP/1.1 204 No Content\r\n\r\n"))
            .enqueue(Reply.raw("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"))
            .enqueue(Reply.ok("after"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      List<ClientResponse> got = new ArrayList<>();
      for (String method : List.of("HEAD", "DELETE", "GET", "GET")) {
        client.send(OutgoingRequest.of(method, "/x"), responses);
        got.add(responses.take());
      }

      assertThat(got).extracting(ClientResponse::status).containsExactly(200, 204, 304, 200);
      assertThat(got.subList(0, 3)).allSatisfy(r -> {
        assertThat(r.error()).isEqualTo(ErrorKind.NONE);
        assertThat(r.bodySize()).isEqualTo(-1);
        assertThat(r.bodyDigest()).isEmpty();
      });
      assertThat(got.get(3).bodySize()).isEqualTo(5);
      assertThat(target.connections()).isEqualTo(1);
    }
  }

  @Test
  void warmingUpOpensAConnectionTheFirstRequestThenUses() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("ok"));
         TargetClient client = client(target.uri(), o -> o)) {
      client.warmUp(java.time.Duration.ofSeconds(5));
      awaitStats(client, s -> s.idleConnections() == 1);

      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/first"), responses);
      assertThat(responses.take().status()).isEqualTo(200);
      assertThat(target.connections()).isEqualTo(1);
      assertThat(client.stats()).isEqualTo(new ClientStats(1, 1, 0, 0, 0));
    }
  }

  @Test
  void warmingUpAnUnreachableTargetReturnsAndLeavesTheErrorToTheRequests() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (TargetClient client = client(java.net.URI.create("http://127.0.0.1:" + closedPort), o -> o)) {
      client.warmUp(java.time.Duration.ofSeconds(5));
      assertThat(client.stats().openConnections()).isZero();
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);
      assertThat(responses.take().error()).isEqualTo(ErrorKind.REFUSED);
    }
  }

  @Test
  void reusesOneKeepAliveConnectionForSequentialRequests() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("ok"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      for (int i = 0; i < 100; i++) {
        client.send(OutgoingRequest.of("GET", "/n/" + i), responses);
        assertThat(responses.take().status()).isEqualTo(200);
      }

      assertThat(target.connections()).isEqualTo(1);
      assertThat(client.stats()).isEqualTo(new ClientStats(1, 1, 0, 0, 0));
    }
  }

  @Test
  void callsTheListenerOnAnEventLoopThread() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("ok"));
         TargetClient client = client(target.uri(), o -> o)) {
      CountDownLatch called = new CountDownLatch(1);
      boolean[] onLoop = new boolean[1];
      client.send(OutgoingRequest.of("GET", "/"), r -> {
        onLoop[0] = group.next().inEventLoop();
        called.countDown();
      });

      assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(onLoop[0]).isTrue();
    }
  }

  @Test
  void queuesForTheOnlyConnectionAndSendsEachWhenTheOneBeforeHasEnded() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("first").gatedBy(gate))
            .answerEveryRequestWith(Reply.ok("next"));
         TargetClient client = client(target.uri(), o -> o.withMaxConnections(1))) {
      Responses responses = new Responses();
      for (int i = 1; i <= 3; i++) {
        client.send(OutgoingRequest.of("GET", "/" + i), responses);
      }
      assertThat(target.takeRequest().target()).isEqualTo("/1");
      awaitStats(client, s -> s.waitedForConnection() == 2);
      gate.countDown();

      ClientResponse first = responses.take();
      ClientResponse second = responses.take();
      ClientResponse third = responses.take();
      assertThat(List.of(first, second, third)).extracting(ClientResponse::status).containsOnly(200);
      assertThat(new String(first.cappedBody(), UTF_8)).isEqualTo("first");
      assertThat(second.sentNanoTime()).isGreaterThanOrEqualTo(first.endNanoTime());
      assertThat(third.sentNanoTime()).isGreaterThanOrEqualTo(second.endNanoTime());
      assertThat(List.of(target.takeRequest(), target.takeRequest()))
          .extracting(Received::target, Received::connection)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("/2", 1), org.assertj.core.groups.Tuple.tuple("/3", 1));
      assertThat(client.stats().waitedForConnection()).isEqualTo(2);
    }
  }

  @Test
  void dropsARequestAtOnceWhenTheWaitingLineIsFull() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("first").gatedBy(gate))
            .answerEveryRequestWith(Reply.ok("next"));
         TargetClient client = client(target.uri(), o -> o.withMaxConnections(1).withMaxWaiting(1))) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/in-flight"), responses);
      client.send(OutgoingRequest.of("GET", "/waits"), responses);
      client.send(OutgoingRequest.of("GET", "/dropped"), responses);

      ClientResponse dropped = responses.take();
      assertThat(dropped.error()).isEqualTo(ErrorKind.DROPPED);
      assertThat(dropped.errorDetail()).isEqualTo("1 requests already waiting for a connection");
      assertThat(dropped.sentNanoTime()).isEqualTo(-1);
      gate.countDown();
      assertThat(List.of(responses.take(), responses.take())).extracting(ClientResponse::error)
          .containsOnly(ErrorKind.NONE);
      assertThat(client.stats().dropped()).isEqualTo(1);
      assertThat(client.stats().waitedForConnection()).isEqualTo(1);
    }
  }

  @Test
  void reportsAClosedPortAsRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (TargetClient client = client(URI.create("http://127.0.0.1:" + port), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.REFUSED);
      assertThat(r.errorDetail()).contains("refused");
      assertThat(r.status()).isZero();
      assertThat(r.sentNanoTime()).isEqualTo(-1);
      assertThat(client.stats().connectFailures()).isEqualTo(1);
      awaitStats(client, s -> s.openConnections() == 0);
    }
  }

  @Test
  void reportsAnUnknownHostAsUnresolved() throws Exception {
    try (TargetClient client = client(URI.create("http://no-such-host.invalid:8080"), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.UNRESOLVED);
      assertThat(r.errorDetail()).isEqualTo("unknown host no-such-host.invalid");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"RESET", "CLOSE"})
  void reportsAConnectionThatEndsMidResponseAsReset(Then ending) throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start()
            .enqueue(Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part").then(ending));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.RESET);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodySize()).isEqualTo(-1);
      awaitStats(client, s -> s.openConnections() == 0);
    }
  }

  @Test
  void reportsAConnectionClosedBeforeAnyResponseAsReset() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.raw("").then(Then.CLOSE));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.RESET);
      assertThat(r.errorDetail()).isEqualTo("connection closed before any response");
      assertThat(r.status()).isZero();
    }
  }

  @Test
  void timesOutATargetThatNeverAnswersAndClosesItsConnection() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.raw("HTTP/1.1 200 OK\r\n").then(Then.HANG));
         TargetClient client = client(target.uri(), o -> o.withResponseTimeout(Duration.ofMillis(200)))) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/slow"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(r.errorDetail()).isEqualTo("no whole response within 200 ms");
      awaitStats(client, s -> s.openConnections() == 0);
    }
  }

  @Test
  void reportsAMalformedResponseAsProtocolError() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.errorDetail()).startsWith("malformed response: ");
      awaitStats(client, s -> s.openConnections() == 0);
    }
  }

  @Test
  void opensAFreshConnectionAfterTheTargetClosedTheIdleOne() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("then closed").then(Then.CLOSE))
            .answerEveryRequestWith(Reply.ok("fresh"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/1"), responses);
      assertThat(responses.take().error()).isEqualTo(ErrorKind.NONE);
      awaitStats(client, s -> s.openConnections() == 0);

      client.send(OutgoingRequest.of("GET", "/2"), responses);

      assertThat(new String(responses.take().cappedBody(), UTF_8)).isEqualTo("fresh");
      assertThat(target.connections()).isEqualTo(2);
    }
  }

  @Test
  void sendsAnIdempotentRequestAgainOnAFreshConnectionWhenAPooledOneDiesBeforeAnswering() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("first"))
            .enqueue(Reply.raw("").then(Then.CLOSE)).answerEveryRequestWith(Reply.ok("retried"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/1"), responses);
      responses.take();

      client.send(OutgoingRequest.of("GET", "/2"), responses);

      ClientResponse r = responses.take();
      assertThat(r.error()).isEqualTo(ErrorKind.NONE);
      assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("retried");
      target.takeRequest();
      assertThat(List.of(target.takeRequest(), target.takeRequest()))
          .extracting(Received::target, Received::connection)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("/2", 1), org.assertj.core.groups.Tuple.tuple("/2", 2));
    }
  }

  @Test
  void doesNotSendAPostAgainWhenItsPooledConnectionDies() throws Exception {
    try (ScriptedTarget target = ScriptedTarget.start().enqueue(Reply.ok("first"))
            .enqueue(Reply.raw("").then(Then.CLOSE)).answerEveryRequestWith(Reply.ok("again"));
         TargetClient client = client(target.uri(), o -> o)) {
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/1"), responses);
      responses.take();

      client.send(new OutgoingRequest("POST", "/order", Headers.EMPTY, "x".getBytes(UTF_8)), responses);

      assertThat(responses.take().error()).isEqualTo(ErrorKind.RESET);
      assertThat(target.connections()).isEqualTo(1);
    }
  }

  @Test
  void closeDropsWhatWaitsAndWhatIsInFlightAndEverythingSentAfterwards() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("late").gatedBy(never))) {
      TargetClient client = client(target.uri(), o -> o.withMaxConnections(1));
      Responses responses = new Responses();
      client.send(OutgoingRequest.of("GET", "/in-flight"), responses);
      client.send(OutgoingRequest.of("GET", "/waiting"), responses);
      target.takeRequest();

      client.close();
      client.send(OutgoingRequest.of("GET", "/after"), responses);

      List<ClientResponse> got = List.of(responses.take(), responses.take(), responses.take());
      assertThat(got).extracting(ClientResponse::error).containsOnly(ErrorKind.DROPPED);
      assertThat(got).extracting(ClientResponse::errorDetail).containsOnly("client closed");
      assertThat(client.stats().dropped()).isEqualTo(3);
      awaitStats(client, s -> s.openConnections() == 0);
      never.countDown();
      assertThat(responses.size()).isZero();
    }
  }

  @Test
  void spreadsConnectionsOverTheGroupsLoops() throws Exception {
    EventLoopGroup two = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try (ScriptedTarget target = ScriptedTarget.start().answerEveryRequestWith(Reply.ok("ok"));
         TargetClient client = NettyTargetClient.create(TargetClientOptions.of(target.uri()), two)) {
      Responses responses = new Responses();
      for (int i = 0; i < 10; i++) {
        client.send(OutgoingRequest.of("GET", "/"), responses);
        assertThat(responses.take().status()).isEqualTo(200);
      }

      assertThat(target.connections()).isEqualTo(2);
      assertThat(client.stats()).isEqualTo(new ClientStats(2, 2, 0, 0, 0));
    } finally {
      two.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static TargetClient client(URI base, UnaryOperator<TargetClientOptions> options) {
    return NettyTargetClient.create(options.apply(TargetClientOptions.of(base)), group);
  }

  /** Waits a bounded time for the client's counters to show what the test expects. */
  static void awaitStats(TargetClient client, java.util.function.Predicate<ClientStats> expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!expected.test(client.stats())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("stats still " + client.stats());
      }
      Thread.sleep(5);
    }
  }

  private static Reply served(String framing, byte[] body) {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nX-Framing: " + framing + "\r\n";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    switch (framing) {
      case "content-length" -> {
        out.writeBytes((head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(ISO_8859_1));
        out.writeBytes(body);
      }
      case "chunked" -> {
        out.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(ISO_8859_1));
        for (int off = 0; off < body.length; off += 7000) {
          int n = Math.min(7000, body.length - off);
          out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
          out.write(body, off, n);
          out.writeBytes("\r\n".getBytes(ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(ISO_8859_1));
      }
      default -> {
        out.writeBytes((head + "Connection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.writeBytes(body);
      }
    }
    Reply reply = new Reply(out.toByteArray(), Then.KEEP_OPEN, null);
    return framing.equals("until-close") ? reply.then(Then.CLOSE) : reply;
  }

  static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
