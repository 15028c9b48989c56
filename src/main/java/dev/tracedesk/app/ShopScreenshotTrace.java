package dev.tracedesk.app;

import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopStackDefinition;
import dev.tracedesk.shop.load.ShopClient;
import dev.tracedesk.ui.trace.TimelineModel;
import dev.tracedesk.xray.TraceId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Trace;

/**
 * The trace screenshots' data: real orders through the sandbox's shop stack (stage → accept → SNS → decrypt → SNS →
 * update_db), so the trace, its mini map and its Logs tab (the functions' START/END/REPORT lines) are what a user of
 * the shop sees. The first order after the stack starts meets every function cold. The requests carry
 * {@code Sampled=1}, as a caller that always traces would, so no sampling rule can leave the shots empty.
 */
final class ShopScreenshotTrace {

    private ShopScreenshotTrace() {
    }

    /** Sends {@code orders} valid orders; returns the trace id of the first (the cold start). Worker thread. */
    static String sendOrders(ShopStack shop, int orders) throws IOException, InterruptedException {
        ShopClient client = new ShopClient(shop.invokeUrl(), shop.key());
        String first = null;
        for (int i = 0; i < orders; i++) {
            String id = TraceId.generate(Instant.now()).value();
            ShopClient.Response r = client.post(ShopStackDefinition.RESOURCE,
                    client.validOrder("shop-" + (1 + i % 3)).toString(), "Root=" + id + ";Sampled=1");
            if (r.status() != 202) {
                throw new IllegalStateException("the shop answered " + r.status() + " to a valid order: " + r.body());
            }
            if (first == null) {
                first = id;
            }
        }
        return first;
    }

    /** Waits until the trace holds the update_db function's segment (the last hop, after two SNS deliveries). */
    static void awaitComplete(XRayClient xray, String traceId, String updateFunction, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Trace> traces = xray.batchGetTraces(b -> b.traceIds(traceId)).traces();
            boolean done = traces.stream().flatMap(t -> t.segments().stream())
                    .anyMatch(s -> s.document().contains("\"" + updateFunction + "\"")
                            && s.document().contains("AWS::Lambda::Function"));
            if (done) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the shop trace " + traceId + " did not reach " + updateFunction);
    }

    /** The row of the function segment ({@code AWS::Lambda::Function}) named {@code function}, or -1. */
    static int functionRow(TimelineModel model, String function) {
        for (int row = 0; row < model.rowCount(); row++) {
            if (model.isSegment(row) && function.equals(model.segment(row).name())
                    && "AWS::Lambda::Function".equals(model.segment(row).origin())) {
                return row;
            }
        }
        return -1;
    }
}
