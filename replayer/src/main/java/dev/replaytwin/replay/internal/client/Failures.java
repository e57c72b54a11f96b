package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.run.ErrorKind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * What a failure means for the request it ended, as an {@link ErrorKind} and a one-line detail.
 * Public for clients outside this package (the benchmark's OkHttp client) that must agree with it.
 */
public final class Failures {
  private static final int MAX_DETAIL = 200;

  private Failures() {}

  /** The kind of the first cause in the chain that says what happened. */
  public static ErrorKind kindOf(Throwable failure) {
    boolean decoder = false;
    boolean io = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectTimeoutException || t instanceof SslHandshakeTimeoutException
          || t instanceof InterruptedIOException) {
        return ErrorKind.TIMEOUT;
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return ErrorKind.UNRESOLVED;
      }
      if (t instanceof ConnectException) {
        return ErrorKind.REFUSED;
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return ErrorKind.TLS;
      }
      if (t instanceof NoRouteToHostException) {
        return ErrorKind.OTHER;
      }
      decoder |= t instanceof DecoderException || t instanceof ProtocolException;
      io |= t instanceof IOException;
    }
    return decoder ? ErrorKind.PROTOCOL : io ? ErrorKind.RESET : ErrorKind.OTHER;
  }

  /** The root cause's message (its type when it has none), on one short line. */
  public static String detail(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String line = message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    int end = line.indexOf('\n');
    if (end >= 0) {
      line = line.substring(0, end).strip();
    }
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 3) + "...";
  }
}
