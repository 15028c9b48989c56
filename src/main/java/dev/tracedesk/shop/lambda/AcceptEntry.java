package dev.tracedesk.shop.lambda;

import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.handlers.AcceptHandler;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/** Lambda handler {@code dev.tracedesk.shop.lambda.AcceptEntry::handleRequest}: {@code <prefix>_shop_accept} (API Gateway proxy event in, proxy response out). */
public final class AcceptEntry extends LambdaEntry {
    /** Used by the Lambda runtime. */
    public AcceptEntry() {
        super(new AcceptHandler());
    }

    AcceptEntry(Map<String, String> environment, ShopBackend backend, SegmentSender sender, Supplier<String> traceHeader,
                PrintStream log) {
        super(new AcceptHandler(), environment, backend, sender, traceHeader, log);
    }
}
