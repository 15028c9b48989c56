package dev.tracedesk.ui.map;

import dev.tracedesk.xray.ServiceId;
import java.util.Objects;

/** What is selected, by identity rather than index, so the selection survives a refresh that renumbers nodes. */
public sealed interface MapSelection {

    record Node(ServiceId id) implements MapSelection {
        public Node {
            Objects.requireNonNull(id);
        }
    }

    record Edge(ServiceId source, ServiceId target) implements MapSelection {
        public Edge {
            Objects.requireNonNull(source);
            Objects.requireNonNull(target);
        }
    }
}
