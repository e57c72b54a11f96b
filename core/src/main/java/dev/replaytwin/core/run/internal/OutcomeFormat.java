package dev.replaytwin.core.run.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/** The names an outcomes file is written with, shared by its encoder and decoder. */
public final class OutcomeFormat {
  public static final String FORMAT = "replaytwin-outcomes";
  public static final int VERSION = 1;
  /** The first line of every outcomes file, as written. */
  public static final String HEADER_LINE = "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}";

  /** zstd's frame magic, {@code 0xFD2FB528}, as it appears in a file (little-endian). */
  public static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

  static final String HEADER_FORMAT = "format";
  static final String HEADER_VERSION = "version";

  static final String ID = "id";
  static final String LOOP = "loop";
  static final String ENDPOINT = "endpoint";
  static final String METHOD = "method";
  static final String INTENDED = "intended";
  static final String SENT = "sent";
  static final String LATENCY = "latencyNs";
  static final String SERVICE = "serviceNs";
  static final String STATUS = "status";
  static final String ERROR = "error";
  static final String DETAIL = "detail";
  static final String SIZE = "size";
  static final String DIGEST = "digest";
  static final String CONTENT_TYPE = "contentType";
  static final String BODY = "body";
  static final String BODY_ENCODING = "bodyEncoding";
  static final String BODY_TRUNCATED = "bodyTruncated";
  static final String BODY_LENGTH = "bodyLength";
  /** Response header fields as {@code [[name, value], ...]}, in the order received; absent when none. */
  static final String HEADERS = "headers";

  static final String UTF8 = "utf8";
  static final String BASE64 = "base64";

  /**
   * Rows are separated by the writer's own newline, not Jackson's root separator, so that the last
   * row before a flush ends its line too. A row left half-written by a failed write stays unclosed,
   * so readers see it as torn rather than as a shorter row. Bodies are capped by the replayer, not
   * here: whatever was written must read back. Characters outside the BMP are written as UTF-8, not
   * as {@code \}{@code uD83D\}{@code uDE00} escapes.
   */
  public static final JsonFactory JSON = new JsonFactoryBuilder()
      .rootValueSeparator((String) null)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private OutcomeFormat() {}
}
