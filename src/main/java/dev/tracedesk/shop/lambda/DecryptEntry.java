package dev.tracedesk.shop.lambda;

import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.handlers.DecryptHandler;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/** Lambda handler {@code dev.tracedesk.shop.lambda.DecryptEntry::handleRequest}: {@code <prefix>_shop_decrypt} (SNS event in). */
public final class DecryptEntry extends LambdaEntry {
    /** Used by the Lambda runtime. */
    public DecryptEntry() {
        super(new DecryptHandler());
    }

    DecryptEntry(Map<String, String> environment, ShopBackend backend, SegmentSender sender, Supplier<String> traceHeader,
                PrintStream log) {
        super(new DecryptHandler(), environment, backend, sender, traceHeader, log);
    }
}
