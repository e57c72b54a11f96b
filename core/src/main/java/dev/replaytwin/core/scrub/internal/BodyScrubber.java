package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrubs a message body by what it is. A {@code gzip} or {@code deflate} body is inflated (up to
 * the policy's bound) and kept inflated, without its {@code Content-Encoding}; any other coding is
 * dropped. JSON is scrubbed as a tree, forms field by field, other text by the detectors; a body
 * that does not parse as its declared type, or was cut short, is scrubbed as text. Binary bodies
 * are dropped unless the policy keeps their type. A changed body gets a matching
 * {@code Content-Length} when it had one.
 */
final class BodyScrubber {
  /** The message's headers and body after scrubbing. */
  record Result(Headers headers, Body body) {}

  private final ValueScrubber values;
  private final JsonScrubber json;
  private final JsonTextFallback jsonText;
  private final UrlEncodedScrubber form;

  BodyScrubber(ValueScrubber values, JsonScrubber json, JsonTextFallback jsonText, UrlEncodedScrubber form) {
    this.values = values;
    this.json = json;
    this.jsonText = jsonText;
    this.form = form;
  }

  /** The scrubbed headers and body, or {@code null} when nothing changed. */
  Result scrub(Headers headers, Body body, Firing firing) {
    if (body.isEmpty()) {
      return null;
    }
    Body working = body;
    Headers h = headers;
    String coding = headers.first("content-encoding").orElse("").strip();
    if (!coding.isEmpty() && !coding.equalsIgnoreCase("identity")) {
      h = without(h, "content-encoding");
      working = decode(coding, body);
      firing.fire(working == null ? BodyRules.UNDECODABLE_DROPPED : BodyRules.DECODED);
      if (working == null) {
        return new Result(withLength(h, Body.EMPTY), Body.EMPTY);
      }
    }
    byte[] bytes = working.toByteArray();
    MediaType media = headers.first("content-type").map(MediaType::parse).orElse(null);
    byte[] scrubbed;
    if (media != null ? media.isText() : TextSniffer.looksLikeText(bytes)) {
      scrubbed = text(media, bytes, working.isTruncated(), firing);
    } else if (media != null && keeps(media)) {
      scrubbed = bytes;
    } else {
      firing.fire(BodyRules.BINARY_DROPPED);
      return new Result(withLength(h, Body.EMPTY), Body.EMPTY);
    }
    if (scrubbed == bytes && working == body) {
      return null;
    }
    Body out = scrubbed == bytes ? working : rebuilt(working, scrubbed, bytes.length);
    return new Result(withLength(h, out), out);
  }

  private byte[] text(MediaType media, byte[] bytes, boolean truncated, Firing firing) {
    boolean declaredJson = media != null && media.isJson();
    if (declaredJson && !truncated) {
      byte[] scrubbed = json.scrub(bytes, firing);
      if (scrubbed != null) {
        return scrubbed;
      }
    }
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
    String scrubbed;
    if (media != null && media.isForm() && !truncated) {
      scrubbed = form.scrub(latin1, values.rules().form(), firing);
    } else {
      scrubbed = values.detect(declaredJson ? jsonText.scrub(latin1, firing) : latin1, firing);
    }
    return scrubbed == latin1 ? bytes : scrubbed.getBytes(StandardCharsets.ISO_8859_1);
  }

  private boolean keeps(MediaType media) {
    for (MediaRange range : values.rules().keepBinary()) {
      if (range.matches(media)) {
        return true;
      }
    }
    return false;
  }

  /** The body inflated, or {@code null} when it cannot be. */
  private Body decode(String coding, Body body) {
    if (!BodyDecoder.decodes(coding)) {
      return null;
    }
    try {
      BodyDecoder.Decoded decoded = BodyDecoder.decode(coding, body.toByteArray(), !body.isTruncated(),
          values.rules().maxDecodedBodyBytes());
      byte[] bytes = decoded.bytes();
      if (decoded.complete()) {
        return Body.wrap(bytes);
      }
      return Body.wrapTruncated(bytes, Math.max(bytes.length + 1L, body.originalLength()));
    } catch (IOException e) {
      return null;
    }
  }

  /** A body of {@code scrubbed}, still marked truncated (its original length moved by the change) if it was. */
  private static Body rebuilt(Body before, byte[] scrubbed, int lengthBefore) {
    if (!before.isTruncated() || scrubbed.length == 0) {
      return Body.wrap(scrubbed);
    }
    long original = before.originalLength() + scrubbed.length - lengthBefore;
    return Body.wrapTruncated(scrubbed, Math.max(original, scrubbed.length + 1L));
  }

  private static Headers without(Headers headers, String name) {
    List<Header> kept = new ArrayList<>(headers.size());
    for (Header h : headers.entries()) {
      if (!h.name().equalsIgnoreCase(name)) {
        kept.add(h);
      }
    }
    return new Headers(kept);
  }

  /** {@code Content-Length}, when present, set to the body's length. */
  private static Headers withLength(Headers headers, Body body) {
    if (headers.first("content-length").isEmpty()) {
      return headers;
    }
    String length = Long.toString(body.originalLength());
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers.entries()) {
      out.add(h.name().equalsIgnoreCase("content-length") ? new Header(h.name(), length) : h);
    }
    return new Headers(out);
  }
}
