package dev.tracedesk.filter;

import java.util.Arrays;
import java.util.Objects;

/**
 * Root causes as the filter reads them: the TraceSummary FaultRootCauses / ErrorRootCauses / ResponseTimeRootCauses
 * (§2.2, computed by {@code xray.summary.TraceSummaries}) in plain arrays, so that matching does not allocate and equal
 * causes of different traces can be shared.
 */
final class RootCauseFacts {
    private RootCauseFacts() {
    }

    /** One FaultRootCause / ErrorRootCause / ResponseTimeRootCause. */
    public record Cause(Service[] services, boolean clientImpacting) {
        public Cause {
            Objects.requireNonNull(services);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cause c && clientImpacting == c.clientImpacting && Arrays.equals(services, c.services);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(services) * 2 + (clientImpacting ? 1 : 0);
        }

        @Override
        public String toString() {
            return "Cause" + Arrays.toString(services) + (clientImpacting ? " client-impacting" : "");
        }
    }

    /** A service on a root-cause path: node identity plus its entity path. */
    public record Service(String name, String[] names, String type, String accountId, boolean inferred,
                          Entity[] entityPath) {
        public Service {
            Objects.requireNonNull(names);
            Objects.requireNonNull(entityPath);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Service s && inferred == s.inferred && Objects.equals(name, s.name)
                    && Arrays.equals(names, s.names) && Objects.equals(type, s.type)
                    && Objects.equals(accountId, s.accountId) && Arrays.equals(entityPath, s.entityPath);
        }

        @Override
        public int hashCode() {
            return (Objects.hash(name, type, accountId, inferred) * 31 + Arrays.hashCode(names)) * 31
                    + Arrays.hashCode(entityPath);
        }

        @Override
        public String toString() {
            return name + "[" + type + "]" + Arrays.toString(entityPath);
        }
    }

    /** An entity (segment or subsegment) on the path; {@code coverage} is NaN except for response-time causes. */
    public record Entity(String name, boolean remote, double coverage, Exception[] exceptions) {
        public Entity {
            Objects.requireNonNull(exceptions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entity e && remote == e.remote && Double.compare(coverage, e.coverage) == 0
                    && Objects.equals(name, e.name) && Arrays.equals(exceptions, e.exceptions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, remote, coverage) * 31 + Arrays.hashCode(exceptions);
        }

        @Override
        public String toString() {
            return name + (remote ? " remote" : "") + (Double.isNaN(coverage) ? "" : " cov=" + coverage)
                    + (exceptions.length == 0 ? "" : Arrays.toString(exceptions));
        }
    }

    /** An exception recorded on an entity. */
    public record Exception(String name, String message) {
    }
}
