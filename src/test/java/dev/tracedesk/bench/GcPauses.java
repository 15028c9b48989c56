package dev.tracedesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Records this JVM's stop-the-world collections (G1's young and mixed pauses; the concurrent cycle is left out) so a
 * benchmark phase can report how long the receiving thread was frozen: a pause longer than the UDP receive buffer
 * lasts at the offered rate loses datagrams however fast the receiver is.
 */
final class GcPauses {
    private record Pause(long endMillis, long durationMillis) {}

    private final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) return;
                pauses.add(new Pause(System.currentTimeMillis(), info.getGcInfo().getDuration()));
            }, null, null);
        }
    }

    /** "N pauses, X ms in all, longest Y ms" for the pauses that ended in [fromMillis, toMillis]. */
    String between(long fromMillis, long toMillis) {
        long n = 0, total = 0, longest = 0;
        for (Pause p : pauses) {
            if (p.endMillis() < fromMillis || p.endMillis() > toMillis) continue;
            n++;
            total += p.durationMillis();
            longest = Math.max(longest, p.durationMillis());
        }
        return String.format(Locale.ROOT, "%d pauses, %,d ms in all, longest %d ms", n, total, longest);
    }
}
