package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.CharsetUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes an {@link OutgoingRequest} as the HTTP/1.1 bytes a target receives: the target's path
 * prefix and {@code Host}, the request's own fields in order and case, a {@code Content-Length}
 * of our own, and no hop-by-hop fields (RFC 9110 7.6.1), neither the fixed ones nor those the
 * {@code Connection} field names. Writing the bytes straight into one buffer skips the header map
 * and the message encoder, which the client has no use for. Characters are written one byte each,
 * as Netty's decoder read them. Public for {@link #isOurs}, which other clients apply too.
 */
public final class RequestFactory {
  private static final byte[] HTTP11_CRLF = " HTTP/1.1\r\n".getBytes(CharsetUtil.US_ASCII);
  private static final byte[] HOST = "Host: ".getBytes(CharsetUtil.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(CharsetUtil.US_ASCII);
  private static final byte[] COLON_SP = ": ".getBytes(CharsetUtil.US_ASCII);
  private static final short CRLF = ('\r' << 8) | '\n';

  private final String authority;
  private final String pathPrefix;

  RequestFactory(String authority, String pathPrefix) {
    this.authority = authority;
    this.pathPrefix = pathPrefix;
  }

  /** The whole request, head and body, in one buffer from {@code alloc}; the caller owns it. */
  ByteBuf encode(OutgoingRequest r, ByteBufAllocator alloc) {
    List<Header> fields = r.headers().entries();
    List<String> named = connectionTokens(fields);
    byte[] body = r.body();
    int size = r.method().length() + pathPrefix.length() + r.target().length() + authority.length() + body.length + 64;
    for (int i = 0; i < fields.size(); i++) {
      size += fields.get(i).name().length() + fields.get(i).value().length() + 4;
    }
    ByteBuf buf = alloc.ioBuffer(size);
    ascii(buf, r.method());
    buf.writeByte(' ');
    if (!pathPrefix.isEmpty() && !r.target().equals("*")) {
      ascii(buf, pathPrefix);
    }
    ascii(buf, r.target());
    buf.writeBytes(HTTP11_CRLF);
    buf.writeBytes(HOST);
    ascii(buf, authority);
    buf.writeShort(CRLF);
    for (int i = 0; i < fields.size(); i++) {
      Header f = fields.get(i);
      if (!isOurs(f.name()) && (named.isEmpty() || !containsIgnoreCase(named, f.name()))) {
        ascii(buf, f.name());
        buf.writeBytes(COLON_SP);
        ascii(buf, f.value());
        buf.writeShort(CRLF);
      }
    }
    if (body.length > 0 || allowsBody(r.method())) {
      buf.writeBytes(CONTENT_LENGTH);
      ascii(buf, Integer.toString(body.length));
      buf.writeShort(CRLF);
    }
    buf.writeShort(CRLF);
    return buf.writeBytes(body);
  }

  private static void ascii(ByteBuf buf, String s) {
    buf.writeCharSequence(s, CharsetUtil.US_ASCII);
  }

  /** Fields the client sets itself or never forwards: Host, Content-Length and the hop-by-hop ones. */
  public static boolean isOurs(String name) {
    return switch (name.length()) {
      case 2 -> name.equalsIgnoreCase("te");
      case 4 -> name.equalsIgnoreCase("host");
      case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
      case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
      case 14 -> name.equalsIgnoreCase("content-length");
      case 16 -> name.equalsIgnoreCase("proxy-connection");
      case 17 -> name.equalsIgnoreCase("transfer-encoding");
      default -> false;
    };
  }

  /** Methods whose requests carry a body, so an empty one is still framed with Content-Length: 0. */
  private static boolean allowsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** The field names listed in {@code Connection}, looked for only when there is such a field. */
  private static List<String> connectionTokens(List<Header> fields) {
    List<String> tokens = List.of();
    for (int i = 0; i < fields.size(); i++) {
      Header f = fields.get(i);
      if (f.name().equalsIgnoreCase("connection")) {
        for (String token : f.value().split(",")) {
          String t = token.strip();
          if (!t.isEmpty()) {
            if (tokens.isEmpty()) {
              tokens = new ArrayList<>(2);
            }
            tokens.add(t);
          }
        }
      }
    }
    return tokens;
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
