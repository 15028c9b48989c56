package dev.tracedesk.explore.traces;

import dev.tracedesk.xray.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.AnnotationValue;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.GetTraceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.ValueWithServiceIds;

/**
 * Summaries, traces and trace graphs through an SDK v2 {@link XRayClient} (AWS or the sandbox: the same code).
 * BatchGetTraces is asked 5 ids at a time and never paginated (spec §2.3, §11).
 */
public final class XRayTraces implements TraceSummarySource, TraceSource {

    static final int BATCH = 5;
    private final XRayClient xray;

    public XRayTraces(XRayClient xray) {
        this.xray = xray;
    }

    @Override
    public SummaryPage page(TraceQuery slice, String nextToken) {
        GetTraceSummariesResponse r = xray.getTraceSummaries(b -> {
            b.startTime(slice.from()).endTime(slice.to()).sampling(false).nextToken(nextToken);
            if (!slice.filter().isEmpty()) {
                b.filterExpression(slice.filter());
            }
        });
        List<TraceRow> rows = new ArrayList<>(r.traceSummaries().size());
        r.traceSummaries().forEach(s -> rows.add(row(s)));
        long processed = r.tracesProcessedCount() == null ? rows.size() : r.tracesProcessedCount();
        String next = r.nextToken() == null || r.nextToken().isEmpty() ? null : r.nextToken();
        return new SummaryPage(rows, processed, next, r.approximateTime());
    }

    static TraceRow row(TraceSummary s) {
        var http = s.http();
        Map<String, List<String>> annotations = new LinkedHashMap<>();
        s.annotations().forEach((key, values) -> {
            List<String> texts = new ArrayList<>();
            for (ValueWithServiceIds v : values) {
                texts.add(text(v.annotationValue()));
            }
            annotations.put(key, texts);
        });
        return new TraceRow(s.id(), s.startTime(),
                http == null ? null : http.httpMethod(), http == null ? null : http.httpStatus(),
                s.responseTime(), s.duration(),
                http == null ? null : http.httpURL(), http == null ? null : http.clientIp(),
                http == null ? null : http.userAgent(),
                s.users().stream().map(u -> u.userName()).filter(n -> n != null).toList(),
                Boolean.TRUE.equals(s.hasFault()), Boolean.TRUE.equals(s.hasError()),
                Boolean.TRUE.equals(s.hasThrottle()), Boolean.TRUE.equals(s.isPartial()), annotations,
                s.resourceARNs().stream().map(a -> a.arn()).filter(a -> a != null).toList(),
                s.serviceIds().stream().map(id -> id.name()).filter(n -> n != null).distinct().toList(),
                s.entryPoint() == null ? null : s.entryPoint().name());
    }

    private static String text(AnnotationValue v) {
        if (v == null) {
            return "";
        }
        if (v.stringValue() != null) {
            return v.stringValue();
        }
        if (v.booleanValue() != null) {
            return v.booleanValue().toString();
        }
        if (v.numberValue() != null) {
            double d = v.numberValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return "";
    }

    @Override
    public List<Trace> traces(List<String> ids) {
        List<Trace> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            BatchGetTracesResponse r = xray.batchGetTraces(b -> b.traceIds(chunk));
            // the documents are what the service returned, decoded as they are (no JSON round trip)
            for (var trace : r.traces()) {
                List<String> docs = new ArrayList<>(trace.segments().size());
                trace.segments().forEach(seg -> docs.add(seg.document()));
                out.addAll(TraceDocuments.assemble(docs).traces());
            }
        }
        return out;
    }

    @Override
    public TraceGraphView graph(String id) {
        List<TraceGraphView.Node> nodes = new ArrayList<>();
        List<TraceGraphView.Edge> edges = new ArrayList<>();
        Map<Integer, Boolean> seen = new HashMap<>();
        String token = null;
        do {
            String t = token;
            GetTraceGraphResponse r = xray.getTraceGraph(b -> b.traceIds(id).nextToken(t));
            for (Service s : r.services()) {
                if (s.referenceId() == null || seen.put(s.referenceId(), true) != null) {
                    continue;
                }
                var stats = s.summaryStatistics();
                boolean fault = stats != null && stats.faultStatistics() != null
                        && stats.faultStatistics().totalCount() != null && stats.faultStatistics().totalCount() > 0;
                boolean error = stats != null && stats.errorStatistics() != null
                        && stats.errorStatistics().totalCount() != null && stats.errorStatistics().totalCount() > 0;
                nodes.add(new TraceGraphView.Node(s.referenceId(), s.name(), s.type(), Boolean.TRUE.equals(s.root()),
                        fault, error));
                s.edges().forEach(e -> edges.add(new TraceGraphView.Edge(s.referenceId(), e.referenceId())));
            }
            token = r.nextToken() == null || r.nextToken().isEmpty() ? null : r.nextToken();
        } while (token != null);
        return new TraceGraphView(nodes, edges);
    }
}
