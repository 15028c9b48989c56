package dev.tracedesk.explore.map;

/** Where maps come from: {@link ServiceMapService} in the app, a fixed map in tests. Called from a worker thread. */
@FunctionalInterface
public interface ServiceMapSource {

    /** Progress of a fetch: {@code fraction} 0..1 or -1 when unknown. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (fraction, message) -> { };

        void update(double fraction, String message);
    }

    ServiceMap fetch(MapQuery query, Progress progress);
}
