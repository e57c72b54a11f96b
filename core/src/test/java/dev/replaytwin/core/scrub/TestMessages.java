package dev.replaytwin.core.scrub;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Requests, responses and exchanges for scrubbing tests; headers as alternating names and values. */
final class TestMessages {
  static final ScrubKey KEY = ScrubKey.of("test key, sixteen bytes or more".getBytes(StandardCharsets.UTF_8));
  private static final long T0 = 1_795_255_200_000_000_000L;

  private TestMessages() {}

  static HttpRequest get(String target, String... headers) {
    return new HttpRequest("GET", target, "HTTP/1.1", Headers.of(headers), Body.EMPTY);
  }

  static HttpRequest post(String target, Body body, String... headers) {
    return new HttpRequest("POST", target, "HTTP/1.1", Headers.of(headers), body);
  }

  static HttpResponse ok(Body body, String... headers) {
    return new HttpResponse(200, Headers.of(headers), body);
  }

  static Exchange exchange(HttpRequest request, HttpResponse response) {
    return exchange("ex-1", request, response);
  }

  static Exchange exchange(String id, HttpRequest request, HttpResponse response) {
    return Exchange.inbound(id, T0, "conn-1", request, response, Timings.startedAt(T0));
  }

  static Body gzip(String text) {
    return compressed(text, GZIPOutputStream::new);
  }

  static Body deflate(String text) {
    return compressed(text, DeflaterOutputStream::new);
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static Body compressed(String text, Compressor compressor) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.wrap(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Body.wrap(bytes.toByteArray());
  }

  static Scrubber scrubber(String policyYaml) {
    try {
      return Scrubber.create(ScrubPolicy.parse(policyYaml), KEY);
    } catch (ScrubPolicyException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
