package dev.tracedesk.explore.map;

import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.explore.Session;
import dev.tracedesk.filter.Expr;
import dev.tracedesk.filter.FilterParser;
import dev.tracedesk.filter.Filters;
import dev.tracedesk.xray.ServiceId;
import dev.tracedesk.xray.graph.Histogram;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetTraceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.ServiceStatistics;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * Fetches the service map through the session's X-Ray client.
 *
 * <p>Without a filter it is GetServiceGraph over the window (with the group's name when one is chosen), all pages.
 * GetServiceGraph takes no filter expression, and a group made for the occasion would only see traces ingested after
 * it was created (spec §2.7), so a filter is applied the way the console's trace map does it: GetTraceSummaries with
 * the expression (and {@code group.name = "..."} for a group) gives the matching trace ids, newest first, up to
 * {@link #TRACE_CAP}; GetTraceGraph over those ids, five per call, gives their graphs, merged here.
 */
public final class ServiceMapService implements ServiceMapSource {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMapService.class);

    /** The most traces a filtered map is built from (the console's result cap). */
    public static final int TRACE_CAP = 1000;
    static final int IDS_PER_TRACE_GRAPH = 5;

    private final Session session;

    public ServiceMapService(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    @Override
    public ServiceMap fetch(MapQuery query, Progress progress) {
        XRayClient xray = session.clients().xray();
        try {
            return query.filter() == null ? serviceGraph(xray, query, progress) : filtered(xray, query, progress);
        } catch (SdkException e) {
            throw AwsErrors.asException(e);
        }
    }

    private ServiceMap serviceGraph(XRayClient xray, MapQuery query, Progress progress) {
        progress.update(-1, "Fetching the service graph");
        ServiceMap.Builder builder = new ServiceMap.Builder();
        ServiceMap.Builder.Scope scope = builder.scope();
        boolean old = false;
        GetServiceGraphRequest.Builder request = GetServiceGraphRequest.builder()
                .startTime(query.from()).endTime(query.to());
        if (query.group() != null) {
            request.groupName(query.group());
        }
        for (GetServiceGraphResponse page : xray.getServiceGraphPaginator(request.build())) {
            page.services().forEach(s -> add(scope, s));
            old |= Boolean.TRUE.equals(page.containsOldGroupVersions());
        }
        return builder.build(query.from(), query.to(), old, -1, false);
    }

    private ServiceMap filtered(XRayClient xray, MapQuery query, Progress progress) {
        Expr expr = FilterParser.parse(query.filter()); // a syntax error says where, before any call
        if (query.group() != null) {
            expr = Filters.and(expr, new Expr.Group(Expr.GroupAttribute.NAME, query.group()));
        }
        String text = Filters.print(expr);
        progress.update(-1, "Finding matching traces");
        Set<String> ids = new LinkedHashSet<>();
        boolean truncated = false;
        GetTraceSummariesRequest request = GetTraceSummariesRequest.builder().startTime(query.from())
                .endTime(query.to()).filterExpression(text).build();
        outer:
        for (GetTraceSummariesResponse page : xray.getTraceSummariesPaginator(request)) {
            for (TraceSummary s : page.traceSummaries()) {
                if (ids.size() == TRACE_CAP) {
                    truncated = true;
                    break outer;
                }
                ids.add(s.id());
            }
        }
        ServiceMap.Builder builder = new ServiceMap.Builder();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_TRACE_GRAPH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("cancelled");
            }
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_TRACE_GRAPH));
            ServiceMap.Builder.Scope scope = builder.scope();
            progress.update((double) from / all.size(), "Building the map of " + all.size() + " traces");
            GetTraceGraphRequest graphRequest = GetTraceGraphRequest.builder().traceIds(chunk).build();
            for (GetTraceGraphResponse page : xray.getTraceGraphPaginator(graphRequest)) {
                page.services().forEach(s -> add(scope, s));
            }
        }
        LOG.debug("filtered map from {} traces (truncated: {})", all.size(), truncated);
        return builder.build(query.from(), query.to(), false, all.size(), truncated);
    }

    private static void add(ServiceMap.Builder.Scope scope, Service s) {
        int ref = s.referenceId() == null ? -1 : s.referenceId();
        scope.service(ref, new ServiceId(s.name(), s.type(), s.accountId()), s.names(), Boolean.TRUE.equals(s.root()),
                stats(s.summaryStatistics()), histogram(s.responseTimeHistogram()));
        for (Edge e : s.edges()) {
            if (e.referenceId() != null) {
                scope.edge(ref, e.referenceId(), stats(e.summaryStatistics()), histogram(e.responseTimeHistogram()));
            }
        }
    }

    static MapStats stats(ServiceStatistics s) {
        if (s == null) {
            return MapStats.EMPTY;
        }
        return stats(s.okCount(), s.errorStatistics() == null ? null : s.errorStatistics().otherCount(),
                s.errorStatistics() == null ? null : s.errorStatistics().throttleCount(),
                s.faultStatistics() == null ? null : s.faultStatistics().totalCount(), s.totalResponseTime());
    }

    static MapStats stats(EdgeStatistics s) {
        if (s == null) {
            return MapStats.EMPTY;
        }
        return stats(s.okCount(), s.errorStatistics() == null ? null : s.errorStatistics().otherCount(),
                s.errorStatistics() == null ? null : s.errorStatistics().throttleCount(),
                s.faultStatistics() == null ? null : s.faultStatistics().totalCount(), s.totalResponseTime());
    }

    private static MapStats stats(Long ok, Long error, Long throttle, Long fault, Double responseTime) {
        return new MapStats(n(ok), n(error), n(throttle), n(fault), responseTime == null ? 0 : responseTime);
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static Histogram histogram(List<HistogramEntry> entries) {
        Histogram h = new Histogram();
        for (HistogramEntry e : entries) {
            if (e.value() != null && e.count() != null) {
                h.add(e.value(), e.count());
            }
        }
        return h;
    }
}
