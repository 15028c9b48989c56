package dev.tracedesk.explore.access;

import dev.tracedesk.aws.Connection;
import dev.tracedesk.explore.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection that has proved itself (credentials resolved, caller identity read for AWS), not yet in use. Either
 * {@link #useIn} a session, which then owns it, or {@link #close} it.
 */
public final class SignedInConnection implements AutoCloseable {
    private final Connection connection;
    private final Optional<Identity> identity;

    SignedInConnection(Connection connection, Optional<Identity> identity) {
        this.connection = Objects.requireNonNull(connection);
        this.identity = Objects.requireNonNull(identity);
    }

    /** The profile name ({@link Profile#SANDBOX_NAME} for the sandbox). */
    public String profile() {
        return connection.name();
    }

    public boolean isSandbox() {
        return connection.isSandbox();
    }

    /** Who it is signed in as; empty for the sandbox. */
    public Optional<Identity> identity() {
        return identity;
    }

    /** The top-bar text: "profile · account · region" for AWS. */
    public String label() {
        return identity.isPresent() ? connection.label(new dev.tracedesk.aws.CallerIdentity(identity.get().account(),
                identity.get().arn(), identity.get().userId())) : connection.label();
    }

    /** Makes this the session's connection (the session closes it when it switches again). */
    public void useIn(Session session) {
        session.switchTo(connection);
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
    }
}
