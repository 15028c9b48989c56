package dev.tracedesk.explore;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.Connection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection every screen reads from, and its SDK clients. One per window. Switching profile, region or
 * sandbox replaces both and tells every listener, so each open screen re-reads. Thread-safe: listeners run on the
 * thread that called {@link #switchTo}; GUI listeners hop onto the FX thread themselves.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** A connection together with the clients built for it. */
    public record Current(Connection connection, AwsClients clients) {
        public Current {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(clients, "clients");
        }
    }

    private final List<Consumer<Current>> listeners = new CopyOnWriteArrayList<>();
    private volatile Current current;

    public Session(Connection initial) {
        this.current = new Current(initial, new AwsClients(initial));
    }

    public Current current() {
        return current;
    }

    public Connection connection() {
        return current.connection();
    }

    public AwsClients clients() {
        return current.clients();
    }

    /** Makes {@code next} the connection of every screen; the previous one is closed after the listeners ran. */
    public void switchTo(Connection next) {
        Current previous;
        Current replacement = new Current(next, new AwsClients(next));
        synchronized (this) {
            previous = current;
            current = replacement;
        }
        LOG.info("connection switched to {}", next.label());
        listeners.forEach(listener -> listener.accept(replacement));
        closeQuietly(previous);
    }

    /** Registers a listener for connection switches; run the returned handle to remove it again. */
    public Runnable onSwitch(Consumer<Current> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closeQuietly(current);
        listeners.clear();
    }

    private static void closeQuietly(Current c) {
        try {
            c.clients().close();
        } finally {
            c.connection().close();
        }
    }
}
