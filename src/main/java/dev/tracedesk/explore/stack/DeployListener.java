package dev.tracedesk.explore.stack;

/**
 * Progress of a deployment, called on the deploying thread (GUI listeners hop onto the FX thread themselves).
 */
public interface DeployListener {
    /** A step of TraceDesk's own ("Uploading tracedesk-shop-lambda.zip (4.1 MB) to s3://..."). */
    void step(String message);

    /** A new stack event, oldest first, each once. */
    void event(StackEvent event);

    /**
     * How far along: resources finished over resources expected, 0..1, or a negative value when unknown.
     */
    default void progress(double fraction) {
    }

    static DeployListener none() {
        return new DeployListener() {
            @Override
            public void step(String message) {
            }

            @Override
            public void event(StackEvent event) {
            }
        };
    }
}
