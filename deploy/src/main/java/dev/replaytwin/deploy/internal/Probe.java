package dev.replaytwin.deploy.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Short GET requests to a twin: health checks and metrics scrapes. One client for all twins (a
 * shared connection pool and no per-twin threads); no retries, so a probe is one request and its
 * time is bounded by the timeout given.
 */
public final class Probe {
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .followRedirects(true)
      .connectTimeout(Duration.ofSeconds(1))
      .readTimeout(Duration.ofSeconds(2))
      .build();

  /** Enough text for any metrics page; more is cut, so a runaway endpoint cannot fill the heap. */
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private Probe() {
  }

  /** What a GET got: a status (and the body when asked for), or why it got none. */
  public record Answer(int status, String body, String failure) {
    public boolean ok() {
      return status > 0 && status < 400;
    }

    /** "503", "connection refused", "timeout": for "last answer: …" in messages. */
    public String describe() {
      return status > 0 ? Integer.toString(status) : failure;
    }
  }

  /** A GET of {@code url} taking at most {@code timeout} in all; never throws for I/O trouble. */
  public static Answer get(URI url, Duration timeout, boolean wantBody) {
    Request request = new Request.Builder().url(url.toString()).get().build();
    Call call = CLIENT.newCall(request);
    call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      String body = "";
      if (wantBody) {
        body = response.peekBody(MAX_BODY_BYTES).string();
      }
      return new Answer(response.code(), body, "");
    } catch (IOException e) {
      return new Answer(0, "", failure(e));
    }
  }

  private static String failure(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("connection refused") || lower.contains("failed to connect")) {
      return "connection refused";
    }
    if (e instanceof InterruptedIOException || lower.contains("timeout") || lower.contains("timed out")) {
      return "no answer (timeout)";
    }
    return message;
  }
}
