package dev.tracedesk.explore.load;

/** How a run reports how far it got and learns that the user stopped it. Called from worker threads. */
public interface RunProgress {

    /** {@code done} of {@code total} requests answered (or failed); {@code phase} says what happens now. */
    void update(int done, int total, String phase);

    /** True once the user asked to stop: no new requests start, the run ends with what it has. */
    boolean stopRequested();

    RunProgress NONE = new RunProgress() {
        @Override
        public void update(int done, int total, String phase) {
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    };
}
