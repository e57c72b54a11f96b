package dev.replaytwin.core.capture;

import dev.replaytwin.core.capture.internal.BlockHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the blocks of an intact capture file start, for tests that damage them on purpose. */
record BlockMap(List<Long> dataOffsets, List<Integer> dataRecords, long endMarkerOffset, long fileSize) {

  static BlockMap of(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int fieldsLength = ByteBuffer.wrap(bytes, 12, 4).getInt();
    long pos = 16 + fieldsLength + 4;
    List<Long> offsets = new ArrayList<>();
    List<Integer> records = new ArrayList<>();
    long end = -1;
    while (pos < bytes.length) {
      BlockHeader h = BlockHeader.parse(bytes, (int) pos);
      if (h == null) {
        throw new IllegalStateException("not an intact capture at byte " + pos);
      }
      if (h.isEnd()) {
        end = pos;
      } else {
        offsets.add(pos);
        records.add(h.recordCount());
      }
      pos += BlockHeader.SIZE + h.payloadLength();
    }
    return new BlockMap(offsets, records, end, bytes.length);
  }

  /** Exchanges stored in the data blocks before block {@code index}. */
  int recordsBefore(int index) {
    int n = 0;
    for (int i = 0; i < index; i++) {
      n += dataRecords.get(i);
    }
    return n;
  }
}
