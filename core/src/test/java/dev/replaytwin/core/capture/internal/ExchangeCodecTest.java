package dev.replaytwin.core.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExchangeCodecTest {
  private final ExchangeCodec.Decoder decoder = new ExchangeCodec.Decoder();
  private static final long T = 1_763_700_000_000_000_000L;
  private final Exchange exchange = Exchange.inbound("id-1", T, "c1",
      new HttpRequest("GET", "/a", "HTTP/1.1", Headers.of("Accept", "*/*"), Body.EMPTY),
      new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("ok")), new Timings(T, T + 10, T + 20));

  @Test
  void unknownRecordTypeIsSkipped() {
    ByteSink sink = new ByteSink(64);
    ExchangeCodec.encode(exchange, sink);
    sink.writeVarInt(9);
    int len = sink.reserveInt();
    sink.writeBytes(new byte[] {1, 2, 3}, 0, 3);
    sink.putIntAt(len, 3);
    ExchangeCodec.encode(exchange, sink);

    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    assertThat(decoder.decode(in)).isEqualTo(exchange);
    assertThat(decoder.decode(in)).isNull();
    assertThat(decoder.decode(in)).isEqualTo(exchange);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void fieldsAppendedByALaterVersionAreIgnored() {
    ByteSink sink = new ByteSink(64);
    ExchangeCodec.encode(exchange, sink);
    // Append two bytes to the body and grow the record's length to cover them.
    int bodyLength = sink.size() - 5;
    sink.writeBytes(new byte[] {42, 43}, 0, 2);
    sink.putIntAt(1, bodyLength + 2);
    ExchangeCodec.encode(exchange, sink);

    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    assertThat(decoder.decode(in)).isEqualTo(exchange);
    assertThat(decoder.decode(in)).isEqualTo(exchange);
  }

  @Test
  void recordCutShortIsMalformedNotAnIndexError() {
    ByteSink sink = new ByteSink(64);
    ExchangeCodec.encode(exchange, sink);
    for (int cut = 0; cut < sink.size(); cut++) {
      byte[] prefix = Arrays.copyOf(sink.array(), cut);
      assertThatThrownBy(() -> decoder.decode(new ByteSource(prefix, 0, prefix.length)))
          .as("cut at %d", cut).isInstanceOf(MalformedRecordException.class);
    }
  }

  @Test
  void longAndNonAsciiStringsRoundTrip() {
    String[] samples = {"", "a", "x".repeat(127), "y".repeat(128), "z".repeat(70_000), "Grüße", "日本",
        "mixed " + "é".repeat(200)};
    ByteSink sink = new ByteSink(16);
    for (String s : samples) {
      sink.writeString(s);
    }
    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    for (String s : samples) {
      assertThat(in.readString()).isEqualTo(s);
    }
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void varintsRoundTripAtTheirEdges() {
    long[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE};
    ByteSink sink = new ByteSink(16);
    for (long v : values) {
      sink.writeVarLong(v);
      sink.writeSignedVarLong(v);
    }
    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    for (long v : values) {
      assertThat(in.readVarLong()).isEqualTo(v);
      assertThat(in.readSignedVarLong()).isEqualTo(v);
    }
  }
}
