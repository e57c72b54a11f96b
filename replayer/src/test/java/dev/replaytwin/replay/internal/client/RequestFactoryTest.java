package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {
  private final RequestFactory factory = new RequestFactory("twin:8080", "/api");

  @Test
  void writesTheHostFirstThenTheFieldsInOrderAndCaseThenItsOwnContentLength() {
    String wire = encode(new OutgoingRequest("POST", "/cart?id=7",
        Headers.of("Host", "shop.example", "Content-Type", "application/json", "x-trace", "a", "X-Trace", "b",
            "Content-Length", "999"),
        "{\"n\":1}".getBytes(ISO_8859_1)));

    assertThat(wire).isEqualTo("POST /api/cart?id=7 HTTP/1.1\r\nHost: twin:8080\r\nContent-Type: application/json\r\n"
        + "x-trace: a\r\nX-Trace: b\r\nContent-Length: 7\r\n\r\n{\"n\":1}");
  }

  @Test
  void leavesOutHopByHopFieldsAndThoseConnectionNames() {
    String wire = encode(new OutgoingRequest("GET", "/x", Headers.of("connection", "X-Secret , close",
        "X-Secret", "s", "x-kept", "1", "TE", "gzip", "Transfer-Encoding", "chunked", "Cookie", "a=b"), new byte[0]));

    assertThat(wire).isEqualTo("GET /api/x HTTP/1.1\r\nHost: twin:8080\r\nx-kept: 1\r\nCookie: a=b\r\n\r\n");
  }

  @Test
  void framesAnEmptyPutButNotAnEmptyDelete() {
    assertThat(encode(OutgoingRequest.of("PUT", "/a"))).contains("\r\nContent-Length: 0\r\n");
    assertThat(encode(OutgoingRequest.of("DELETE", "/a"))).doesNotContain("Content-Length");
  }

  @Test
  void keepsTheAsteriskTargetAsItIs() {
    assertThat(encode(OutgoingRequest.of("OPTIONS", "*"))).startsWith("OPTIONS * HTTP/1.1\r\n");
  }

  @Test
  void writesEachCharacterOfAFieldValueAsOneByte() {
    String wire = encode(new OutgoingRequest("GET", "/", Headers.of("X-Name", "Jos\u00e9"), new byte[0]));

    assertThat(wire).contains("X-Name: Jos\u00e9\r\n");
  }

  @Test
  void knowsWhichFieldsAreItsOwn() {
    for (String name : List.of("Host", "content-length", "CONNECTION", "Keep-Alive", "Proxy-Connection", "te",
        "Trailer", "Transfer-Encoding", "Upgrade")) {
      assertThat(RequestFactory.isOurs(name)).as(name).isTrue();
    }
    for (String name : List.of("Hosts", "tee", "Content-Type", "X-Upgrade", "Trailers", "Accept")) {
      assertThat(RequestFactory.isOurs(name)).as(name).isFalse();
    }
  }

  private String encode(OutgoingRequest r) {
    ByteBuf buf = factory.encode(r, UnpooledByteBufAllocator.DEFAULT);
    try {
      return buf.toString(ISO_8859_1);
    } finally {
      buf.release();
    }
  }
}
