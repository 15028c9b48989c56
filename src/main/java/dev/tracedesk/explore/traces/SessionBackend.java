package dev.tracedesk.explore.traces;

import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.logs.CloudWatchLogsSource;
import dev.tracedesk.explore.logs.LogsSource;
import java.util.Optional;

/** {@link TracesBackend} on the window's {@link Session}: always the clients of the current connection. */
public final class SessionBackend implements TracesBackend {
    private final Session session;

    public SessionBackend(Session session) {
        this.session = session;
    }

    @Override
    public String connectionKey() {
        var c = session.connection();
        return c.label() + "|" + c.region() + "|" + c.endpointOverride(dev.tracedesk.aws.AwsService.XRAY).orElse(null);
    }

    @Override
    public TraceSummarySource summaries() {
        return new XRayTraces(session.clients().xray());
    }

    @Override
    public TraceSource traces() {
        return new XRayTraces(session.clients().xray());
    }

    @Override
    public LogsSource logs() {
        return new CloudWatchLogsSource(session.clients().logs());
    }

    @Override
    public Optional<String> awsRegion() {
        var c = session.connection();
        return c.isSandbox() || c.region() == null ? Optional.empty() : Optional.of(c.region().id());
    }

    @Override
    public boolean isSandbox() {
        return session.connection().isSandbox();
    }

    /** The X-Ray console page of a trace in {@code region}. */
    public static String consoleLink(String region, String traceId) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#xray:traces/" + traceId;
    }
}
