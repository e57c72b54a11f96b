package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Timings;
import dev.replaytwin.proxy.ProxyMetrics.DropReason;
import dev.replaytwin.proxy.internal.EpochClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Live mirroring: a copy of each captured request, already scrubbed, sent fire-and-forget to a live
 * twin. At most {@code maxInFlight} copies are outstanding; more are dropped and counted, so a slow
 * or dead twin costs production nothing. Writes are mirrored only when asked. The twin's response
 * is captured next to production's as an exchange with id {@code <id>~mirror} and the context tag
 * {@code twin.mirror-of=<id>}.
 */
public final class Mirror implements AutoCloseable {
  /** Context tag naming the production exchange a mirror exchange copies. */
  public static final String MIRROR_OF = "twin.mirror-of";
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Methods OkHttp sends only with a body (an empty one when the capture has none). */
  private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
  private static final Set<String> NOT_SENT = Set.of("host", "connection", "content-length",
      "transfer-encoding", "keep-alive", "te", "upgrade", "expect");

  private final Route target;
  private final boolean mirrorWrites;
  private final int bodyLimit;
  private final ProxyMetrics metrics;
  private final OkHttpClient client;
  private final Semaphore inFlight;
  private final EpochClock clock = new EpochClock();
  private volatile CaptureTap capture;

  /**
   * @param target the live twin
   * @param mirrorWrites also mirror POST, PUT, PATCH and DELETE
   * @param maxInFlight most copies outstanding at once
   * @param timeout a copy still unanswered after this is abandoned and counted
   * @param bodyLimit twin response bytes kept in the capture
   */
  public Mirror(Route target, boolean mirrorWrites, int maxInFlight, Duration timeout, int bodyLimit,
      ProxyMetrics metrics) {
    this(target, mirrorWrites, maxInFlight, timeout, bodyLimit, null, metrics);
  }

  /**
   * As above, trusting the CAs in {@code trustedCa} (PEM) for an {@code https://} twin instead of
   * the system store.
   *
   * @throws IllegalArgumentException when the CA file cannot be used
   */
  public Mirror(Route target, boolean mirrorWrites, int maxInFlight, Duration timeout, int bodyLimit,
      @Nullable Path trustedCa, ProxyMetrics metrics) {
    this.target = requireNonNull(target, "target");
    this.mirrorWrites = mirrorWrites;
    this.bodyLimit = bodyLimit;
    this.metrics = requireNonNull(metrics, "metrics");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight: " + maxInFlight + " (expected: >= 1)");
    }
    this.inFlight = new Semaphore(maxInFlight);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(maxInFlight);
    dispatcher.setMaxRequestsPerHost(maxInFlight);
    OkHttpClient.Builder client = new OkHttpClient.Builder();
    if (trustedCa != null) {
      trust(client, trustedCa);
    }
    this.client = client
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.min(maxInFlight, 32), 30, TimeUnit.SECONDS))
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    metrics.gauge("twin.mirror.in.flight", "Mirror copies awaiting the twin's answer",
        () -> maxInFlight - inFlight.availablePermits());
  }

  /** Where the twin's responses are captured. */
  void captureInto(CaptureTap tap) {
    this.capture = tap;
  }

  /** True for exchanges this mirror copies: not a mirror exchange itself, whole body, writes if allowed. */
  boolean wants(Exchange original) {
    return !original.context().extra().containsKey(MIRROR_OF)
        && !original.request().body().isTruncated()
        && (mirrorWrites || !WRITES.contains(original.request().method().toUpperCase(Locale.ROOT)));
  }

  /**
   * Sends the scrubbed request; the capture gets the original request with the twin's response (the
   * tap scrubs it like any other exchange). Never blocks.
   */
  void send(Exchange original, Exchange scrubbed) {
    if (!inFlight.tryAcquire()) {
      metrics.dropped(DropReason.MIRROR_BUSY);
      return;
    }
    Request request;
    try {
      request = toOkHttp(scrubbed.request());
    } catch (IllegalArgumentException e) {
      inFlight.release();
      metrics.dropped(DropReason.MIRROR_FAILED);
      return;
    }
    long start = clock.nowNanos();
    metrics.mirrorSent();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        inFlight.release();
        metrics.dropped(DropReason.MIRROR_FAILED);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          long firstByte = clock.nowNanos();
          Body body = read(response.body());
          record(original, new HttpResponse(response.code(), headers(response), body),
              new Timings(start, firstByte, clock.nowNanos()));
        } catch (IOException e) {
          metrics.dropped(DropReason.MIRROR_FAILED);
        } finally {
          inFlight.release();
        }
      }
    });
  }

  private void record(Exchange original, HttpResponse response, Timings timings) {
    CaptureTap tap = capture;
    if (tap == null) {
      return;
    }
    ContextTags c = original.context();
    Map<String, String> extra = new HashMap<>(c.extra());
    extra.put(MIRROR_OF, original.id());
    Exchange copy = new Exchange(original.id() + "~mirror", timings.requestStartNanos(),
        original.direction(), original.dependency(), "mirror", original.request(), response, timings,
        new ContextTags(c.service(), c.environment(), c.region(), c.releaseVersion(), extra), List.of());
    tap.offer(copy, original.request().body().length() + response.body().length() + 512L);
  }

  private Request toOkHttp(dev.replaytwin.core.HttpRequest r) {
    String url = (target.secure() ? "https://" : "http://") + target.authority() + target.basePath()
        + (r.target().startsWith("/") ? r.target() : "/" + r.target());
    Request.Builder b = new Request.Builder().url(url);
    String contentType = null;
    for (Header h : r.headers().entries()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("content-type")) {
        contentType = h.value();
      }
      if (!NOT_SENT.contains(name)) {
        b.addHeader(h.name(), h.value());
      }
    }
    String method = r.method().toUpperCase(Locale.ROOT);
    RequestBody body = null;
    boolean permitsBody = !method.equals("GET") && !method.equals("HEAD");
    if (permitsBody && (BODY_REQUIRED.contains(method) || !r.body().isEmpty())) {
      body = RequestBody.create(r.body().toByteArray(), contentType == null ? null : MediaType.parse(contentType));
    }
    return b.method(method, body).build();
  }

  private Body read(ResponseBody body) throws IOException {
    byte[] buf = new byte[bodyLimit];
    int n = 0;
    long total = 0;
    try (InputStream in = body.byteStream()) {
      byte[] skip = new byte[8192];
      while (true) {
        int r = n < bodyLimit ? in.read(buf, n, bodyLimit - n) : in.read(skip);
        if (r < 0) {
          break;
        }
        if (n < bodyLimit) {
          n += r;
        }
        total += r;
      }
    }
    byte[] kept = java.util.Arrays.copyOf(buf, n);
    return total > n ? Body.wrapTruncated(kept, total) : Body.wrap(kept);
  }

  private static Headers headers(Response response) {
    List<Header> out = new ArrayList<>();
    for (kotlin.Pair<? extends String, ? extends String> h : response.headers()) {
      out.add(new Header(h.getFirst(), h.getSecond()));
    }
    return new Headers(out);
  }

  private static void trust(OkHttpClient.Builder client, Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, c);
      }
      if (n == 0) {
        throw new IllegalArgumentException("cannot use CA file " + caPem + ": no PEM certificates in it");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      client.sslSocketFactory(tls.getSocketFactory(), trust);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use CA file " + caPem + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
