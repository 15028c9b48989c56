package dev.tracedesk.shop.deploy;

/** What a deployment tells as it goes, on the deploying thread. */
public interface DeployProgress {
    /** A step of the deployer's own (bucket created, upload skipped, stack update started, ...). */
    void step(String message);

    /** A stack event of this operation, oldest first, each once. */
    void event(StackEventRecord event);

    /** Resources done over resources in the template, 0..1. */
    default void progress(double fraction) {
    }

    static DeployProgress silent() {
        return new DeployProgress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void event(StackEventRecord event) {
            }
        };
    }
}
