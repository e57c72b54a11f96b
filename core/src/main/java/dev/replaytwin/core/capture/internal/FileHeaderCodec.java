package dev.replaytwin.core.capture.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.capture.CaptureHeader;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file header (big-endian):
 *
 * <pre>
 *  0  8  magic 89 54 57 43 41 50 0D 0A  ("\x89TWCAP\r\n")
 *  8  2  format version
 * 10  2  flags, 0
 * 12  4  length N of the fields
 * 16  N  fields: varint count, then (UTF-8 key, UTF-8 value) pairs, each varint-length-prefixed
 * 16+N 4 CRC32C of bytes 0..16+N
 * </pre>
 */
public final class FileHeaderCodec {
  public static final byte[] MAGIC = {(byte) 0x89, 'T', 'W', 'C', 'A', 'P', '\r', '\n'};
  public static final int FORMAT_VERSION = 1;
  public static final int PREAMBLE = 16;
  /** Header fields beyond this are not a capture header but a damaged or hostile file. */
  public static final int MAX_FIELDS_LENGTH = 1 << 20;

  static final String CREATED = "created";
  static final String WRITER = "writer";
  static final String SCRUB_DIGEST = "scrub.policy.digest";
  static final String CAPTURE_ID = "capture.id";
  static final String SEGMENT = "segment";
  static final String SERVICE = "context.service";
  static final String ENVIRONMENT = "context.environment";
  static final String REGION = "context.region";
  static final String RELEASE = "context.release";
  static final String TAG_PREFIX = "tag.";

  private FileHeaderCodec() {}

  /** The complete header bytes, checksum included. */
  public static byte[] encode(CaptureHeader h) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(CREATED, h.createdAt().toString());
    fields.put(WRITER, h.writer());
    fields.put(SCRUB_DIGEST, h.scrubPolicyDigest());
    fields.put(CAPTURE_ID, h.captureId());
    fields.put(SEGMENT, Integer.toString(h.segment()));
    ContextTags c = h.context();
    fields.put(SERVICE, c.service());
    fields.put(ENVIRONMENT, c.environment());
    fields.put(REGION, c.region());
    fields.put(RELEASE, c.releaseVersion());
    c.extra().forEach((k, v) -> fields.put(TAG_PREFIX + k, v));
    h.otherFields().forEach(fields::putIfAbsent);

    ByteSink body = new ByteSink(256);
    body.writeVarInt(fields.size());
    fields.forEach((k, v) -> {
      body.writeString(k);
      body.writeString(v);
    });
    ByteBuffer out = ByteBuffer.allocate(PREAMBLE + body.size() + 4);
    out.put(MAGIC).putShort((short) h.formatVersion()).putShort((short) 0).putInt(body.size());
    out.put(body.array(), 0, body.size());
    out.putInt(BlockHeader.crcOf(out.array(), 0, out.position()));
    return out.array();
  }

  /** True when {@code prefix} starts with the capture magic. */
  public static boolean hasMagic(byte[] prefix, int len) {
    if (len < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes the fields of a header whose preamble and checksum were already checked.
   *
   * @throws MalformedRecordException when a field is missing or does not parse
   */
  public static CaptureHeader decodeFields(int version, byte[] fieldBytes) {
    ByteSource in = new ByteSource(fieldBytes, 0, fieldBytes.length);
    int n = in.readVarInt();
    Map<String, String> fields = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      fields.put(in.readString(), in.readString());
    }
    Map<String, String> extra = new TreeMap<>();
    Map<String, String> other = new TreeMap<>();
    fields.forEach((k, v) -> {
      if (k.startsWith(TAG_PREFIX)) {
        extra.put(k.substring(TAG_PREFIX.length()), v);
      } else if (!k.equals(CREATED) && !k.equals(WRITER) && !k.equals(SCRUB_DIGEST) && !k.equals(CAPTURE_ID)
          && !k.equals(SEGMENT) && !k.startsWith("context.")) {
        other.put(k, v);
      }
    });
    try {
      ContextTags context = new ContextTags(fields.getOrDefault(SERVICE, ""), fields.getOrDefault(ENVIRONMENT, ""),
          fields.getOrDefault(REGION, ""), fields.getOrDefault(RELEASE, ""), extra);
      return new CaptureHeader(version, Instant.parse(required(fields, CREATED)), fields.getOrDefault(WRITER, ""),
          fields.getOrDefault(SCRUB_DIGEST, ""), context, required(fields, CAPTURE_ID),
          Integer.parseInt(fields.getOrDefault(SEGMENT, "0")), other);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new MalformedRecordException("header field does not parse: " + e.getMessage());
    }
  }

  private static String required(Map<String, String> fields, String key) {
    String v = fields.get(key);
    if (v == null) {
      throw new MalformedRecordException("header field \"" + key + "\" missing");
    }
    return v;
  }
}
