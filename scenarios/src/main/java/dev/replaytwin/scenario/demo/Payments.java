package dev.replaytwin.scenario.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The shop's client for the external payments API; passes the trace context on, as a traced service does. */
final class Payments {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private final String baseUrl;

  Payments(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  record Answer(int status, String body) {}

  Answer charge(String body, String traceparent, String idempotencyKey) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/charges"))
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    try {
      return send(b, traceparent);
    } catch (IOException e) {
      // A pooled connection the server had closed fails the first write; the idempotency key makes
      // sending the charge again safe, as payment APIs intend.
      return send(b, traceparent);
    }
  }

  Answer charge(String chargeId, String traceparent) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/charges/" + chargeId))
        .timeout(Duration.ofSeconds(5)).GET(), traceparent);
  }

  private Answer send(HttpRequest.Builder b, String traceparent) throws IOException, InterruptedException {
    if (traceparent != null) {
      b.header("traceparent", traceparent);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }
}
