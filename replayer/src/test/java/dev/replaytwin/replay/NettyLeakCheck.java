package dev.replaytwin.replay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which Netty's leak detector reported a buffer that was never released.
 * Registered for every test in this module through {@code junit-platform.properties}, so its
 * detector factory is in place before any buffer class is loaded; the level is paranoid, so every
 * buffer is tracked.
 */
public final class NettyLeakCheck implements AfterEachCallback {
  private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
          long maxActive) {
        ResourceLeakDetector<T> detector = new ResourceLeakDetector<>(resource, samplingInterval);
        detector.setLeakListener((type, records) -> LEAKS.add(type + " leaked" + records));
        return detector;
      }
    });
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    // A leak is reported once the collector has cleared the buffer and the next one is tracked; the
    // sentinel tells when the references that collection cleared have been enqueued.
    ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    WeakReference<Object> sentinel = new WeakReference<>(new Object(), cleared);
    System.gc();
    cleared.remove(1000);
    Reference.reachabilityFence(sentinel);
    ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
    probe.release();
    List<String> found = new ArrayList<>();
    for (String leak; (leak = LEAKS.poll()) != null; ) {
      found.add(leak);
    }
    if (!found.isEmpty()) {
      throw new AssertionError(found.size() + " Netty buffer leak(s) reported:\n" + String.join("\n\n", found));
    }
  }
}
