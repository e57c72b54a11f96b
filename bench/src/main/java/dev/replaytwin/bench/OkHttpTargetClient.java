package dev.replaytwin.bench;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.replay.internal.client.ClientResponse;
import dev.replaytwin.replay.internal.client.ClientStats;
import dev.replaytwin.replay.internal.client.Failures;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.RequestFactory;
import dev.replaytwin.replay.internal.client.ResponseListener;
import dev.replaytwin.replay.internal.client.TargetClient;
import dev.replaytwin.replay.internal.client.TargetClientOptions;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The {@link TargetClient} contract on OkHttp, the other candidate for the replay data path, so that
 * {@link ClientBench} can drive both the same way. Calls go through OkHttp's async {@code enqueue},
 * with a {@link Dispatcher} that runs {@code maxConnections} calls at once (each on a thread of its
 * executor, where the listener is called too) and queues the rest; past {@code maxWaiting} queued,
 * a request is dropped. The write time comes from OkHttp's {@link EventListener}.
 */
public final class OkHttpTargetClient implements TargetClient {
  private static final MessageDigest SHA256 = Sha256.newDigest();

  private final OkHttpClient client;
  private final TargetClientOptions options;
  private final String base;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final LongAdder waited = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Where OkHttp's event listener leaves the time the request went out. */
  private static final class Sent {
    volatile long nanoTime = -1;
  }

  private OkHttpTargetClient(TargetClientOptions options) {
    this.options = options;
    this.base = options.base().getScheme() + "://" + options.authority() + options.pathPrefix();
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(options.maxConnections());
    dispatcher.setMaxRequestsPerHost(options.maxConnections());
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(options.maxConnections(), 5, TimeUnit.MINUTES))
        .protocols(List.of(Protocol.HTTP_1_1))
        .connectTimeout(options.connectTimeout())
        .callTimeout(options.responseTimeout())
        .readTimeout(options.responseTimeout())
        .followRedirects(false)
        .followSslRedirects(false)
        .eventListener(new EventListener() {
          @Override
          public void requestHeadersStart(Call call) {
            Sent sent = call.request().tag(Sent.class);
            if (sent != null) {
              sent.nanoTime = System.nanoTime();
            }
          }

          @Override
          public void connectFailed(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy,
              @Nullable Protocol protocol, IOException e) {
            connectFailures.increment();
          }
        });
    if (options.trustedCa() != null) {
      X509TrustManager trust = trustManager(options.trustedCa());
      b.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
    }
    this.client = b.build();
  }

  public static OkHttpTargetClient create(TargetClientOptions options) {
    return new OkHttpTargetClient(requireNonNull(options, "options"));
  }

  @Override
  public void send(OutgoingRequest request, ResponseListener listener) {
    if (closed.get()) {
      dropped.increment();
      listener.onResponse(ClientResponse.failed(ErrorKind.DROPPED, "client closed"));
      return;
    }
    int ahead = outstanding.getAndIncrement();
    if (ahead >= options.maxConnections() + options.maxWaiting()) {
      outstanding.decrementAndGet();
      dropped.increment();
      listener.onResponse(ClientResponse.failed(ErrorKind.DROPPED,
          options.maxWaiting() + " requests already waiting for a connection"));
      return;
    }
    if (ahead >= options.maxConnections()) {
      waited.increment();
    }
    Sent sent = new Sent();
    client.newCall(toOkHttp(request, sent)).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        outstanding.decrementAndGet();
        listener.onResponse(read(response, sent.nanoTime, request.method().equals("HEAD")));
      }

      @Override
      public void onFailure(Call call, IOException e) {
        outstanding.decrementAndGet();
        ErrorKind kind = closed.get() ? ErrorKind.DROPPED : Failures.kindOf(e);
        if (kind == ErrorKind.DROPPED) {
          dropped.increment();
        }
        listener.onResponse(ClientResponse.failed(sent.nanoTime, System.nanoTime(), 0, new DefaultHttpHeaders(),
            kind, closed.get() ? "client closed" : Failures.detail(e)));
      }
    });
  }

  private Request toOkHttp(OutgoingRequest r, Sent sent) {
    Request.Builder b = new Request.Builder().url(base + r.target()).tag(Sent.class, sent);
    String contentType = null;
    for (Header h : r.headers().entries()) {
      if (!RequestFactory.isOurs(h.name())) {
        b.addHeader(h.name(), h.value());
        if (h.name().equalsIgnoreCase("content-type")) {
          contentType = h.value();
        }
      }
    }
    byte[] body = r.body();
    boolean framed = body.length > 0 || r.method().equals("POST") || r.method().equals("PUT")
        || r.method().equals("PATCH");
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    return b.method(r.method(), framed ? RequestBody.create(body, type, 0, body.length) : null).build();
  }

  /** Reads the whole body through SHA-256, keeping the first bodyCap bytes. */
  private ClientResponse read(Response response, long sentNanoTime, boolean head) {
    HttpHeaders headers = new DefaultHttpHeaders();
    okhttp3.Headers fields = response.headers();
    for (int i = 0; i < fields.size(); i++) {
      headers.add(fields.name(i), fields.value(i));
    }
    int status = response.code();
    String contentType = response.header("Content-Type", "");
    try (response; ResponseBody body = response.body()) {
      if (head || status == 204 || status == 304) {
        return new ClientResponse(sentNanoTime, System.nanoTime(), status, ErrorKind.NONE, "", -1, "", contentType,
            new byte[0], false, headers);
      }
      MessageDigest digest = (MessageDigest) SHA256.clone();
      byte[] kept = new byte[0];
      long size = 0;
      byte[] buf = new byte[8192];
      InputStream in = body.byteStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        digest.update(buf, 0, n);
        int take = (int) Math.min(n, Math.max(0, options.bodyCap() - size));
        if (take > 0) {
          int at = kept.length;
          kept = Arrays.copyOf(kept, at + take);
          System.arraycopy(buf, 0, kept, at, take);
        }
        size += n;
      }
      return new ClientResponse(sentNanoTime, System.nanoTime(), status, ErrorKind.NONE, "", size,
          Sha256.text(digest.digest()), contentType, kept, size > kept.length, headers);
    } catch (IOException e) {
      return ClientResponse.failed(sentNanoTime, System.nanoTime(), status, headers, Failures.kindOf(e),
          Failures.detail(e));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests cannot be cloned in this JVM", e);
    }
  }

  @Override
  public ClientStats stats() {
    ConnectionPool pool = client.connectionPool();
    return new ClientStats(pool.connectionCount(), pool.idleConnectionCount(), waited.sum(), dropped.sum(),
        connectFailures.sum());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.dispatcher().cancelAll();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static X509TrustManager trustManager(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalArgumentException("cannot use CA file " + pem + ": no X.509 trust manager");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use CA file " + pem + ": " + Failures.detail(e), e);
    }
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "OkHttpTargetClient" + stats();
  }
}
