package dev.replaytwin.deploy.internal.docker;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The health polls the driver makes to a twin itself, each bounded in time and never retried (the
 * caller polls).
 */
final class TwinHttp {
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(2))
      .readTimeout(Duration.ofSeconds(5))
      .callTimeout(Duration.ofSeconds(5))
      .retryOnConnectionFailure(false)
      .followRedirects(false)
      .build();

  private TwinHttp() {}

  /** A GET's status, or what went wrong. */
  record Answer(int status, String problem) {
    boolean healthy() {
      return status > 0 && status < 400;
    }

    String describe() {
      return status > 0 ? "status " + status : problem;
    }
  }

  static Answer get(URI uri, Duration timeout) {
    OkHttpClient client = CLIENT.newBuilder().callTimeout(timeout).build();
    try (Response response = client.newCall(new Request.Builder().url(uri.toString()).get().build()).execute()) {
      return new Answer(response.code(), "");
    } catch (IOException e) {
      return new Answer(-1, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
